// A stand-in for the engine's utility process in tests: a worker_threads MessageChannel carries the
// messages, and a scripted host answers them, so the main side (engineClient) is exercised over a real
// structured-clone channel without Electron.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { endpointFromNodePort } from '../endpoint.ts';
import type { EngineChild } from '../engineClient.ts';

export interface FakeHost {
  child: EngineChild;
  /** What main sent, in order. */
  received: Record<string, unknown>[];
  send(message: unknown): void;
  /** The process ends (a crash when main did not ask for it). */
  exit(code: number | null, detail?: string): void;
  readonly exited: boolean;
}

export type HostScript = (message: Record<string, unknown>, host: FakeHost) => void;

/** Answers like the real host: ready on init, an echo of each call, stopped + exit on shutdown. */
export const wellBehaved: HostScript = (m, host) => {
  if (m.type === 'init') host.send({ type: 'ready', mode: 'demo', simulators: null });
  if (m.type === 'invoke')
    host.send({ type: 'answer', id: m.id, ok: true, value: { channel: m.channel, args: m.args } });
  if (m.type === 'shutdown') {
    host.send({ type: 'stopped' });
    setTimeout(() => host.exit(0), 5);
  }
};

export function fakeEngineChild(script: HostScript = wellBehaved): FakeHost {
  const { port1, port2 } = new MessageChannel();
  const exitListeners: ((e: { code: number | null; detail: string }) => void)[] = [];
  let exited = false;
  const close = (port: MessagePort) => {
    port.removeAllListeners();
    port.close();
  };
  const host: FakeHost = {
    received: [],
    send: (message) => {
      if (!exited) port2.postMessage(message);
    },
    exit(code, detail = code === null ? 'killed' : `exit code ${code}`) {
      if (exited) return;
      exited = true;
      close(port1);
      close(port2);
      for (const l of exitListeners) l({ code, detail });
    },
    get exited() {
      return exited;
    },
    child: {
      endpoint: endpointFromNodePort(port1),
      onExit: (l) => void exitListeners.push(l),
      kill: () => setImmediate(() => host.exit(null, 'killed by SIGKILL')),
    },
  };
  port2.on('message', (m: Record<string, unknown>) => {
    host.received.push(m);
    script(m, host);
  });
  return host;
}
