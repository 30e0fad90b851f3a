// Parses one raw item of the internal-cases feed or of the issue change feed into a typed value, or
// into a reason a person can read for why it was set aside. One bad item never blocks its page.
import type { z } from 'zod';
import type { Mappings } from '../../shared/config/mappings.ts';
import { InternalCase } from '../../shared/domain/internalCase.ts';
import { IssueSnapshot } from '../../shared/domain/issueSnapshot.ts';
import { itemIdOf } from '../connectors/itemParsing.ts';
import type { ParseResult } from '../flows/feedFlow.ts';
import { sanitizeSnippet } from '../http/sanitize.ts';
import { summarizeIssues } from '../http/zodIssues.ts';

function parseWith<S extends z.ZodType>(schema: S, kind: string, raw: unknown): ParseResult<z.output<S>> {
  const itemId = itemIdOf(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: `An ${kind} in the feed is not an object, so it was set aside.` };
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const label =
    itemId !== undefined ? `${kind} ${sanitizeSnippet(itemId, 128)}` : `An ${kind} without a usable id`;
  return {
    ok: false,
    reason: `${label} is malformed and was set aside: ${summarizeIssues(parsed.error.issues)}.`,
    ...(itemId !== undefined ? { itemId } : {}),
  };
}

export function parseInternalCase(raw: unknown, _mappings: Mappings): ParseResult<InternalCase> {
  return parseWith(InternalCase, 'internal case', raw);
}

export function parseIssueSnapshot(raw: unknown, _mappings: Mappings): ParseResult<IssueSnapshot> {
  return parseWith(IssueSnapshot, 'issue', raw);
}
