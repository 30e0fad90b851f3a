// What partners do in Trading Grid on their own: open issues in their community, write follow-ups
// (some with files whose bytes Trading Grid keeps) and set an issue's status. Seeds the issues partners
// opened before the start, drives the admin activity endpoint and the live demo, always from the
// seeded Rng.
import type { Author, Comment, CommentAttachment } from '../../../shared/domain/comment.ts';
import type { StatusUpdate } from '../../../shared/domain/statusUpdate.ts';
import type { Rng } from '../rng.ts';
import { UNMARKED, type IssueConversation } from './issueConversation.ts';
import type { IssueFiles, PartnerFileInput } from './issueFiles.ts';
import type { IssueThreads } from './issueThreads.ts';
import { PartnerVoice } from './partnerVoice.ts';
import type { TradingGridState } from './tradingGridState.ts';

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

export interface PartnerWords {
  body: string;
  attachments?: CommentAttachment[];
  files?: PartnerFileInput[];
}

export class PartnerActivity {
  private readonly tg: TradingGridState;
  private readonly threads: IssueThreads;
  private readonly conversation: IssueConversation;
  private readonly files: IssueFiles;
  private readonly rng: Rng;
  private readonly clock: () => number;
  private readonly voice: PartnerVoice;
  private partnerIssueCounter = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    parts: {
      tg: TradingGridState;
      threads: IssueThreads;
      conversation: IssueConversation;
      files: IssueFiles;
    },
    rng: Rng,
    clock: () => number,
  ) {
    this.tg = parts.tg;
    this.threads = parts.threads;
    this.conversation = parts.conversation;
    this.files = parts.files;
    this.rng = rng;
    this.clock = clock;
    this.voice = new PartnerVoice(rng.fork('voice'));
  }

  /** The issues partners opened before the start, each with 0 to 2 follow-ups. */
  seed(options: IssueFeedOptions): void {
    for (let i = 0; i < (options.partnerIssues ?? 0); i++) {
      const id = this.opensIssue();
      if (!id) break;
      for (let k = this.rng.int(0, 2); k > 0; k--) {
        const words = this.voice.followUp();
        if (options.filesOnFollowUps && words.files.length === 0) words.files.push(this.voice.attachment());
        this.comment(id, words);
      }
    }
  }

  /**
   * A partner writes a follow-up on an issue (random words unless given), with files whose bytes
   * Trading Grid keeps (`files`) or attachments described only (`attachments`, no bytes to download).
   */
  comment(issueId: string, given?: PartnerWords): Comment | undefined {
    const snap = this.threads.snapshot(issueId);
    if (!snap) return undefined;
    const words = given ?? this.voice.followUp();
    const attachments = [...(given?.attachments ?? []), ...(words.files ?? []).map((f) => this.files.add(f))];
    return this.conversation.addComment(
      issueId,
      this.author(snap.communityId),
      words.body,
      attachments,
      UNMARKED,
    );
  }

  /** A partner sets an issue's status (random RESOLVED or OPEN unless given). */
  setStatus(issueId: string, status?: string): StatusUpdate | undefined {
    const snap = this.threads.snapshot(issueId);
    if (!snap) return undefined;
    const word = status ?? this.voice.status();
    const message =
      word === 'RESOLVED' ? 'Confirmed on our side, thank you.' : 'This is not solved for us yet.';
    return this.conversation.addStatusUpdate(
      issueId,
      this.author(snap.communityId),
      word,
      message,
      null,
      UNMARKED,
    );
  }

  /** A partner opens an issue in its community (a random one unless given). Returns its id. */
  opensIssue(communityId?: string): string | undefined {
    const communities = [...this.tg.communities.values()];
    const community = communityId
      ? this.tg.community(communityId)
      : communities.length > 0
        ? this.rng.pick(communities)
        : undefined;
    if (!community) return undefined;
    this.partnerIssueCounter++;
    const o = this.voice.opener();
    const now = new Date(this.clock()).toISOString();
    const id = `PISS-${String(this.partnerIssueCounter).padStart(6, '0')}`;
    this.threads.openedByPartner({
      id,
      communityId: community.id,
      title: o.title,
      description: o.description,
      type: o.type,
      priority: o.priority,
      correlationRef: null,
      externalRefs: [],
      openedBy: this.author(community.id),
      createdAt: now,
    });
    return id;
  }

  generateActivity(o: PartnerActivityOptions): PartnerActivityResult {
    const result: PartnerActivityResult = {
      partnerComments: [],
      partnerStatusChanges: [],
      partnerIssues: [],
    };
    for (let i = 0; i < (o.partnerIssues ?? 0); i++) {
      const id = this.opensIssue();
      if (id) result.partnerIssues.push(id);
    }
    const ids = this.threads.issueIds();
    if (ids.length === 0) return result;
    for (let i = 0; i < (o.partnerComments ?? 0); i++) {
      const id = this.rng.pick(ids);
      if (this.comment(id)) result.partnerComments.push(id);
    }
    for (let i = 0; i < (o.partnerStatusChanges ?? 0); i++) {
      const id = this.rng.pick(ids);
      if (this.setStatus(id)) result.partnerStatusChanges.push(id);
    }
    return result;
  }

  /** Partners write every `intervalMs` until stopped (the live demo); the timer never keeps a process alive. */
  start(intervalMs: number, batch: PartnerActivityOptions): void {
    this.stop();
    this.timer = setInterval(() => {
      this.generateActivity({
        ...batch,
        partnerStatusChanges: this.rng.chance(0.2) ? 1 : 0,
        partnerIssues: this.rng.chance(0.2) ? 1 : 0,
      });
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private author(communityId: string): Author {
    return { kind: 'partner', name: this.voice.person(this.tg.community(communityId)?.name ?? 'partner') };
  }
}
