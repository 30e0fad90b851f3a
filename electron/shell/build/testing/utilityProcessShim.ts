// Runs a built engineHost.js in plain Node the way Electron runs it in a utility process: with a
// `process.parentPort` (here carried over the fork's IPC channel). Used by the bundle test only.
import { pathToFileURL } from 'node:url';

type Listener = (event: { data: unknown }) => void;
const wrapped = new Map<Listener, (m: unknown) => void>();
const send = process.send?.bind(process);
if (!send) throw new Error('utilityProcessShim runs as a forked process');

Object.assign(process, {
  parentPort: {
    on(_event: 'message', listener: Listener) {
      const w = (m: unknown) => listener({ data: m });
      wrapped.set(listener, w);
      process.on('message', w);
    },
    off(_event: 'message', listener: Listener) {
      const w = wrapped.get(listener);
      if (w) process.off('message', w);
    },
    postMessage: (message: unknown) => void send(message as never),
  },
});

await import(pathToFileURL(process.argv[2] ?? '').href);
