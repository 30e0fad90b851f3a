// Answers a request for a file's bytes as a file server does: the whole content streamed in slices
// (200), or from an offset when asked with `Range: bytes=<from>-[<to>]` (206 with Content-Range), so
// an interrupted download can continue. Used by every simulated endpoint that serves file content.
import { Readable } from 'node:stream';
import { HttpError, type Reply } from './router.ts';

const RANGE = /^bytes=(\d{1,15})-(\d{1,15})?$/;

/**
 * Streams in small slices, as a real server sends a file, rather than one write of the whole buffer;
 * `sliceDelayMs` paces them (a slow link, so a test can interrupt a download halfway).
 */
function slices(content: Buffer, sliceDelayMs = 0): Readable {
  const size = 64 * 1024;
  let at = 0;
  return new Readable({
    read() {
      const push = () => {
        if (at >= content.length) return void this.push(null);
        this.push(content.subarray(at, at + size));
        at += size;
      };
      if (sliceDelayMs > 0) setTimeout(push, sliceDelayMs).unref();
      else push();
    },
  });
}

export function byteRangeReply(
  content: Buffer,
  contentType: string,
  rangeHeader: string | undefined,
  headers: Record<string, string> = {},
  sliceDelayMs = 0,
): Reply {
  const range = rangeHeader === undefined ? null : RANGE.exec(rangeHeader);
  if (rangeHeader !== undefined && !range)
    throw new HttpError(416, 'Range not satisfiable', 'only "bytes=<from>-[<to>]" is understood');
  if (!range)
    return {
      bytes: slices(content, sliceDelayMs),
      contentType,
      headers: { ...headers, 'content-length': String(content.length) },
    };
  const from = Number(range[1]);
  const to = Math.min(range[2] === undefined ? content.length - 1 : Number(range[2]), content.length - 1);
  if (from >= content.length || from > to)
    throw new HttpError(416, 'Range not satisfiable', `the file has ${content.length} bytes`, {
      'content-range': `bytes */${content.length}`,
    });
  const part = content.subarray(from, to + 1);
  return {
    status: 206,
    bytes: slices(part, sliceDelayMs),
    contentType,
    headers: {
      ...headers,
      'content-length': String(part.length),
      'content-range': `bytes ${from}-${to}/${content.length}`,
      'accept-ranges': 'bytes',
    },
  };
}
