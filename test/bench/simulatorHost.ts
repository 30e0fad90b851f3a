// Child process that runs both simulators for a benchmark, so the engine (or the bare reference
// client) and the simulators do not share one thread: both sides of a comparison get the same help.
// Speaks to its parent over IPC: `take` returns the requests recorded since the last take, `call`
// invokes a method on the running simulators (to drive or count), `close` stops and exits.
import { startSimulators, type StartSimulatorsOptions } from '../../electron/simulators/index.ts';
import { startRecording, takeRecording } from '../../electron/simulators/requestRecorder.ts';

export type HostRequest =
  | { id: number; kind: 'take' }
  | { id: number; kind: 'call'; path: string; args: unknown[] }
  | { id: number; kind: 'close' };

export interface HostReady {
  xconnectorUrl: string;
  tradingGridUrl: string;
}

const send = (message: unknown) => process.send?.(message);

const options = JSON.parse(process.argv[2] ?? '{}') as StartSimulatorsOptions & { record?: boolean };
if (options.record) startRecording();
const sims = await startSimulators(options);
send({ ready: { xconnectorUrl: sims.xconnector.url, tradingGridUrl: sims.tradingGrid.url } });

/** Resolves `a.b.c` on the simulators and calls it with `this` bound to its owner. */
function call(path: string, args: unknown[]): unknown {
  const parts = path.split('.');
  let owner: unknown = sims;
  for (const part of parts.slice(0, -1)) owner = (owner as Record<string, unknown>)[part];
  const fn = (owner as Record<string, unknown>)[parts.at(-1) ?? ''];
  if (typeof fn !== 'function') throw new Error(`no simulator method ${path}`);
  const result = (fn as (...a: unknown[]) => unknown).apply(owner, args);
  // Plain data only crosses the process boundary.
  return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
}

// The benchmark died or moved on without closing: do not linger.
process.on('disconnect', () => process.exit(0));

process.on('message', (raw) => {
  const message = raw as HostRequest;
  void (async () => {
    try {
      if (message.kind === 'take') send({ id: message.id, value: takeRecording() });
      else if (message.kind === 'call') send({ id: message.id, value: call(message.path, message.args) });
      else {
        // The parent waits for this process to exit, not for an answer.
        await sims.close();
        process.exit(0);
      }
    } catch (error) {
      send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
