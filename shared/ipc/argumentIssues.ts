// Why a window call's arguments were refused, in a message that stays short whatever the call held:
// a renderer bug (or an attacker) sending ten thousand bad paths or a key a megabyte long gets the first
// few problems, each bounded and on one line, and a count of the rest.
import type { z } from 'zod';

const MAX_SHOWN = 5;
const MAX_PART = 160;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

function bounded(text: string): string {
  const clean = text.slice(0, MAX_PART * 2).replace(CONTROL, ' ');
  return clean.length > MAX_PART ? `${clean.slice(0, MAX_PART)}…` : clean;
}

export function describeArgumentIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues
    .slice(0, MAX_SHOWN)
    .map((i) => `${bounded(i.path.map(String).join('.')) || '(root)'} ${bounded(i.message)}`);
  const rest = issues.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${rest} more` : shown.join('; ');
}
