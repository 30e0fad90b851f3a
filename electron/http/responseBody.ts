// Reads a response body into memory with a ceiling, so a misbehaving or hostile server cannot make the
// desk buffer an unbounded answer: past the limit the body is destroyed and the caller told it was cut.
import type { Readable } from 'node:stream';

export interface BodyText {
  text: string;
  /** True when the body was longer than the limit and only its start was kept. */
  truncated: boolean;
}

/** Reads a body up to `limit` bytes; beyond that the body is destroyed and `truncated` set. */
export async function readBody(body: Readable, limit: number): Promise<BodyText> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > limit) {
      const keep = buf.length - (size - limit);
      if (keep > 0) chunks.push(buf.subarray(0, keep));
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(buf);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}
