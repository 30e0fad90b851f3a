// The browser bridge: serves the renderer build and answers `window.partnerDesk` (test/e2e/bridge/api.js)
// with a REAL engine and both simulators behind the desk service, so the renderer runs in a plain
// Chromium exactly as it runs in Electron, minus the Electron binary. Loopback only.
//
//   node test/e2e/bridge/bridgeServer.ts --port 5180     then open http://127.0.0.1:5180/
//   (serves dist/renderer from `npx vite build`; --build makes a private build first, --renderer <dir>
//   serves another folder, --activity-ms 4000 keeps new exceptions and failures coming)
//
// Routes: the build (GET /…), POST /__bridge/invoke, GET /__bridge/events (SSE), POST /__bridge/files,
// GET /__bridge/api.js, and the test controls under /__test/ (testControl.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { EVENT_CHANNELS } from '../../../shared/ipc/contract.ts';
import { IpcRequestError } from '../../../electron/service/deskService.ts';
import { createEventStream } from './eventStream.ts';
import { createDroppedFiles, DroppedFileError } from './droppedFiles.ts';
import { BRIDGE_SCRIPT_PATH, serveStatic } from './staticRenderer.ts';
import { startWorld, type World, type WorldOptions } from './bridgeWorld.ts';
import { TestControlError, testControlRoutes } from './testControl.ts';
import { buildRendererPrivately } from './rendererBuild.ts';

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
const API_SCRIPT = fileURLToPath(new URL('./api.js', import.meta.url));
const MAX_JSON_BYTES = 1024 * 1024;
const MAX_DROPPED_FILE_BYTES = 1024 * 1024 * 1024;

export interface BridgeOptions {
  /** 0 (the default) picks a free port. The bridge always listens on 127.0.0.1 only. */
  port?: number;
  rendererDir?: string;
  world?: WorldOptions;
}

export interface Bridge {
  url: string;
  server: Server;
  world(): Promise<World>;
  close(): Promise<void>;
}

class BodyError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES)
      throw new BodyError(413, `The request body is larger than ${MAX_JSON_BYTES} bytes.`);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'The request body is not JSON.');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** The bridge script with the event channel list of the IPC contract filled in. */
function bridgeScript(): string {
  return readFileSync(API_SCRIPT, 'utf8').replace('/* EVENT_CHANNELS */ []', JSON.stringify(EVENT_CHANNELS));
}

export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const events = createEventStream();
  const drops = createDroppedFiles(MAX_DROPPED_FILE_BYTES);
  let current: Promise<World> = startWorld(options.world ?? {}, events.emit);
  // A reset builds a fresh world; requests arriving meanwhile wait for it rather than see a closed engine.
  const reset = async (worldOptions: WorldOptions): Promise<World> => {
    const old = current;
    current = old.then(
      (w) => w.close().then(() => startWorld({ ...options.world, ...worldOptions }, events.emit)),
      () => startWorld({ ...options.world, ...worldOptions }, events.emit),
    );
    return current;
  };
  const controls = testControlRoutes({ world: () => current, reset, events });

  let port = 0;
  // Only this machine, by name: a page elsewhere cannot reach the bridge by rebinding a DNS name to us.
  const allowedHost = (host: string | undefined) =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHost(req.headers.host))
      return sendJson(res, 403, { error: 'The bridge answers loopback names only.' });
    const url = new URL(req.url ?? '/', 'http://bridge.invalid');
    const route = `${req.method} ${url.pathname}`;

    if (route === `GET ${BRIDGE_SCRIPT_PATH}`) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(bridgeScript());
      return;
    }
    if (route === 'POST /__bridge/invoke') {
      const body = (await readJson(req)) as { channel?: unknown; args?: unknown } | undefined;
      const world = await current;
      try {
        const result = await world.service.invoke(body?.channel, body?.args);
        return sendJson(res, 200, { result: result ?? null });
      } catch (error) {
        // Bad input is the window's mistake (400, as ipcMain would reject the call); anything else is ours.
        if (error instanceof IpcRequestError) return sendJson(res, 400, { error: error.message });
        throw error;
      }
    }
    if (route === 'GET /__bridge/events') return events.attach(req, res);
    if (route === 'POST /__bridge/files') return sendJson(res, 200, { path: await drops.receive(req) });

    const control = controls[route];
    if (control) return sendJson(res, 200, await control(await readJson(req), url.searchParams));
    if (url.pathname.startsWith('/__bridge/') || url.pathname.startsWith('/__test/'))
      return sendJson(res, 404, { error: `No route ${route}.` });
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'Method not allowed.' });
    // The raw path, not url.pathname: URL parsing would quietly resolve `..` instead of refusing it.
    serveStatic(rendererDir, (req.url ?? '/').split('?')[0] ?? '/', res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status =
        error instanceof BodyError || error instanceof DroppedFileError || error instanceof TestControlError
          ? error.status
          : 500;
      if (status === 500) console.error('bridge:', error);
      if (res.headersSent) res.end();
      else sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await current;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    world: () => current,
    async close() {
      events.close();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await (await current).close();
      drops.close();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      renderer: { type: 'string' },
      build: { type: 'boolean', default: false },
      seed: { type: 'string' },
      exceptions: { type: 'string' },
      transactions: { type: 'string' },
      'activity-ms': { type: 'string' },
    },
    strict: true,
  });
  const int = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`--${name} must be a whole number, got "${raw}"`);
      process.exit(2);
    }
    return n;
  };
  if (values.build && values.renderer) {
    console.error('--build makes its own renderer build: leave out --renderer');
    process.exit(2);
  }
  const built = values.build ? await buildRendererPrivately() : null;
  const rendererDir = built?.dir ?? values.renderer ?? DEFAULT_RENDERER_DIR;
  const bridge = await startBridge({
    port: int('port', values.port),
    rendererDir,
    world: {
      seed: int('seed', values.seed),
      exceptions: int('exceptions', values.exceptions),
      transactions: int('transactions', values.transactions),
    },
  });
  const activityMs = int('activity-ms', values['activity-ms']);
  if (activityMs) (await bridge.world()).sims.xconnector.sim.startActivity(activityMs);
  console.log(`Partner Desk browser bridge: ${bridge.url}/ (renderer from ${rendererDir})`);
  const stop = () =>
    void bridge
      .close()
      .finally(() => built?.remove())
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
