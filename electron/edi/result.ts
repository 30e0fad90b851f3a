// The two result shapes, built in one place so every refusal reads the same way.
import type { AckDecodeResult, DecodedAcknowledgment } from './types.ts';

export function malformed(message: string): AckDecodeResult {
  return { ok: false, error: { kind: 'malformed_ack', message } };
}

export function notAnAck(reason: string): AckDecodeResult {
  return malformed(`Not a 997, 999 or CONTRL acknowledgment: ${reason}`);
}

export function decoded(ack: DecodedAcknowledgment): AckDecodeResult {
  return { ok: true, ack };
}
