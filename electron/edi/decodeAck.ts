// decodeAcknowledgment: detect 997 / 999 / CONTRL from the first segment and hand over to the right decoder.
import { EDIFACT_FIRST_SEGMENTS } from './contrlSegments.ts';
import { decodeContrl } from './edifactContrl.ts';
import { MAX_INPUT_CHARS } from './limits.ts';
import { malformed, notAnAck } from './result.ts';
import { clean, quote } from './text.ts';
import type { AckDecodeResult } from './types.ts';
import { decodeX12Ack } from './x12Ack.ts';
import { X12_FIRST_SEGMENTS } from './x12AckSegments.ts';

export function decodeAcknowledgment(raw: string): AckDecodeResult {
  try {
    return decode(raw);
  } catch (error) {
    // Safety net only: the decoders are written not to throw, and the property tests check that they don't.
    // A bug must still reach the desk as a clear refusal, never as a crashed poll cycle.
    const reason = error instanceof Error ? error.message : 'unknown';
    return malformed(
      `The acknowledgment could not be decoded (internal decoder error: ${clean(reason, 100)})`,
    );
  }
}

function decode(raw: unknown): AckDecodeResult {
  if (typeof raw !== 'string') return malformed('The acknowledgment is not text');
  if (raw.length > MAX_INPUT_CHARS) {
    return malformed(
      `The acknowledgment is too large: ${raw.length.toLocaleString('en-US')} characters ` +
        `(the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')})`,
    );
  }
  const text = raw.replace(/^[\uFEFF\s]+/, '');
  if (text === '') return malformed('The acknowledgment is empty');
  const tag = /^[A-Za-z0-9]{1,3}/.exec(text)?.[0] ?? '';
  if (EDIFACT_FIRST_SEGMENTS.has(tag)) return decodeContrl(text);
  if (X12_FIRST_SEGMENTS.has(tag)) return decodeX12Ack(text);
  const token = /^[A-Za-z0-9]{1,20}/.exec(text)?.[0] ?? text.slice(0, 10);
  return notAnAck(`first segment is ${quote(token, 20)}`);
}
