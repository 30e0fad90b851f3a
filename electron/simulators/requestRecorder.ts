// Records every request a simulator server receives — method, path, headers, body, status, small JSON
// answers and when it arrived and was answered — so a benchmark can replay exactly the calls the
// engine made with a bare client. Off unless a process turns it on (the benchmark's simulator host):
// recording costs memory and must never run in the product's demo.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface RecordedRequest {
  /** The port of the server that received it (which simulator). */
  port: number;
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  status: number;
  /** The answer's bytes when small (ids of created objects, tokens); null for large ones (feed pages). */
  response: Buffer | null;
  /** performance.now() when the request arrived and when its answer was handed to the socket. */
  startedAt: number;
  endedAt: number;
}

// Answers above this size (feed pages) are not kept: replay only needs ids and tokens from them.
const MAX_KEPT_RESPONSE = 64 * 1024;

let recording: RecordedRequest[] | null = null;

/** Turns recording on in this process (servers registered before and after are recorded). */
export function startRecording(): void {
  recording = [];
}

export function stopRecording(): void {
  recording = null;
}

/** Everything recorded since the last take, in the order the answers finished. */
export function takeRecording(): RecordedRequest[] {
  const taken = recording ?? [];
  if (recording) recording = [];
  return taken;
}

/** Called once by `listen()` for every simulator server; a no-op while recording is off. */
export function registerForRecording(server: Server): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const log = recording;
    // Admin calls (`/_sim/…`) are the benchmark driving the simulator, not the engine's work.
    if (!log || req.url?.startsWith('/_sim/')) return;
    const startedAt = performance.now();
    const port = req.socket.localPort ?? 0;
    const body: Buffer[] = [];
    // Watch 'data' as it is emitted to whoever reads the body, without starting or stealing the flow:
    // a binary upload handler that reads later still gets every byte.
    const emit = req.emit.bind(req) as (event: string | symbol, ...args: unknown[]) => boolean;
    req.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'data' && Buffer.isBuffer(args[0])) body.push(args[0]);
      return emit(event, ...args);
    }) as typeof req.emit;
    const response: Buffer[] = [];
    let responseSize = 0;
    const keep = (chunk: unknown) => {
      if (responseSize > MAX_KEPT_RESPONSE || chunk === undefined || typeof chunk === 'function') return;
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      responseSize += b.length;
      response.push(b);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      keep(args[0]);
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      keep(args[0]);
      return end(...args);
    }) as typeof res.end;
    res.once('close', () => {
      log.push({
        port,
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: flatHeaders(req),
        body: Buffer.concat(body),
        status: res.statusCode,
        response: responseSize <= MAX_KEPT_RESPONSE ? Buffer.concat(response) : null,
        startedAt,
        endedAt: performance.now(),
      });
    });
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
