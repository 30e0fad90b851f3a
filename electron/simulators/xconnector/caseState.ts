// xConnector's case management and inbound route: internal cases (with their resolution steps and
// comments) in a change feed, the comments, steps and links Partner Desk writes into them, and the
// messages it hands to ERP, order management and customer service. Creates honour Idempotency-Key
// or not, as set, and every object Partner Desk creates can be found by its correlationRef.
import type { IssueLink } from '../../../shared/domain/exception.ts';
import type {
  CaseAttachment,
  InternalCase,
  InternalComment,
  NewCaseStep,
  NewInternalComment,
  ResolutionStep,
} from '../../../shared/domain/internalCase.ts';
import type { InternalRoute, NewRouteMessage, RouteMessage } from '../../../shared/domain/routeMessage.ts';
import type { Rng } from '../rng.ts';
import type { Scenario } from '../scenario.ts';
import { SeqFeed, type SeqCounter } from '../seqFeed.ts';
import { CaseFactory } from './caseFactory.ts';
import { ByCorrelationRef } from '../byCorrelationRef.ts';
import { CaseDocuments, type HostDocument } from './caseDocuments.ts';
import { CasePartnerFiles } from './casePartnerFiles.ts';
import type { PartnerFile } from '../../../shared/domain/partnerFile.ts';

export interface InternalCaseOptions {
  /** Share (0..1) of the scenario's exceptions, of known partners, that get an internal case. Default 0. */
  exceptionShare?: number;
  /** Internal cases with no exception behind them, at start. Default 0. */
  standalone?: number;
  /** Comments on each seeded case: exactly this many, or 0..maxCommentsPerCase when not given. */
  commentsPerCase?: number;
  maxCommentsPerCase?: number;
  /** Steps after NEW on each seeded case: exactly this many, or 0..maxStepsPerCase when not given. */
  stepsPerCase?: number;
  maxStepsPerCase?: number;
  /** Documents agents attached to each seeded case. Default 0. */
  attachmentsPerCase?: number;
}

export interface CaseActivityOptions {
  /** New standalone internal cases. */
  newCases?: number;
  /** Open cases moving one step along their path. */
  caseSteps?: number;
  /** New comments by internal agents (partner-visible or internal-only). */
  caseComments?: number;
  /** Steps to a status no mapping knows (ON_HOLD_LEGAL), to exercise "reported, not guessed". */
  unmappedSteps?: number;
  /** Documents agents attach to open cases (most for the partner, some internal). */
  caseAttachments?: number;
}

export interface CaseActivityResult {
  newCases: string[];
  caseSteps: string[];
  caseComments: string[];
  unmappedSteps: string[];
  caseAttachments: string[];
}

export interface CreateOutcome<T> {
  object: T;
  replayed: boolean;
}

const MAX_COMMENTS = 1000;

export class CaseState {
  readonly cases: SeqFeed<InternalCase>;
  readonly comments = new ByCorrelationRef<InternalComment>();
  readonly steps = new ByCorrelationRef<ResolutionStep>();
  readonly routed = new ByCorrelationRef<RouteMessage>();
  readonly routedByRoute: Record<InternalRoute, RouteMessage[]> = {
    erp: [],
    'order-management': [],
    'customer-service': [],
  };
  /** Files partners sent in Trading Grid, on cases and routed messages. */
  readonly partnerFiles = new CasePartnerFiles();
  honourIdempotencyKeys = true;
  idempotentReplays = 0;
  linksWritten = 0;

  private readonly factory: CaseFactory;
  private readonly documents: CaseDocuments;
  private readonly clock: () => number;
  private readonly keys = new Map<string, unknown>();
  private readonly open: string[] = [];
  private readonly partnerIds: string[];
  private routeCounter = 0;

  constructor(
    scenario: Scenario,
    rng: Rng,
    seq: SeqCounter,
    clock: () => number,
    o: InternalCaseOptions = {},
    /** Where attachment bytes are kept so xConnector's documents content endpoint serves them. */
    hostDocument: HostDocument = () => {},
  ) {
    this.cases = new SeqFeed<InternalCase>(seq);
    this.factory = new CaseFactory(rng);
    this.documents = new CaseDocuments(rng.fork('documents'), hostDocument);
    this.clock = clock;
    this.partnerIds = scenario.partners.map((p) => p.id);
    this.seed(scenario, o);
  }

  get(id: string): InternalCase | undefined {
    return this.cases.get(id);
  }

  all(): InternalCase[] {
    return [...this.cases.values()];
  }

  link(caseId: string, link: IssueLink): InternalCase | undefined {
    const c = this.cases.get(caseId);
    if (!c) return undefined;
    if (c.link?.issueId === link.issueId && c.link.communityId === link.communityId) return c;
    this.linksWritten++;
    return this.put({ ...c, link: { ...link }, updatedAt: this.now() });
  }

  /** A new title and/or priority, from Partner Desk or an agent; the same values again change nothing. */
  updateDetails(
    caseId: string,
    d: { title?: string; priority?: InternalCase['priority'] },
  ): InternalCase | undefined {
    const c = this.cases.get(caseId);
    if (!c) return undefined;
    const next = { ...c, title: d.title ?? c.title, priority: d.priority ?? c.priority };
    if (next.title === c.title && next.priority === c.priority) return c;
    return this.put({ ...next, updatedAt: this.now() });
  }

  createComment(
    caseId: string,
    input: NewInternalComment,
    key: string | undefined,
  ): CreateOutcome<InternalComment> | undefined {
    const c = this.cases.get(caseId);
    if (!c) return undefined;
    const replay = this.replay<InternalComment>('comment', key);
    if (replay) return { object: replay, replayed: true };
    const comment: InternalComment = {
      id: this.factory.commentId(),
      caseId,
      ...input,
      createdAt: this.now(),
    };
    this.comments.add(comment);
    this.remember('comment', key, comment);
    this.put({ ...c, comments: [...c.comments, comment].slice(-MAX_COMMENTS), updatedAt: comment.createdAt });
    return { object: comment, replayed: false };
  }

  addStep(
    caseId: string,
    input: NewCaseStep,
    key: string | undefined,
  ): CreateOutcome<ResolutionStep> | undefined {
    const c = this.cases.get(caseId);
    if (!c) return undefined;
    const replay = this.replay<ResolutionStep>('step', key);
    if (replay) return { object: replay, replayed: true };
    const step: ResolutionStep = { id: this.factory.stepId(), caseId, ...input, createdAt: this.now() };
    this.steps.add(step);
    this.remember('step', key, step);
    this.applyStep(c, step);
    return { object: step, replayed: false };
  }

  routeMessage(
    route: InternalRoute,
    input: NewRouteMessage,
    key: string | undefined,
  ): CreateOutcome<RouteMessage> {
    const replay = this.replay<RouteMessage>('route', key);
    if (replay) return { object: replay, replayed: true };
    this.routeCounter++;
    const message: RouteMessage = {
      ...input,
      id: `RM-${String(this.routeCounter).padStart(8, '0')}`,
      route,
      createdAt: this.now(),
    };
    this.routed.add(message);
    this.routedByRoute[route].push(message);
    this.remember('route', key, message);
    return { object: message, replayed: false };
  }

  /** A routed message by its id. */
  routedMessage(id: string): RouteMessage | undefined {
    for (const list of Object.values(this.routedByRoute)) {
      const found = list.find((m) => m.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** A partner's file Partner Desk stored on a case: listed with the case's documents, marked as ours. */
  attachPartnerFile(caseId: string, file: PartnerFile, content: Buffer | null): void {
    const c = this.cases.get(caseId);
    if (!c) return;
    const a = this.documents.partnerFile(c, file, content);
    this.put({ ...c, attachments: [...c.attachments, a].slice(-500), updatedAt: a.createdAt });
  }

  generateActivity(o: CaseActivityOptions): CaseActivityResult {
    const rng = this.factory.rng;
    const result: CaseActivityResult = {
      newCases: [],
      caseSteps: [],
      caseComments: [],
      unmappedSteps: [],
      caseAttachments: [],
    };
    for (let i = 0; i < (o.newCases ?? 0) && this.partnerIds.length > 0; i++) {
      const c = this.factory.standalone(rng.pick(this.partnerIds), this.clock());
      this.put(c);
      result.newCases.push(c.id);
    }
    for (let i = 0; i < (o.caseSteps ?? 0) && this.open.length > 0; i++) {
      const c = this.cases.get(rng.pick(this.open));
      const step = c && this.factory.nextStep(c, this.clock());
      if (!c || !step) continue;
      this.applyStep(c, step);
      result.caseSteps.push(c.id);
    }
    for (let i = 0; i < (o.caseComments ?? 0) && this.open.length > 0; i++) {
      const c = this.cases.get(rng.pick(this.open));
      if (!c) continue;
      this.addNativeComment(c, this.factory.comment(c, this.clock()));
      result.caseComments.push(c.id);
    }
    for (let i = 0; i < (o.unmappedSteps ?? 0) && this.open.length > 0; i++) {
      const c = this.cases.get(rng.pick(this.open));
      if (!c) continue;
      this.applyStep(c, this.factory.step(c.id, 'ON_HOLD_LEGAL', this.clock()));
      result.unmappedSteps.push(c.id);
    }
    for (let i = 0; i < (o.caseAttachments ?? 0) && this.open.length > 0; i++) {
      const c = this.cases.get(rng.pick(this.open));
      if (!c) continue;
      this.addNativeAttachment(c.id);
      result.caseAttachments.push(c.id);
    }
    return result;
  }

  /** An agent attaching a document to a case in xConnector itself. */
  addNativeAttachment(caseId: string, visibility?: CaseAttachment['visibility']): CaseAttachment | undefined {
    const c = this.cases.get(caseId);
    if (!c) return undefined;
    const a = this.documents.make(c, this.clock(), visibility);
    this.put({ ...c, attachments: [...c.attachments, a].slice(-500), updatedAt: a.createdAt });
    return a;
  }

  /** One tick of a running case-management system (the live demo); nothing when there are no cases. */
  tick(): void {
    if (this.cases.size === 0) return;
    const rng = this.factory.rng;
    this.generateActivity({
      newCases: rng.chance(0.3) ? 1 : 0,
      caseSteps: rng.int(1, 3),
      caseComments: rng.int(0, 2),
      caseAttachments: rng.chance(0.2) ? 1 : 0,
    });
  }

  /** An agent comment written in xConnector itself (not by Partner Desk). */
  addNativeComment(c: InternalCase, comment: InternalComment): void {
    this.put({ ...c, comments: [...c.comments, comment].slice(-MAX_COMMENTS), updatedAt: comment.createdAt });
  }

  /** An agent moving a case to a status in xConnector itself. */
  addNativeStep(caseId: string, status: string): ResolutionStep | undefined {
    const c = this.cases.get(caseId);
    if (!c) return undefined;
    const step = this.factory.step(caseId, status, this.clock());
    this.applyStep(c, step);
    return step;
  }

  duplicates(): string[] {
    return [
      ...this.comments.duplicateRefs,
      ...this.steps.duplicateRefs,
      ...this.routed.duplicateRefs,
      ...this.partnerFiles.duplicates(),
    ].sort();
  }

  counts(): { cases: number; comments: number; steps: number; routed: number; partnerFiles: number } {
    return {
      cases: this.cases.size,
      comments: this.comments.size,
      steps: this.steps.size,
      routed: this.routed.size,
      partnerFiles: this.partnerFiles.size,
    };
  }

  private seed(scenario: Scenario, o: InternalCaseOptions): void {
    const rng = this.factory.rng;
    const unknown = new Set(scenario.unknownPartnerIds);
    const made: InternalCase[] = [];
    const share = o.exceptionShare ?? 0;
    for (const e of scenario.exceptions) {
      if (unknown.has(e.partnerId) || !rng.chance(share)) continue;
      made.push(this.factory.fromException(e, Date.parse(e.detectedAt) + rng.int(5, 120) * 60_000));
    }
    const start = scenario.options.now - scenario.options.historyDays * 86_400_000;
    for (let i = 0; i < (o.standalone ?? 0) && this.partnerIds.length > 0; i++)
      made.push(
        this.factory.standalone(rng.pick(this.partnerIds), rng.int(start, scenario.options.now - 3_600_000)),
      );
    made.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    for (let c of made) {
      const created = Date.parse(c.createdAt);
      const span = Math.max(60_000, scenario.options.now - created);
      const steps = o.stepsPerCase ?? rng.int(0, o.maxStepsPerCase ?? 3);
      const comments = o.commentsPerCase ?? rng.int(0, o.maxCommentsPerCase ?? 3);
      const events: { at: number; apply: (x: InternalCase) => InternalCase }[] = [];
      for (let i = 0; i < (o.attachmentsPerCase ?? 0); i++) {
        const at = created + Math.floor(((i + 0.7) / ((o.attachmentsPerCase ?? 0) + 1)) * span * 0.9);
        events.push({
          at,
          apply: (x) => ({ ...x, attachments: [...x.attachments, this.documents.make(x, at)] }),
        });
      }
      for (let i = 0; i < comments; i++) {
        const at = created + Math.floor(((i + 1) / (comments + 1)) * span * 0.9);
        events.push({ at, apply: (x) => ({ ...x, comments: [...x.comments, this.factory.comment(x, at)] }) });
      }
      for (let i = 0; i < steps; i++) {
        const at = created + Math.floor(((i + 0.5) / (steps + 1)) * span * 0.9);
        events.push({
          at,
          apply: (x) => {
            const step = this.factory.nextStep(x, at);
            return step ? withStep(x, step) : x;
          },
        });
      }
      events.sort((a, b) => a.at - b.at);
      for (const e of events) c = { ...e.apply(c), updatedAt: new Date(e.at).toISOString() };
      this.put(c);
    }
  }

  private applyStep(c: InternalCase, step: ResolutionStep): void {
    this.put({ ...withStep(c, step), updatedAt: step.createdAt });
  }

  private put(c: InternalCase): InternalCase {
    const before = this.cases.get(c.id)?.status;
    this.cases.put(c.id, c);
    const wasOpen = before !== undefined && before !== 'CLOSED';
    if (!wasOpen && c.status !== 'CLOSED') this.open.push(c.id);
    else if (wasOpen && c.status === 'CLOSED') {
      const i = this.open.indexOf(c.id);
      if (i >= 0) this.open.splice(i, 1);
    }
    return c;
  }

  private replay<T>(kind: string, key: string | undefined): T | undefined {
    if (key === undefined || !this.honourIdempotencyKeys) return undefined;
    const found = this.keys.get(`${kind}|${key}`) as T | undefined;
    if (found) this.idempotentReplays++;
    return found;
  }

  private remember(kind: string, key: string | undefined, object: unknown): void {
    if (key !== undefined && this.honourIdempotencyKeys) this.keys.set(`${kind}|${key}`, object);
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}

function withStep(c: InternalCase, step: ResolutionStep): InternalCase {
  return {
    ...c,
    status: step.status,
    resolution: step.resolution ?? (step.status === 'REOPENED' ? null : c.resolution),
    steps: [...c.steps, step].slice(-500),
  };
}
