// Test helpers for the HTTP layer and the connectors: a real node:http server on 127.0.0.1 with a tiny
// handler per test, a fake clock, a recording sleep and a recording logger. Not used by product code.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpPolicy } from '../../shared/config/engineSettings.ts';
import type { Logger } from './logger.ts';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  index: number,
) => void | Promise<void>;

export interface LocalServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const index = requests.length;
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      Promise.resolve(handler(req, res, body, index)).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(599);
        res.end(String(e));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export interface FakeClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

/** A clock that only moves when told to. Starts on a whole second so HTTP-dates round-trip exactly. */
export function fakeClock(start = 1_700_000_000_000): FakeClock {
  let t = start;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
    set(ms) {
      t = ms;
    },
  };
}

/** A sleep that returns at once and remembers every requested wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string | undefined;
}

export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (obj: Record<string, unknown>, msg?: string): void => {
      entries.push({ level, obj, msg });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function policy(overrides: Partial<HttpPolicy> = {}): HttpPolicy {
  return {
    timeoutMs: 5_000,
    concurrency: 8,
    ratePerSecond: 1_000,
    burst: 1_000,
    maxRetries: 3,
    backoffBaseMs: 100,
    backoffMaxMs: 20_000,
    ...overrides,
  };
}

/** Resolves after the event loop has had a turn (pending I/O callbacks included). */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Waits, turn by turn, until `condition` holds (bounded so a bug fails the test instead of hanging). */
export async function until(condition: () => boolean, maxTurns = 100_000): Promise<void> {
  for (let i = 0; i < maxTurns; i += 1) {
    await tick();
    if (condition()) return;
  }
  throw new Error('condition never became true');
}
