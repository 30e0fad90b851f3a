// Zod issues as phrases a person can act on: "references.poNumber is too long (more than 64 characters)".
// The offending value is never put into the phrase (only whether it was absent), so a hostile payload
// cannot smuggle megabytes or secrets into a message.
import type { z } from 'zod';
import { sanitizeSnippet } from './sanitize.ts';

type Issue = z.core.$ZodIssue;

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const name = sanitizeSnippet(String(seg), 64);
      out += out === '' ? name : `.${name}`;
    }
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function withArticle(type: string): string {
  if (type === 'undefined' || type === 'null') return type;
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}

function receivedType(message: string): string | undefined {
  return /received (\w+)/.exec(message)?.[1];
}

/** One issue as a phrase: the field path and the problem. */
export function describeIssue(issue: Issue): string {
  const where = issue.path.length > 0 ? formatIssuePath(issue.path) : 'the value';
  // With `reportInput`, an absent field shows as `input: undefined` whatever the expected type.
  if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys')
    return `${where} is missing`;
  switch (issue.code) {
    case 'invalid_type': {
      const received = receivedType(issue.message);
      if (received === 'undefined') return `${where} is missing`;
      const expected = issue.expected === 'int' ? 'whole number' : issue.expected;
      return received
        ? `${where} should be ${withArticle(expected)}, not ${withArticle(received)}`
        : `${where} should be ${withArticle(expected)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${where} is too long (more than ${plural(max, 'character')})`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${where} has too many entries (more than ${max})`;
      return `${where} is too large (must be ${issue.inclusive ? 'at most' : 'less than'} ${max})`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1
          ? `${where} is empty`
          : `${where} is too short (fewer than ${plural(min, 'character')})`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${where} has too few entries (fewer than ${min})`;
      return `${where} is too small (must be ${issue.inclusive ? 'at least' : 'more than'} ${min})`;
    }
    case 'invalid_format': {
      if (issue.format === 'datetime') return `${where} is not a date-time with a time zone (ISO 8601)`;
      if (issue.format === 'regex') {
        return issue.message.startsWith('Invalid string')
          ? `${where} is not in the expected format`
          : `${where} is not in the expected format (${sanitizeSnippet(issue.message, 100)})`;
      }
      return `${where} is not a valid ${issue.format}`;
    }
    case 'invalid_value': {
      const values = issue.values.slice(0, 12).map((v) => JSON.stringify(v));
      const more = issue.values.length > 12 ? ', …' : '';
      return values.length === 1
        ? `${where} must be ${values[0]}`
        : `${where} must be one of ${values.join(', ')}${more}`;
    }
    case 'unrecognized_keys':
      return `${where} has unexpected fields (${issue.keys
        .slice(0, 5)
        .map((k) => sanitizeSnippet(k, 40))
        .join(', ')})`;
    case 'invalid_union':
      return `${where} does not match any of the accepted shapes`;
    case 'not_multiple_of':
      return `${where} must be a multiple of ${String(issue.divisor)}`;
    default:
      return `${where}: ${sanitizeSnippet(issue.message, 150)}`;
  }
}

/** Up to `max` issues joined into one clause, noting how many more were left out. */
export function summarizeIssues(issues: readonly Issue[], max = 5): string {
  if (issues.length === 0) return 'the data does not match the expected shape';
  const shown = issues.slice(0, max).map(describeIssue);
  const rest = issues.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${plural(rest, 'more problem')}` : shown.join('; ');
}
