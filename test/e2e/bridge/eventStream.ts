// Engine events to the browser as Server-Sent Events: what `webContents.send` is in Electron. Each
// message carries `{channel, payload}`; the bridge script hands it to the listeners of that channel.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventChannel, EventChannels } from '../../../shared/ipc/contract.ts';

export interface EventStream {
  /** Answers `GET /__bridge/events`: keeps the response open and writes every event to it. */
  attach(req: IncomingMessage, res: ServerResponse): void;
  emit<E extends EventChannel>(channel: E, payload: EventChannels[E]): void;
  /** Every event sent so far (tests read what the window was told). */
  readonly sent: { channel: EventChannel; payload: unknown }[];
  clients(): number;
  close(): void;
}

const KEEP_ALIVE_MS = 15_000;
const SENT_KEPT = 2_000;

export function createEventStream(): EventStream {
  const open = new Set<ServerResponse>();
  const sent: { channel: EventChannel; payload: unknown }[] = [];
  // Proxies and some clients drop a silent stream; a comment line keeps it alive and costs nothing.
  const keepAlive = setInterval(() => {
    for (const res of open) res.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  return {
    attach(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      // Tells EventSource how soon to reconnect after the bridge restarts its world.
      res.write('retry: 500\n\n');
      open.add(res);
      req.on('close', () => open.delete(res));
    },
    emit(channel, payload) {
      sent.push({ channel, payload });
      if (sent.length > SENT_KEPT) sent.splice(0, sent.length - SENT_KEPT);
      const line = `data: ${JSON.stringify({ channel, payload })}\n\n`;
      for (const res of open) res.write(line);
    },
    sent,
    clients: () => open.size,
    close() {
      clearInterval(keepAlive);
      for (const res of open) res.end();
      open.clear();
    },
  };
}
