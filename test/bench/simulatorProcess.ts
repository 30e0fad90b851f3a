// Starts the simulators in a child process (test/bench/simulatorHost.ts) and talks to it: the parent
// keeps a core for the engine or the bare client being measured.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StartSimulatorsOptions } from '../../electron/simulators/index.ts';
import type { RecordedRequest } from '../../electron/simulators/requestRecorder.ts';
import type { HostReady, HostRequest } from './simulatorHost.ts';

/** Fixed so that a fresh simulator accepts the same calls when they are replayed. */
export const BENCH_CREDENTIALS = {
  xconnectorApiKey: 'bench-api-key-0123456789abcdef',
  tradingGridClientId: 'partner-desk-bench',
  tradingGridClientSecret: 'bench-client-secret-0123456789abcdef',
};

/** Options that cross the process boundary: plain data only (no clock, no callbacks). */
export type SimulatorProcessOptions = Omit<StartSimulatorsOptions, 'clock' | 'scenario'>;

export interface SimulatorProcess {
  xconnectorUrl: string;
  tradingGridUrl: string;
  credentials: typeof BENCH_CREDENTIALS;
  /** Calls a method on the child's simulators by path, e.g. `tradingGrid.sim.duplicates`. */
  call<T = unknown>(path: string, ...args: unknown[]): Promise<T>;
  /** The requests the simulators received since the last take (empty unless started with `record`). */
  take(): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

/** A host request before it gets its id (distributed over the union's members). */
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;

const HOST = fileURLToPath(new URL('./simulatorHost.ts', import.meta.url));

export async function startSimulatorProcess(
  options: SimulatorProcessOptions,
  record = false,
): Promise<SimulatorProcess> {
  const child: ChildProcess = fork(
    HOST,
    [JSON.stringify({ ...options, credentials: BENCH_CREDENTIALS, record })],
    { serialization: 'advanced', execArgv: ['--disable-warning=ExperimentalWarning'], stdio: 'inherit' },
  );
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<HostReady>((resolve, reject) => {
    child.once('exit', (code) => {
      const gone = new Error(`the simulator process exited (${code})`);
      reject(gone);
      for (const w of waiting.values()) w.reject(gone);
      waiting.clear();
    });
    child.on('message', (raw) => {
      const m = raw as { ready?: HostReady; id?: number; value?: unknown; error?: string };
      if (m.ready) return resolve(m.ready);
      const w = waiting.get(m.id ?? -1);
      if (!w) return;
      waiting.delete(m.id ?? -1);
      if (m.error !== undefined) w.reject(new Error(m.error));
      else w.resolve(m.value);
    });
  });
  const request = <T>(message: Unnumbered<HostRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...message, id });
    });
  const urls = await ready;
  return {
    ...urls,
    credentials: BENCH_CREDENTIALS,
    call: (path, ...args) => request({ kind: 'call', path, args }),
    take: () => request({ kind: 'take' }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ kind: 'close', id: nextId++ });
      await exited;
    },
  };
}
