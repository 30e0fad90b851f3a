// The comments and status updates on Trading Grid issues, whoever wrote them (Partner Desk, a partner,
// our own staff): each joins its issue's thread, republishes the issue, and is findable by the
// correlationRef Partner Desk stored on it.
import type { Author, Comment, CommentAttachment } from '../../../shared/domain/comment.ts';
import type { Resolution } from '../../../shared/domain/internalCase.ts';
import type { StatusUpdate } from '../../../shared/domain/statusUpdate.ts';
import { ByCorrelationRef } from '../byCorrelationRef.ts';
import type { IssueThreads } from './issueThreads.ts';
import type { TradingGridState } from './tradingGridState.ts';

/** Where a write came from: Partner Desk's origin marker and correlationRef, or null for anyone else. */
export interface WriteMarks {
  origin: string | null;
  correlationRef: string | null;
}

export const UNMARKED: WriteMarks = { origin: null, correlationRef: null };

/** A thread keeps its latest comments and status updates; older ones fall off the snapshot. */
const MAX_COMMENTS = 2000;
const MAX_STATUS_UPDATES = 1000;

export class IssueConversation {
  readonly comments = new ByCorrelationRef<Comment>();
  readonly statusUpdates = new ByCorrelationRef<StatusUpdate>();

  private readonly tg: TradingGridState;
  private readonly threads: IssueThreads;
  private readonly clock: () => number;
  private commentCounter = 0;
  private updateCounter = 0;

  constructor(tg: TradingGridState, threads: IssueThreads, clock: () => number) {
    this.tg = tg;
    this.threads = threads;
    this.clock = clock;
  }

  addComment(
    issueId: string,
    author: Author,
    body: string,
    attachments: CommentAttachment[],
    marks: WriteMarks,
  ): Comment {
    this.commentCounter++;
    const comment: Comment = {
      id: `TGC-${String(this.commentCounter).padStart(8, '0')}`,
      issueId,
      author,
      body,
      ...marks,
      attachments,
      createdAt: this.now(),
    };
    this.comments.add(comment);
    this.threads.change(issueId, comment.createdAt, (t) => {
      t.comments = [...t.comments, comment].slice(-MAX_COMMENTS);
    });
    return comment;
  }

  addStatusUpdate(
    issueId: string,
    author: Author,
    status: string,
    message: string,
    resolution: Resolution | null,
    marks: WriteMarks,
  ): StatusUpdate {
    this.updateCounter++;
    const update: StatusUpdate = {
      id: `TGS-${String(this.updateCounter).padStart(8, '0')}`,
      issueId,
      status,
      message,
      resolution,
      author,
      ...marks,
      createdAt: this.now(),
    };
    // The issue itself (as findIssues returns it) shows the current status too.
    const ours = this.tg.issues.byId.get(issueId);
    if (ours) this.tg.issues.byId.set(issueId, { ...ours, status, updatedAt: update.createdAt });
    this.statusUpdates.add(update);
    this.threads.change(issueId, update.createdAt, (t) => {
      t.status = status;
      if (resolution) t.resolution = resolution;
      else if (status === 'OPEN' || status === 'IN_PROGRESS') t.resolution = null;
      t.statusUpdates = [...t.statusUpdates, update].slice(-MAX_STATUS_UPDATES);
    });
    return update;
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
