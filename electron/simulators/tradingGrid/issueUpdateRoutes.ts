// Trading Grid's issue updates: a new priority and/or support tier with a comment in the issue's
// history (the SLA escalation of flow 8 writes them). Each update stores its correlationRef and can be
// found by it; a repeated Idempotency-Key replays the first update when the simulator honours keys.
import type { Issue } from '../../../shared/domain/issue.ts';
import type { IssueUpdate, NewIssueUpdate } from '../../../shared/domain/issueUpdate.ts';
import { IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { tradingGridContract } from '../../../shared/contracts/tradingGrid.ts';
import { HttpError, route, type Route } from '../router.ts';

/** What an update changes on an issue. */
export type IssueDetails = Pick<Issue, 'title' | 'priority' | 'supportTier'>;

export interface IssueUpdateDeps {
  /** The details of an issue either side opened (Partner Desk or a partner); undefined when none. */
  details(id: string): IssueDetails | undefined;
  /** Stores the changed details and the issue's new updatedAt. */
  saveDetails(id: string, details: IssueDetails, updatedAt: string): void;
  honourIdempotencyKeys(): boolean;
  clock(): number;
}

export class IssueUpdates {
  private readonly byId = new Map<string, IssueUpdate>();
  private readonly byRef = new Map<string, string[]>();
  private readonly keys = new Map<string, string>();
  private counter = 0;
  replays = 0;
  /** Test hook: called once an update has been applied, before the answer leaves. */
  onApplied: ((update: IssueUpdate) => void) | undefined;

  apply(
    issueId: string,
    input: NewIssueUpdate,
    key: string | undefined,
    deps: IssueUpdateDeps,
  ): { update: IssueUpdate; replayed: boolean } {
    const issue = deps.details(issueId);
    if (!issue) throw new HttpError(404, 'Issue not found', `no issue with id ${issueId}`);
    const earlier = key !== undefined && deps.honourIdempotencyKeys() ? this.keys.get(key) : undefined;
    const replay = earlier === undefined ? undefined : this.byId.get(earlier);
    if (replay) {
      this.replays++;
      return { update: replay, replayed: true };
    }
    this.counter++;
    const now = new Date(deps.clock()).toISOString();
    const update: IssueUpdate = {
      ...input,
      id: `UPD-${String(this.counter).padStart(7, '0')}`,
      issueId,
      createdAt: now,
    };
    this.byId.set(update.id, update);
    this.byRef.set(input.correlationRef, [...(this.byRef.get(input.correlationRef) ?? []), update.id]);
    if (key !== undefined && deps.honourIdempotencyKeys()) this.keys.set(key, update.id);
    deps.saveDetails(
      issueId,
      {
        title: input.title ?? issue.title,
        priority: input.priority ?? issue.priority,
        supportTier: input.supportTier ?? issue.supportTier,
      },
      now,
    );
    this.onApplied?.(update);
    return { update, replayed: false };
  }

  find(correlationRef: string): IssueUpdate[] {
    return (this.byRef.get(correlationRef) ?? []).map((id) => this.byId.get(id) as IssueUpdate);
  }

  all(): IssueUpdate[] {
    return [...this.byId.values()];
  }

  /** correlationRefs more than one update carries. Empty when all is well. */
  duplicates(): string[] {
    return [...this.byRef].filter(([, ids]) => ids.length > 1).map(([ref]) => ref);
  }

  get size(): number {
    return this.byId.size;
  }
}

export function issueUpdateRoutes(updates: IssueUpdates, deps: IssueUpdateDeps): Route[] {
  const e = tradingGridContract.endpoints;
  return [
    route(e.updateIssue, ({ params, body, headers }) => {
      const raw = headers[IDEMPOTENCY_HEADER];
      const key = typeof raw === 'string' && raw.length > 0 && raw.length <= 255 ? raw : undefined;
      const { update, replayed } = updates.apply(params.issueId, body, key, deps);
      return { body: update, headers: replayHeaders(replayed) };
    }),
    route(e.findIssueUpdates, ({ query }) => ({ body: { items: updates.find(query.correlationRef) } })),
  ];
}

/** A replayed create answers 201 again with the first object, and says so in a header. */
function replayHeaders(replayed: boolean): Record<string, string> {
  return replayed ? { 'idempotent-replayed': 'true' } : {};
}
