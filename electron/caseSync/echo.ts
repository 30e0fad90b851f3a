// Echo detection: a comment, status update or step that Partner Desk itself wrote must never be
// copied back to where it came from, or the two systems would copy each other's copies forever.
// Three independent signs, any one of which is enough: the origin marker stored on the remote object,
// our correlation reference on it, and our own record of what we wrote.
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { CaseCopyStore, CopySystem } from '../store/caseCopies.ts';

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
