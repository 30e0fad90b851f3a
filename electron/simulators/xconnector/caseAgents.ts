// What xConnector's own agents do to internal cases, not Partner Desk: open standalone cases, move
// cases along their path, comment, attach documents, and step to a status no mapping knows. Drives
// the admin activity endpoint and the live demo's ticks, always from the seeded Rng.
import type { CaseAttachment, ResolutionStep } from '../../../shared/domain/internalCase.ts';
import type { CaseDocuments } from './caseDocuments.ts';
import type { CaseFactory } from './caseFactory.ts';
import type { CaseRecords } from './caseRecords.ts';

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

export class CaseAgents {
  private readonly records: CaseRecords;
  private readonly factory: CaseFactory;
  private readonly documents: CaseDocuments;
  private readonly clock: () => number;
  private readonly partnerIds: readonly string[];

  constructor(
    records: CaseRecords,
    factory: CaseFactory,
    documents: CaseDocuments,
    clock: () => number,
    partnerIds: readonly string[],
  ) {
    this.records = records;
    this.factory = factory;
    this.documents = documents;
    this.clock = clock;
    this.partnerIds = partnerIds;
  }

  generateActivity(o: CaseActivityOptions): CaseActivityResult {
    const rng = this.factory.rng;
    const records = this.records;
    const result: CaseActivityResult = {
      newCases: [],
      caseSteps: [],
      caseComments: [],
      unmappedSteps: [],
      caseAttachments: [],
    };
    for (let i = 0; i < (o.newCases ?? 0) && this.partnerIds.length > 0; i++) {
      const c = this.factory.standalone(rng.pick(this.partnerIds), this.clock());
      records.put(c);
      result.newCases.push(c.id);
    }
    for (let i = 0; i < (o.caseSteps ?? 0) && records.hasOpen; i++) {
      const c = records.pickOpen(rng);
      const step = c && this.factory.nextStep(c, this.clock());
      if (!c || !step) continue;
      records.applyStep(c, step);
      result.caseSteps.push(c.id);
    }
    for (let i = 0; i < (o.caseComments ?? 0) && records.hasOpen; i++) {
      const c = records.pickOpen(rng);
      if (!c) continue;
      records.addComment(c, this.factory.comment(c, this.clock()));
      result.caseComments.push(c.id);
    }
    for (let i = 0; i < (o.unmappedSteps ?? 0) && records.hasOpen; i++) {
      const c = records.pickOpen(rng);
      if (!c) continue;
      records.applyStep(c, this.factory.step(c.id, 'ON_HOLD_LEGAL', this.clock()));
      result.unmappedSteps.push(c.id);
    }
    for (let i = 0; i < (o.caseAttachments ?? 0) && records.hasOpen; i++) {
      const c = records.pickOpen(rng);
      if (!c) continue;
      this.attach(c.id);
      result.caseAttachments.push(c.id);
    }
    return result;
  }

  /** One tick of a running case-management system (the live demo); nothing when there are no cases. */
  tick(): void {
    if (this.records.feed.size === 0) return;
    const rng = this.factory.rng;
    this.generateActivity({
      newCases: rng.chance(0.3) ? 1 : 0,
      caseSteps: rng.int(1, 3),
      caseComments: rng.int(0, 2),
      caseAttachments: rng.chance(0.2) ? 1 : 0,
    });
  }

  /** An agent attaching a document to a case. */
  attach(caseId: string, visibility?: CaseAttachment['visibility']): CaseAttachment | undefined {
    const c = this.records.get(caseId);
    if (!c) return undefined;
    const a = this.documents.make(c, this.clock(), visibility);
    this.records.addAttachment(c, a);
    return a;
  }

  /** An agent moving a case to a status. */
  step(caseId: string, status: string): ResolutionStep | undefined {
    const c = this.records.get(caseId);
    if (!c) return undefined;
    const step = this.factory.step(caseId, status, this.clock());
    this.records.applyStep(c, step);
    return step;
  }
}
