// One end of the channel between the main process and the engine host, whatever carries it: Electron's
// utilityProcess / process.parentPort in the app, a worker_threads MessagePort or a forked process's
// IPC in tests. Messages are plain data (structured clone).
import type { MessagePort } from 'node:worker_threads';

export interface MessageEndpoint {
  post(message: unknown): void;
  /** Returns a function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
}

export function endpointFromNodePort(port: MessagePort): MessageEndpoint {
  return {
    post: (message) => port.postMessage(message),
    onMessage(listener) {
      port.on('message', listener);
      return () => port.off('message', listener);
    },
  };
}
