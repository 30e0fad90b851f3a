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
import type { PartnerFile } from '../../../shared/domain/partnerFile.ts';
import type { InternalRoute, NewRouteMessage, RouteMessage } from '../../../shared/domain/routeMessage.ts';
import { ByCorrelationRef } from '../byCorrelationRef.ts';
import { IdempotentCreates, type CreateOutcome } from '../idempotentCreates.ts';
import type { Rng } from '../rng.ts';
import type { Scenario } from '../scenario.ts';
import type { SeqCounter, SeqFeed } from '../seqFeed.ts';
import { CaseAgents, type CaseActivityOptions, type CaseActivityResult } from './caseAgents.ts';
import { CaseDocuments, type HostDocument } from './caseDocuments.ts';
import { CaseFactory } from './caseFactory.ts';
import { caseHistory, type InternalCaseOptions } from './caseHistory.ts';
import { CasePartnerFiles } from './casePartnerFiles.ts';
import { CaseRecords } from './caseRecords.ts';
import { InboundRoute } from './inboundRoute.ts';

export type { CaseActivityOptions, CaseActivityResult } from './caseAgents.ts';
export type { InternalCaseOptions } from './caseHistory.ts';
export type { CreateOutcome } from '../idempotentCreates.ts';

export class CaseState {
  readonly cases: SeqFeed<InternalCase>;
  readonly comments = new ByCorrelationRef<InternalComment>();
  readonly steps = new ByCorrelationRef<ResolutionStep>();
  readonly routed: ByCorrelationRef<RouteMessage>;
  readonly routedByRoute: Record<InternalRoute, RouteMessage[]>;
  /** Files partners sent in Trading Grid, on cases and routed messages. */
  readonly partnerFiles = new CasePartnerFiles();
  honourIdempotencyKeys = true;
  linksWritten = 0;

  private readonly records: CaseRecords;
  private readonly factory: CaseFactory;
  private readonly documents: CaseDocuments;
  private readonly agents: CaseAgents;
  private readonly inbound: InboundRoute;
  private readonly creates = new IdempotentCreates(() => this.honourIdempotencyKeys);
  private readonly clock: () => number;

  constructor(
    scenario: Scenario,
    rng: Rng,
    seq: SeqCounter,
    clock: () => number,
    o: InternalCaseOptions = {},
    /** Where attachment bytes are kept so xConnector's documents content endpoint serves them. */
    hostDocument: HostDocument = () => {},
  ) {
    this.records = new CaseRecords(seq);
    this.cases = this.records.feed;
    this.factory = new CaseFactory(rng);
    this.documents = new CaseDocuments(rng.fork('documents'), hostDocument);
    this.clock = clock;
    this.inbound = new InboundRoute(this.creates, () => this.now());
    this.routed = this.inbound.routed;
    this.routedByRoute = this.inbound.byRoute;
    const partnerIds = scenario.partners.map((p) => p.id);
    this.agents = new CaseAgents(this.records, this.factory, this.documents, clock, partnerIds);
    for (const c of caseHistory(scenario, o, this.factory, this.documents, partnerIds)) this.records.put(c);
  }

  /** Creates answered with an earlier object because their Idempotency-Key was seen before. */
  get idempotentReplays(): number {
    return this.creates.replays;
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
    return this.records.put({ ...c, link: { ...link }, updatedAt: this.now() });
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
    return this.records.put({ ...next, updatedAt: this.now() });
  }

  createComment(
    caseId: string,
    input: NewInternalComment,
    key: string | undefined,
  ): CreateOutcome<InternalComment> | undefined {
    return this.createOnCase(caseId, 'comment', key, (c) => {
      const comment: InternalComment = {
        id: this.factory.commentId(),
        caseId,
        ...input,
        createdAt: this.now(),
      };
      this.comments.add(comment);
      this.records.addComment(c, comment);
      return comment;
    });
  }

  addStep(
    caseId: string,
    input: NewCaseStep,
    key: string | undefined,
  ): CreateOutcome<ResolutionStep> | undefined {
    return this.createOnCase(caseId, 'step', key, (c) => {
      const step: ResolutionStep = { id: this.factory.stepId(), caseId, ...input, createdAt: this.now() };
      this.steps.add(step);
      this.records.applyStep(c, step);
      return step;
    });
  }

  routeMessage(
    route: InternalRoute,
    input: NewRouteMessage,
    key: string | undefined,
  ): CreateOutcome<RouteMessage> {
    return this.inbound.send(route, input, key);
  }

  /** A routed message by its id. */
  routedMessage(id: string): RouteMessage | undefined {
    return this.inbound.message(id);
  }

  /** A partner's file Partner Desk stored on a case: listed with the case's documents, marked as ours. */
  attachPartnerFile(caseId: string, file: PartnerFile, content: Buffer | null): void {
    const c = this.cases.get(caseId);
    if (!c) return;
    this.records.addAttachment(c, this.documents.partnerFile(c, file, content));
  }

  generateActivity(o: CaseActivityOptions): CaseActivityResult {
    return this.agents.generateActivity(o);
  }

  /** An agent attaching a document to a case in xConnector itself. */
  addNativeAttachment(caseId: string, visibility?: CaseAttachment['visibility']): CaseAttachment | undefined {
    return this.agents.attach(caseId, visibility);
  }

  /** One tick of a running case-management system (the live demo); nothing when there are no cases. */
  tick(): void {
    this.agents.tick();
  }

  /** An agent comment written in xConnector itself (not by Partner Desk). */
  addNativeComment(c: InternalCase, comment: InternalComment): void {
    this.records.addComment(c, comment);
  }

  /** An agent moving a case to a status in xConnector itself. */
  addNativeStep(caseId: string, status: string): ResolutionStep | undefined {
    return this.agents.step(caseId, status);
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

  /** A create on one case (undefined when there is no such case), at most once per Idempotency-Key. */
  private createOnCase<T>(
    caseId: string,
    kind: string,
    key: string | undefined,
    write: (c: InternalCase) => T,
  ): CreateOutcome<T> | undefined {
    const c = this.cases.get(caseId);
    return c && this.creates.once(kind, key, () => write(c));
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
