// xConnector's internal workflows: Partner Desk starts a run (flow 8 starts a support tier's escalation
// procedure) and finds it again by correlationRef. A repeated Idempotency-Key replays the first run
// unless `honourIdempotencyKeys` is off, so tests can prove the engine does not rely on keys.
import type { NewWorkflowRun, WorkflowRun } from '../../../shared/domain/workflowRun.ts';
import { xConnectorContract } from '../../../shared/contracts/xconnector.ts';
import { route, type Route } from '../router.ts';
import { idempotencyKeyOf, replayHeaders } from '../requestParts.ts';

export class WorkflowRuns {
  honourIdempotencyKeys = true;
  replays = 0;
  /** Test hook: called once a run has been started, before the answer leaves. */
  onStarted: ((run: WorkflowRun) => void) | undefined;
  private readonly byId = new Map<string, WorkflowRun>();
  private readonly byRef = new Map<string, string[]>();
  private readonly keys = new Map<string, string>();
  private counter = 0;
  private readonly clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.clock = clock;
  }

  start(
    workflowId: string,
    input: NewWorkflowRun,
    key: string | undefined,
  ): { run: WorkflowRun; replayed: boolean } {
    const earlier = key !== undefined && this.honourIdempotencyKeys ? this.keys.get(key) : undefined;
    const replay = earlier === undefined ? undefined : this.byId.get(earlier);
    if (replay) {
      this.replays++;
      return { run: replay, replayed: true };
    }
    this.counter++;
    const run: WorkflowRun = {
      ...input,
      id: `WFR-${String(this.counter).padStart(7, '0')}`,
      workflowId,
      status: 'queued',
      createdAt: new Date(this.clock()).toISOString(),
    };
    this.byId.set(run.id, run);
    this.byRef.set(input.correlationRef, [...(this.byRef.get(input.correlationRef) ?? []), run.id]);
    if (key !== undefined && this.honourIdempotencyKeys) this.keys.set(key, run.id);
    this.onStarted?.(run);
    return { run, replayed: false };
  }

  find(correlationRef: string): WorkflowRun[] {
    return (this.byRef.get(correlationRef) ?? []).map((id) => this.byId.get(id) as WorkflowRun);
  }

  all(): WorkflowRun[] {
    return [...this.byId.values()];
  }

  /** correlationRefs more than one run carries. Empty when all is well. */
  duplicates(): string[] {
    return [...this.byRef].filter(([, ids]) => ids.length > 1).map(([ref]) => ref);
  }

  get size(): number {
    return this.byId.size;
  }
}

export function workflowRoutes(runs: WorkflowRuns): Route[] {
  const e = xConnectorContract.endpoints;
  return [
    route(e.triggerWorkflow, ({ params, body, req }) => {
      const { run, replayed } = runs.start(params.workflowId, body, idempotencyKeyOf(req));
      return { body: run, headers: replayHeaders(replayed) };
    }),
    route(e.findWorkflowRuns, ({ query }) => ({ body: { items: runs.find(query.correlationRef) } })),
  ];
}
