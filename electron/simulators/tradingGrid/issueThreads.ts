// Every Trading Grid issue as its change feed shows it: the issue (opened by Partner Desk, or by a
// partner) with its thread of comments and status updates, current status and resolution. Whenever
// something on an issue changes it is published again, which moves it to the end of the feed.
import type { Author } from '../../../shared/domain/comment.ts';
import type { Issue } from '../../../shared/domain/issue.ts';
import type { Resolution } from '../../../shared/domain/internalCase.ts';
import type { IssueSnapshot } from '../../../shared/domain/issueSnapshot.ts';
import type { Comment } from '../../../shared/domain/comment.ts';
import type { StatusUpdate } from '../../../shared/domain/statusUpdate.ts';
import { SeqCounter, SeqFeed } from '../seqFeed.ts';
import type { TradingGridState } from './tradingGridState.ts';
import type { IssueDetails } from './issueUpdateRoutes.ts';

export const PARTNER_DESK_AUTHOR: Author = { kind: 'integration', name: 'Partner Desk' };

/** What an issue is, without what its thread says about it. */
export type IssueHead = Omit<
  IssueSnapshot,
  'status' | 'resolution' | 'comments' | 'statusUpdates' | 'updatedAt'
>;

export interface Thread {
  status: string;
  resolution: Resolution | null;
  comments: Comment[];
  statusUpdates: StatusUpdate[];
  updatedAt: string;
}

export class IssueThreads {
  readonly seq = new SeqCounter();
  readonly feed = new SeqFeed<IssueSnapshot>(this.seq);

  private readonly tg: TradingGridState;
  private readonly clock: () => number;
  private readonly threads = new Map<string, Thread>();
  private readonly partnerOpened = new Map<string, IssueHead>();
  /** Support tiers set by updates on partner-opened issues (the feed does not show tiers). */
  private readonly partnerTiers = new Map<string, number>();

  constructor(tg: TradingGridState, clock: () => number) {
    this.tg = tg;
    this.clock = clock;
  }

  /** Every issue there is: the ones Partner Desk opened and the ones partners opened. */
  issueIds(): string[] {
    return [...this.tg.issues.byId.keys(), ...this.partnerOpened.keys()];
  }

  exists(issueId: string): boolean {
    return this.tg.issues.byId.has(issueId) || this.partnerOpened.has(issueId);
  }

  snapshot(issueId: string): IssueSnapshot | undefined {
    const ours = this.tg.issues.byId.get(issueId);
    const base = ours ? fromIssue(ours) : this.partnerOpened.get(issueId);
    if (!base) return undefined;
    const t = this.thread(issueId);
    return {
      ...base,
      status: t.status,
      resolution: t.resolution,
      comments: [...t.comments],
      statusUpdates: [...t.statusUpdates],
      updatedAt: t.updatedAt,
    };
  }

  /** The issue's thread; one Partner Desk opened starts with the issue's own status and time. */
  thread(issueId: string): Thread {
    let t = this.threads.get(issueId);
    if (!t) {
      const ours = this.tg.issues.byId.get(issueId);
      t = {
        status: ours?.status ?? 'OPEN',
        resolution: null,
        comments: [],
        statusUpdates: [],
        updatedAt: ours?.updatedAt ?? this.now(),
      };
      this.threads.set(issueId, t);
    }
    return t;
  }

  /** Changes an issue's thread as of `at` and publishes the issue again (it moves to the feed's end). */
  change(issueId: string, at: string, apply: (t: Thread) => void): void {
    const t = this.thread(issueId);
    apply(t);
    t.updatedAt = at;
    this.publish(issueId);
  }

  /** An issue a partner opened, with an empty thread, published at once. */
  openedByPartner(head: IssueHead): void {
    this.partnerOpened.set(head.id, head);
    this.threads.set(head.id, {
      status: 'OPEN',
      resolution: null,
      comments: [],
      statusUpdates: [],
      updatedAt: head.createdAt,
    });
    this.publish(head.id);
  }

  /** Someone in Trading Grid changes an issue's title and/or priority. */
  edit(issueId: string, d: { title?: string; priority?: Issue['priority'] }): IssueSnapshot | undefined {
    const ours = this.tg.issues.byId.get(issueId);
    const theirs = this.partnerOpened.get(issueId);
    const t = this.thread(issueId);
    t.updatedAt = this.now();
    if (ours) this.tg.issues.byId.set(issueId, { ...ours, ...d, updatedAt: t.updatedAt });
    else if (theirs) this.partnerOpened.set(issueId, { ...theirs, ...d });
    else return undefined;
    this.publish(issueId);
    return this.snapshot(issueId);
  }

  /** A partner-opened issue's details, for the update route; undefined for any other id. */
  partnerIssueDetails(issueId: string): IssueDetails | undefined {
    const head = this.partnerOpened.get(issueId);
    if (!head) return undefined;
    return { title: head.title, priority: head.priority, supportTier: this.partnerTiers.get(issueId) ?? 1 };
  }

  /**
   * Keeps an update's details on a partner-opened issue. Not published, like an update of the desk's
   * own issues: the update is the desk's write, and the feed carries what people do.
   */
  savePartnerIssueDetails(issueId: string, details: IssueDetails, updatedAt: string): void {
    const head = this.partnerOpened.get(issueId);
    if (!head) return;
    this.partnerOpened.set(issueId, { ...head, title: details.title, priority: details.priority });
    this.partnerTiers.set(issueId, details.supportTier);
    this.thread(issueId).updatedAt = updatedAt;
  }

  publish(issueId: string): void {
    const snap = this.snapshot(issueId);
    if (snap) this.feed.put(issueId, snap);
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}

function fromIssue(i: Issue): IssueHead {
  return {
    id: i.id,
    communityId: i.communityId,
    title: i.title,
    description: i.description,
    type: i.type,
    priority: i.priority,
    correlationRef: i.correlationRef,
    externalRefs: i.externalRefs,
    openedBy: PARTNER_DESK_AUTHOR,
    createdAt: i.createdAt,
  };
}
