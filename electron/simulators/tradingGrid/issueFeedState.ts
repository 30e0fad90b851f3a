// Trading Grid's issue change feed: every issue with its comments and status updates, moved to the end
// of the feed whenever something on it changes. Holds the comments and status updates written by
// Partner Desk (found by correlationRef; Idempotency-Key honoured or not, like the other creates) and
// by partners, and issues partners open themselves.
import type { Author, Comment, NewComment } from '../../../shared/domain/comment.ts';
import type { Issue } from '../../../shared/domain/issue.ts';
import type { IssueSnapshot } from '../../../shared/domain/issueSnapshot.ts';
import type { NewStatusUpdate, StatusUpdate } from '../../../shared/domain/statusUpdate.ts';
import type { ByCorrelationRef } from '../byCorrelationRef.ts';
import { IdempotentCreates, type CreateOutcome } from '../idempotentCreates.ts';
import type { Rng } from '../rng.ts';
import type { SeqCounter, SeqFeed } from '../seqFeed.ts';
import { IssueConversation, UNMARKED, type WriteMarks } from './issueConversation.ts';
import { IssueFiles } from './issueFiles.ts';
import { IssueThreads, PARTNER_DESK_AUTHOR } from './issueThreads.ts';
import type { IssueDetails } from './issueUpdateRoutes.ts';
import {
  PartnerActivity,
  type IssueFeedOptions,
  type PartnerActivityOptions,
  type PartnerActivityResult,
  type PartnerWords,
} from './partnerActivity.ts';
import type { TradingGridState } from './tradingGridState.ts';

export type { IssueFeedOptions, PartnerActivityOptions, PartnerActivityResult } from './partnerActivity.ts';

export class IssueFeedState {
  readonly seq: SeqCounter;
  readonly feed: SeqFeed<IssueSnapshot>;
  readonly comments: ByCorrelationRef<Comment>;
  readonly statusUpdates: ByCorrelationRef<StatusUpdate>;
  /** The bytes of the files partners attached to their comments. */
  readonly files = new IssueFiles();

  private readonly threads: IssueThreads;
  private readonly conversation: IssueConversation;
  private readonly partners: PartnerActivity;
  private readonly creates: IdempotentCreates;

  constructor(tg: TradingGridState, rng: Rng, clock: () => number, options: IssueFeedOptions = {}) {
    this.threads = new IssueThreads(tg, clock);
    this.seq = this.threads.seq;
    this.feed = this.threads.feed;
    this.conversation = new IssueConversation(tg, this.threads, clock);
    this.comments = this.conversation.comments;
    this.statusUpdates = this.conversation.statusUpdates;
    this.creates = new IdempotentCreates(() => tg.honourIdempotencyKeys);
    this.partners = new PartnerActivity(
      { tg, threads: this.threads, conversation: this.conversation, files: this.files },
      rng,
      clock,
    );
    this.partners.seed(options);
  }

  /** Creates answered with an earlier object because their Idempotency-Key was seen before. */
  get idempotentReplays(): number {
    return this.creates.replays;
  }

  /** Every issue there is: the ones Partner Desk opened and the ones partners opened. */
  issueIds(): string[] {
    return this.threads.issueIds();
  }

  snapshot(issueId: string): IssueSnapshot | undefined {
    return this.threads.snapshot(issueId);
  }

  createComment(
    issueId: string,
    input: NewComment,
    key: string | undefined,
  ): CreateOutcome<Comment> | undefined {
    const author: Author = { kind: 'integration', name: input.authorName };
    return this.createOnIssue(issueId, 'comment', key, () =>
      this.conversation.addComment(issueId, author, input.body, [], marksOf(input)),
    );
  }

  postStatusUpdate(
    issueId: string,
    input: NewStatusUpdate,
    key: string | undefined,
  ): CreateOutcome<StatusUpdate> | undefined {
    return this.createOnIssue(issueId, 'status', key, () =>
      this.conversation.addStatusUpdate(
        issueId,
        PARTNER_DESK_AUTHOR,
        input.status,
        input.message,
        input.resolution,
        marksOf(input),
      ),
    );
  }

  /**
   * A partner writes a follow-up on an issue (random words unless given), with files whose bytes
   * Trading Grid keeps (`files`) or attachments described only (`attachments`, no bytes to download).
   */
  partnerComment(issueId: string, given?: PartnerWords): Comment | undefined {
    return this.partners.comment(issueId, given);
  }

  /** Someone in Trading Grid changes an issue's title and/or priority. */
  editIssue(issueId: string, d: { title?: string; priority?: Issue['priority'] }): IssueSnapshot | undefined {
    return this.threads.edit(issueId, d);
  }

  /** A partner-opened issue's details, for the update route (SLA escalations, detail copies). */
  partnerIssueDetails(issueId: string): IssueDetails | undefined {
    return this.threads.partnerIssueDetails(issueId);
  }

  /** Keeps an update's details on a partner-opened issue, as the route does for the desk's own. */
  savePartnerIssueDetails(issueId: string, details: IssueDetails, updatedAt: string): void {
    this.threads.savePartnerIssueDetails(issueId, details, updatedAt);
  }

  /** A member of our own company's staff writes on the issue directly in Trading Grid. */
  staffComment(issueId: string, name: string, body: string): Comment | undefined {
    if (!this.threads.exists(issueId)) return undefined;
    return this.conversation.addComment(issueId, { kind: 'member', name }, body, [], UNMARKED);
  }

  /** A partner sets an issue's status (random RESOLVED or OPEN unless given). */
  partnerStatus(issueId: string, status?: string): StatusUpdate | undefined {
    return this.partners.setStatus(issueId, status);
  }

  /** A partner opens an issue in its community (a random one unless given). Returns its id. */
  partnerOpensIssue(communityId?: string): string | undefined {
    return this.partners.opensIssue(communityId);
  }

  generateActivity(o: PartnerActivityOptions): PartnerActivityResult {
    return this.partners.generateActivity(o);
  }

  duplicates(): string[] {
    return [...this.comments.duplicateRefs, ...this.statusUpdates.duplicateRefs].sort();
  }

  /** Partners write every `intervalMs` until stopped (the live demo); the timer never keeps a process alive. */
  startActivity(
    intervalMs: number,
    batch: PartnerActivityOptions = { partnerComments: 2, partnerStatusChanges: 0 },
  ): void {
    this.partners.start(intervalMs, batch);
  }

  stopActivity(): void {
    this.partners.stop();
  }

  /** A create on one issue (undefined when there is no such issue), at most once per Idempotency-Key. */
  private createOnIssue<T>(
    issueId: string,
    kind: string,
    key: string | undefined,
    write: () => T,
  ): CreateOutcome<T> | undefined {
    return this.threads.exists(issueId) ? this.creates.once(kind, key, write) : undefined;
  }
}

/** Partner Desk's origin marker and correlationRef, as stored on what it writes. */
function marksOf(input: { origin: string; correlationRef: string }): WriteMarks {
  return { origin: input.origin, correlationRef: input.correlationRef };
}
