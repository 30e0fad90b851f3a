// Trading Grid's issue change feed: every issue with its comments and status updates, moved to the end
// of the feed whenever something on it changes. Holds the comments and status updates written by
// Partner Desk (found by correlationRef; Idempotency-Key honoured or not, like the other creates) and
// by partners, and issues partners open themselves.
import type { Author, Comment, CommentAttachment, NewComment } from '../../../shared/domain/comment.ts';
import type { Issue } from '../../../shared/domain/issue.ts';
import type { Resolution } from '../../../shared/domain/internalCase.ts';
import type { IssueSnapshot } from '../../../shared/domain/issueSnapshot.ts';
import type { NewStatusUpdate, StatusUpdate } from '../../../shared/domain/statusUpdate.ts';
import type { Rng } from '../rng.ts';
import { SeqCounter, SeqFeed } from '../seqFeed.ts';
import type { TradingGridState } from './tradingGridState.ts';
import { PartnerVoice } from './partnerVoice.ts';
import { ByCorrelationRef } from '../byCorrelationRef.ts';
import { IssueFiles, type PartnerFileInput } from './issueFiles.ts';

export interface IssueFeedOptions {
  /** Issues partners opened themselves before the start, each with 0 to 2 follow-up comments. */
  partnerIssues?: number;
  /** Every follow-up on those issues carries a file (the demo shows partner files at once). */
  filesOnFollowUps?: boolean;
}

export interface PartnerActivityOptions {
  /** Partner comments on random issues (some with a document attached). */
  partnerComments?: number;
  /** Partners setting an issue's status (RESOLVED or OPEN). */
  partnerStatusChanges?: number;
  /** New issues partners open themselves. */
  partnerIssues?: number;
}

export interface PartnerActivityResult {
  partnerComments: string[];
  partnerStatusChanges: string[];
  partnerIssues: string[];
}

interface Thread {
  status: string;
  resolution: Resolution | null;
  comments: Comment[];
  statusUpdates: StatusUpdate[];
  updatedAt: string;
}

interface Outcome<T> {
  object: T;
  replayed: boolean;
}

const PARTNER_DESK_AUTHOR: Author = { kind: 'integration', name: 'Partner Desk' };

export class IssueFeedState {
  readonly seq = new SeqCounter();
  readonly feed = new SeqFeed<IssueSnapshot>(this.seq);
  readonly comments = new ByCorrelationRef<Comment>();
  readonly statusUpdates = new ByCorrelationRef<StatusUpdate>();
  /** The bytes of the files partners attached to their comments. */
  readonly files = new IssueFiles();
  idempotentReplays = 0;

  private readonly tg: TradingGridState;
  private readonly clock: () => number;
  private readonly voice: PartnerVoice;
  private readonly rng: Rng;
  private readonly threads = new Map<string, Thread>();
  private readonly partnerOpened = new Map<
    string,
    Omit<IssueSnapshot, 'status' | 'resolution' | 'comments' | 'statusUpdates' | 'updatedAt'>
  >();
  private readonly keys = new Map<string, unknown>();
  private commentCounter = 0;
  private updateCounter = 0;
  private partnerIssueCounter = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(tg: TradingGridState, rng: Rng, clock: () => number, options: IssueFeedOptions = {}) {
    this.tg = tg;
    this.rng = rng;
    this.clock = clock;
    this.voice = new PartnerVoice(rng.fork('voice'));
    for (let i = 0; i < (options.partnerIssues ?? 0); i++) {
      const id = this.partnerOpensIssue();
      if (!id) break;
      for (let k = this.rng.int(0, 2); k > 0; k--) {
        const words = this.voice.followUp();
        if (options.filesOnFollowUps && words.files.length === 0) words.files.push(this.voice.attachment());
        this.partnerComment(id, words);
      }
    }
  }

  /** Every issue there is: the ones Partner Desk opened and the ones partners opened. */
  issueIds(): string[] {
    return [...this.tg.issues.byId.keys(), ...this.partnerOpened.keys()];
  }

  snapshot(issueId: string): IssueSnapshot | undefined {
    const ours = this.tg.issues.byId.get(issueId);
    const base = ours ? fromIssue(ours) : this.partnerOpened.get(issueId);
    if (!base) return undefined;
    const t = this.thread(issueId, ours);
    return {
      ...base,
      status: t.status,
      resolution: t.resolution,
      comments: [...t.comments],
      statusUpdates: [...t.statusUpdates],
      updatedAt: t.updatedAt,
    };
  }

  createComment(issueId: string, input: NewComment, key: string | undefined): Outcome<Comment> | undefined {
    if (!this.exists(issueId)) return undefined;
    const replay = this.replay<Comment>('comment', key);
    if (replay) return { object: replay, replayed: true };
    const comment = this.addComment(
      issueId,
      { kind: 'integration', name: input.authorName },
      input.body,
      [],
      {
        origin: input.origin,
        correlationRef: input.correlationRef,
      },
    );
    this.remember('comment', key, comment);
    return { object: comment, replayed: false };
  }

  postStatusUpdate(
    issueId: string,
    input: NewStatusUpdate,
    key: string | undefined,
  ): Outcome<StatusUpdate> | undefined {
    if (!this.exists(issueId)) return undefined;
    const replay = this.replay<StatusUpdate>('status', key);
    if (replay) return { object: replay, replayed: true };
    const update = this.addStatusUpdate(
      issueId,
      PARTNER_DESK_AUTHOR,
      input.status,
      input.message,
      input.resolution,
      {
        origin: input.origin,
        correlationRef: input.correlationRef,
      },
    );
    this.remember('status', key, update);
    return { object: update, replayed: false };
  }

  /**
   * A partner writes a follow-up on an issue (random words unless given), with files whose bytes
   * Trading Grid keeps (`files`) or attachments described only (`attachments`, no bytes to download).
   */
  partnerComment(
    issueId: string,
    given?: { body: string; attachments?: CommentAttachment[]; files?: PartnerFileInput[] },
  ): Comment | undefined {
    const snap = this.snapshot(issueId);
    if (!snap) return undefined;
    const words = given ?? this.voice.followUp();
    const attachments = [...(given?.attachments ?? []), ...(words.files ?? []).map((f) => this.files.add(f))];
    return this.addComment(issueId, this.partnerAuthor(snap.communityId), words.body, attachments, {
      origin: null,
      correlationRef: null,
    });
  }

  /** Someone in Trading Grid changes an issue's title and/or priority. */
  editIssue(issueId: string, d: { title?: string; priority?: Issue['priority'] }): IssueSnapshot | undefined {
    const ours = this.tg.issues.byId.get(issueId);
    const theirs = this.partnerOpened.get(issueId);
    const t = this.thread(issueId, ours);
    t.updatedAt = this.now();
    if (ours) this.tg.issues.byId.set(issueId, { ...ours, ...d, updatedAt: t.updatedAt });
    else if (theirs) this.partnerOpened.set(issueId, { ...theirs, ...d });
    else return undefined;
    this.publish(issueId);
    return this.snapshot(issueId);
  }

  /** A member of our own company's staff writes on the issue directly in Trading Grid. */
  staffComment(issueId: string, name: string, body: string): Comment | undefined {
    if (!this.exists(issueId)) return undefined;
    return this.addComment(issueId, { kind: 'member', name }, body, [], {
      origin: null,
      correlationRef: null,
    });
  }

  /** A partner sets an issue's status (random RESOLVED or OPEN unless given). */
  partnerStatus(issueId: string, status?: string): StatusUpdate | undefined {
    const snap = this.snapshot(issueId);
    if (!snap) return undefined;
    const word = status ?? this.voice.status();
    const message =
      word === 'RESOLVED' ? 'Confirmed on our side, thank you.' : 'This is not solved for us yet.';
    return this.addStatusUpdate(issueId, this.partnerAuthor(snap.communityId), word, message, null, {
      origin: null,
      correlationRef: null,
    });
  }

  /** A partner opens an issue in its community (a random one unless given). Returns its id. */
  partnerOpensIssue(communityId?: string): string | undefined {
    const communities = [...this.tg.communities.values()];
    const community = communityId
      ? this.tg.community(communityId)
      : communities.length > 0
        ? this.rng.pick(communities)
        : undefined;
    if (!community) return undefined;
    this.partnerIssueCounter++;
    const o = this.voice.opener();
    const now = this.now();
    const id = `PISS-${String(this.partnerIssueCounter).padStart(6, '0')}`;
    this.partnerOpened.set(id, {
      id,
      communityId: community.id,
      title: o.title,
      description: o.description,
      type: o.type,
      priority: o.priority,
      correlationRef: null,
      externalRefs: [],
      openedBy: this.partnerAuthor(community.id),
      createdAt: now,
    });
    this.threads.set(id, {
      status: 'OPEN',
      resolution: null,
      comments: [],
      statusUpdates: [],
      updatedAt: now,
    });
    this.publish(id);
    return id;
  }

  generateActivity(o: PartnerActivityOptions): PartnerActivityResult {
    const result: PartnerActivityResult = {
      partnerComments: [],
      partnerStatusChanges: [],
      partnerIssues: [],
    };
    for (let i = 0; i < (o.partnerIssues ?? 0); i++) {
      const id = this.partnerOpensIssue();
      if (id) result.partnerIssues.push(id);
    }
    const ids = this.issueIds();
    if (ids.length === 0) return result;
    for (let i = 0; i < (o.partnerComments ?? 0); i++) {
      const id = this.rng.pick(ids);
      if (this.partnerComment(id)) result.partnerComments.push(id);
    }
    for (let i = 0; i < (o.partnerStatusChanges ?? 0); i++) {
      const id = this.rng.pick(ids);
      if (this.partnerStatus(id)) result.partnerStatusChanges.push(id);
    }
    return result;
  }

  duplicates(): string[] {
    return [...this.comments.duplicateRefs, ...this.statusUpdates.duplicateRefs].sort();
  }

  /** Partners write every `intervalMs` until stopped (the live demo); the timer never keeps a process alive. */
  startActivity(
    intervalMs: number,
    batch: PartnerActivityOptions = { partnerComments: 2, partnerStatusChanges: 0 },
  ): void {
    this.stopActivity();
    this.timer = setInterval(() => {
      this.generateActivity({
        ...batch,
        partnerStatusChanges: this.rng.chance(0.2) ? 1 : 0,
        partnerIssues: this.rng.chance(0.2) ? 1 : 0,
      });
    }, intervalMs);
    this.timer.unref();
  }

  stopActivity(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private exists(issueId: string): boolean {
    return this.tg.issues.byId.has(issueId) || this.partnerOpened.has(issueId);
  }

  private partnerAuthor(communityId: string): Author {
    return { kind: 'partner', name: this.voice.person(this.tg.community(communityId)?.name ?? 'partner') };
  }

  private addComment(
    issueId: string,
    author: Author,
    body: string,
    attachments: CommentAttachment[],
    marks: { origin: string | null; correlationRef: string | null },
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
    const t = this.thread(issueId, this.tg.issues.byId.get(issueId));
    t.comments = [...t.comments, comment].slice(-2000);
    t.updatedAt = comment.createdAt;
    this.comments.add(comment);
    this.publish(issueId);
    return comment;
  }

  private addStatusUpdate(
    issueId: string,
    author: Author,
    status: string,
    message: string,
    resolution: Resolution | null,
    marks: { origin: string | null; correlationRef: string | null },
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
    const ours = this.tg.issues.byId.get(issueId);
    const t = this.thread(issueId, ours);
    t.status = status;
    if (resolution) t.resolution = resolution;
    else if (status === 'OPEN' || status === 'IN_PROGRESS') t.resolution = null;
    t.statusUpdates = [...t.statusUpdates, update].slice(-1000);
    t.updatedAt = update.createdAt;
    // The issue itself (as findIssues returns it) shows the current status too.
    if (ours) this.tg.issues.byId.set(issueId, { ...ours, status, updatedAt: update.createdAt });
    this.statusUpdates.add(update);
    this.publish(issueId);
    return update;
  }

  private thread(issueId: string, ours: Issue | undefined): Thread {
    let t = this.threads.get(issueId);
    if (!t) {
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

  private publish(issueId: string): void {
    const snap = this.snapshot(issueId);
    if (snap) this.feed.put(issueId, snap);
  }

  private replay<T>(kind: string, key: string | undefined): T | undefined {
    if (key === undefined || !this.tg.honourIdempotencyKeys) return undefined;
    const found = this.keys.get(`${kind}|${key}`) as T | undefined;
    if (found) this.idempotentReplays++;
    return found;
  }

  private remember(kind: string, key: string | undefined, object: unknown): void {
    if (key !== undefined && this.tg.honourIdempotencyKeys) this.keys.set(`${kind}|${key}`, object);
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}

function fromIssue(
  i: Issue,
): Omit<IssueSnapshot, 'status' | 'resolution' | 'comments' | 'statusUpdates' | 'updatedAt'> {
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
