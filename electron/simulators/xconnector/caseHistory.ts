// The internal cases xConnector already holds when the simulator starts: cases about a share of the
// scenario's exceptions and standalone ones, each with comments, steps and documents spread over the
// time since it was opened, so the first poll sees a case system with a past.
import type { InternalCase } from '../../../shared/domain/internalCase.ts';
import type { Scenario } from '../scenario.ts';
import type { CaseDocuments } from './caseDocuments.ts';
import type { CaseFactory } from './caseFactory.ts';
import { withStep } from './caseRecords.ts';

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

interface CaseEvent {
  at: number;
  apply: (x: InternalCase) => InternalCase;
}

/** The seeded cases with their history, oldest first (the order they enter the feed). */
export function caseHistory(
  scenario: Scenario,
  o: InternalCaseOptions,
  factory: CaseFactory,
  documents: CaseDocuments,
  partnerIds: readonly string[],
): InternalCase[] {
  const rng = factory.rng;
  const unknown = new Set(scenario.unknownPartnerIds);
  const made: InternalCase[] = [];
  const share = o.exceptionShare ?? 0;
  for (const e of scenario.exceptions) {
    if (unknown.has(e.partnerId) || !rng.chance(share)) continue;
    made.push(factory.fromException(e, Date.parse(e.detectedAt) + rng.int(5, 120) * 60_000));
  }
  const start = scenario.options.now - scenario.options.historyDays * 86_400_000;
  for (let i = 0; i < (o.standalone ?? 0) && partnerIds.length > 0; i++)
    made.push(factory.standalone(rng.pick(partnerIds), rng.int(start, scenario.options.now - 3_600_000)));
  made.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return made.map((c) => withHistory(c, scenario.options.now, o, factory, documents));
}

/** One case with its comments, steps and documents, applied in time order. */
function withHistory(
  c: InternalCase,
  now: number,
  o: InternalCaseOptions,
  factory: CaseFactory,
  documents: CaseDocuments,
): InternalCase {
  const rng = factory.rng;
  const created = Date.parse(c.createdAt);
  const span = Math.max(60_000, now - created);
  const steps = o.stepsPerCase ?? rng.int(0, o.maxStepsPerCase ?? 3);
  const comments = o.commentsPerCase ?? rng.int(0, o.maxCommentsPerCase ?? 3);
  const attachments = o.attachmentsPerCase ?? 0;
  const events: CaseEvent[] = [];
  for (let i = 0; i < attachments; i++) {
    const at = created + Math.floor(((i + 0.7) / (attachments + 1)) * span * 0.9);
    events.push({ at, apply: (x) => ({ ...x, attachments: [...x.attachments, documents.make(x, at)] }) });
  }
  for (let i = 0; i < comments; i++) {
    const at = created + Math.floor(((i + 1) / (comments + 1)) * span * 0.9);
    events.push({ at, apply: (x) => ({ ...x, comments: [...x.comments, factory.comment(x, at)] }) });
  }
  for (let i = 0; i < steps; i++) {
    const at = created + Math.floor(((i + 0.5) / (steps + 1)) * span * 0.9);
    events.push({
      at,
      apply: (x) => {
        const step = factory.nextStep(x, at);
        return step ? withStep(x, step) : x;
      },
    });
  }
  events.sort((a, b) => a.at - b.at);
  let withEvents = c;
  for (const e of events) withEvents = { ...e.apply(withEvents), updatedAt: new Date(e.at).toISOString() };
  return withEvents;
}
