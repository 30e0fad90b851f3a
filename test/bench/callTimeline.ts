// When each call the engine made left and when its answer was fully in, seen from the engine's side
// (undici's diagnostics channels, no change to the engine): a simulator answers one call at a time, so
// its own clock cannot tell which calls the engine had in flight together. Each call is tagged with a
// header the simulators' request recorder keeps, which joins the two records.
import diagnostics from 'node:diagnostics_channel';
import type { RecordedRequest } from '../../electron/simulators/requestRecorder.ts';

export const CALL_HEADER = 'x-bench-call';

interface UndiciRequest {
  addHeader(name: string, value: string): unknown;
}

export interface CallTimeline {
  /** Replaces the simulator-side times of recorded calls with the engine-side ones. */
  apply(recorded: RecordedRequest[]): RecordedRequest[];
  stop(): void;
}

export function traceCalls(): CallTimeline {
  const ids = new WeakMap<object, string>();
  const times = new Map<string, { startedAt: number; endedAt: number }>();
  let next = 0;
  const onCreate = (message: unknown) => {
    const request = (message as { request: UndiciRequest }).request;
    const id = String(++next);
    request.addHeader(CALL_HEADER, id);
    ids.set(request, id);
    times.set(id, { startedAt: performance.now(), endedAt: Number.NaN });
  };
  const onDone = (message: unknown) => {
    const id = ids.get((message as { request: object }).request);
    const t = id === undefined ? undefined : times.get(id);
    if (t && Number.isNaN(t.endedAt)) t.endedAt = performance.now();
  };
  diagnostics.subscribe('undici:request:create', onCreate);
  diagnostics.subscribe('undici:request:trailers', onDone);
  diagnostics.subscribe('undici:request:error', onDone);
  return {
    apply(recorded) {
      return recorded.map((r) => {
        const t = times.get(r.headers[CALL_HEADER] ?? '');
        return t && !Number.isNaN(t.endedAt) ? { ...r, startedAt: t.startedAt, endedAt: t.endedAt } : r;
      });
    },
    stop() {
      diagnostics.unsubscribe('undici:request:create', onCreate);
      diagnostics.unsubscribe('undici:request:trailers', onDone);
      diagnostics.unsubscribe('undici:request:error', onDone);
    },
  };
}
