// What "a clear error" means for the property tests: a sentence a person can read, bounded in length,
// on one line, with no control characters and none of the hostile payload's bulk echoed back.
import { expect } from 'vitest';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export const MAX_MESSAGE_CHARS = 4_000;

export function expectClearMessage(message: unknown): void {
  expect(typeof message).toBe('string');
  const text = message as string;
  expect(text.trim().length).toBeGreaterThan(10);
  expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  expect(text).not.toMatch(CONTROL);
}
