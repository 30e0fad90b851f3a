// Serves the renderer build with `window.partnerDesk` bridged to a desk service, as the e2e bridge
// (test/e2e/bridge) does, but over an engine on a store the benchmark seeded: the e2e world syncs its
// cases from the simulators, which at 100,000 cases would take longer than the measurement itself.
// Only what the inbox needs: the API script, invoke, events and the static build.
import { createServer, type IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { EVENT_CHANNELS } from '../../shared/ipc/contract.ts';
import type { DeskService } from '../../electron/service/deskService.ts';
import { BRIDGE_SCRIPT_PATH, serveStatic } from '../e2e/bridge/staticRenderer.ts';
import { createEventStream } from '../e2e/bridge/eventStream.ts';

const API_SCRIPT = fileURLToPath(new URL('../e2e/bridge/api.js', import.meta.url));

async function readJson(req: IncomingMessage): Promise<{ channel?: unknown; args?: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { channel?: unknown; args?: unknown };
}

export async function startRendererServer(
  rendererDir: string,
  service: DeskService,
): Promise<{ url: string; close(): Promise<void> }> {
  const events = createEventStream();
  const script = readFileSync(API_SCRIPT, 'utf8').replace(
    '/* EVENT_CHANNELS */ []',
    JSON.stringify(EVENT_CHANNELS),
  );
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === BRIDGE_SCRIPT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return void res.end(script);
    }
    if (req.method === 'GET' && path === '/__bridge/events') return events.attach(req, res);
    if (req.method === 'POST' && path === '/__bridge/invoke') {
      readJson(req)
        .then((body) => service.invoke(body.channel, body.args))
        .then(
          (result) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ result: result ?? null }));
          },
          (error: unknown) => {
            res.writeHead(400, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
          },
        );
      return;
    }
    serveStatic(rendererDir, path, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
