// Group commit: small pieces of work submitted by concurrent deliveries in the same turn of the event
// loop share one SQLite transaction, so one commit serves many of them. Each piece still runs isolated:
// one that throws is undone alone and its caller gets the error.
import type { FlowContext, UnitOfWork } from '../flows/flowContext.ts';

interface Job {
  work: (ctx: FlowContext) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(unit: UnitOfWork) {
  let pending: Job[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const batch = pending;
    pending = [];
    let results: { ok: boolean; value?: unknown; error?: unknown }[];
    try {
      results = unit.run((ctx) => batch.map((job) => ctx.isolated(() => job.work(ctx))));
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    results.forEach((r, i) => (r.ok ? batch[i]!.resolve(r.value) : batch[i]!.reject(r.error)));
  }

  return {
    /** Resolves once `work` is durably committed (with whatever else was submitted alongside). */
    run<T>(work: (ctx: FlowContext) => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
export type GroupCommit = ReturnType<typeof createGroupCommit>;
