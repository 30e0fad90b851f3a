// The internal cases as xConnector's case feed holds them, and which of them are open: every change
// puts the whole case again (moving it to the end of the feed), and the open list follows its status so
// activity picks among open cases without scanning them all.
import type {
  CaseAttachment,
  InternalCase,
  InternalComment,
  ResolutionStep,
} from '../../../shared/domain/internalCase.ts';
import type { Rng } from '../rng.ts';
import { SeqFeed, type SeqCounter } from '../seqFeed.ts';

/** A case keeps its latest comments, steps and attachments; older ones fall off, as in xConnector. */
const MAX_COMMENTS = 1000;
const MAX_STEPS = 500;
const MAX_ATTACHMENTS = 500;

export class CaseRecords {
  readonly feed: SeqFeed<InternalCase>;
  private readonly open: string[] = [];

  constructor(seq: SeqCounter) {
    this.feed = new SeqFeed<InternalCase>(seq);
  }

  get(id: string): InternalCase | undefined {
    return this.feed.get(id);
  }

  get hasOpen(): boolean {
    return this.open.length > 0;
  }

  /** An open case picked at random (undefined when the pick is no longer in the feed). */
  pickOpen(rng: Rng): InternalCase | undefined {
    return this.feed.get(rng.pick(this.open));
  }

  put(c: InternalCase): InternalCase {
    const before = this.feed.get(c.id)?.status;
    this.feed.put(c.id, c);
    const wasOpen = before !== undefined && before !== 'CLOSED';
    if (!wasOpen && c.status !== 'CLOSED') this.open.push(c.id);
    else if (wasOpen && c.status === 'CLOSED') {
      const i = this.open.indexOf(c.id);
      if (i >= 0) this.open.splice(i, 1);
    }
    return c;
  }

  applyStep(c: InternalCase, step: ResolutionStep): void {
    this.put({ ...withStep(c, step), updatedAt: step.createdAt });
  }

  addComment(c: InternalCase, comment: InternalComment): void {
    this.put({ ...c, comments: [...c.comments, comment].slice(-MAX_COMMENTS), updatedAt: comment.createdAt });
  }

  addAttachment(c: InternalCase, a: CaseAttachment): void {
    this.put({ ...c, attachments: [...c.attachments, a].slice(-MAX_ATTACHMENTS), updatedAt: a.createdAt });
  }
}

/** The case after a step: its status, and its resolution (cleared when the case is reopened). */
export function withStep(c: InternalCase, step: ResolutionStep): InternalCase {
  return {
    ...c,
    status: step.status,
    resolution: step.resolution ?? (step.status === 'REOPENED' ? null : c.resolution),
    steps: [...c.steps, step].slice(-MAX_STEPS),
  };
}
