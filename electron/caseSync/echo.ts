// Echo detection: a comment, status update or step that Partner Desk itself wrote must never be
// copied back to where it came from, or the two systems would copy each other's copies forever.
// Three independent signs, any one of which is enough: the origin marker stored on the remote object,
// our correlation reference on it, and our own record of what we wrote. A priority our SLA escalation
// set on an issue carries no marker the issue feed shows, so it is recognised by what we wrote.
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { CaseCopyStore, CopySystem } from '../store/caseCopies.ts';
import type { Store } from '../store/store.ts';

export interface MarkedObject {
  id: string;
  origin: string | null;
  correlationRef: string | null;
}

const OUR_REF = /^pd:[a-z0-9-]+:/;

export function isOwnWrite(o: MarkedObject, system: CopySystem, copies: CaseCopyStore): boolean {
  if (o.origin === PARTNER_DESK_ORIGIN) return true;
  if (o.correlationRef !== null && OUR_REF.test(o.correlationRef)) return true;
  return copies.isOurs(system, o.id, o.correlationRef);
}

const ESCALATION_KEY = /^escalation:(\d+)(:trading-grid)?$/;
const ESCALATIONS_READ = 'escalationsRead';

/**
 * True when a changed priority read from a Trading Grid issue is the one an SLA escalation of the case
 * (flow 8) set there: the desk's own write, not a change made in Trading Grid. The escalation's step
 * and priority are those its timeline event recorded in the transaction that queued the update, so the
 * read-back is recognised even when the update's answer was lost and its delivery is not recorded yet.
 * Each escalation is recognised at most once, and only after those already settled (step numbers only
 * grow): one read back, or delivered and then overtaken by another value read from the issue. So a
 * partner who later sets the issue to the escalated priority is still seen as making a change.
 */
export function isOwnEscalation(store: Store, caseId: string, priority: string, now: number): boolean {
  const state = store.caseLinks.fieldState(caseId);
  const settled = typeof state[ESCALATIONS_READ] === 'number' ? state[ESCALATIONS_READ] : 0;
  let matched = 0;
  let delivered = 0;
  for (let offset = 0; ; offset += 500) {
    const page = store.timeline.list(caseId, 500, offset);
    for (const e of page) {
      const m = ESCALATION_KEY.exec(e.eventKey);
      const step = Number(m?.[1] ?? 0);
      if (step <= settled) continue;
      if (m?.[2]) delivered = Math.max(delivered, step);
      else if (e.kind === 'escalation' && e.detail.priority === priority) matched = Math.max(matched, step);
    }
    if (page.length < 500) break;
  }
  const nowSettled = matched || delivered;
  if (nowSettled > 0)
    store.caseLinks.setFieldState(caseId, { ...state, [ESCALATIONS_READ]: nowSettled }, now);
  return matched > 0;
}
