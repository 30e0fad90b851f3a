// The utility process's entry (bundled to dist-electron/engineHost.js, started by engineProcess.ts).
// Electron gives a utility process `process.parentPort` to talk to the main process; nothing else here
// needs Electron, so this file does not import it.
import { runEngineHost } from './engineHost.ts';
import type { MessageEndpoint } from './endpoint.ts';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('engineHost.js runs as an Electron utility process (started by the Partner Desk app).');
  process.exit(2);
}

const endpoint: MessageEndpoint = {
  post: (message) => parentPort.postMessage(message),
  onMessage(listener) {
    const onEvent = (event: { data: unknown }) => listener(event.data);
    parentPort.on('message', onEvent);
    return () => parentPort.off('message', onEvent);
  },
};

runEngineHost({ endpoint, exit: (code) => process.exit(code) });
