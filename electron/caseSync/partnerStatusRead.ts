// The latest status change a Trading Grid issue showed when the desk last read it (any author: the
// partner, staff in Trading Grid, or our own status posts). A status change set aside because the
// mappings did not know its word may be applied later only while it is still this latest one; once
// anything came after it, applying it would set the case back (caseSyncStatusInRelease.ts).
// Kept beside the case's other sync bookkeeping; written only when it changes.
import type { Store } from '../store/store.ts';

export interface PartnerStatusRead {
  updateId: string;
  status: string;
}

const KEY = 'partnerStatusRead';

export function lastPartnerStatusRead(store: Store, caseId: string): PartnerStatusRead | undefined {
  const raw = store.caseLinks.fieldState(caseId)[KEY];
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  return typeof r.updateId === 'string' && typeof r.status === 'string'
    ? { updateId: r.updateId, status: r.status }
    : undefined;
}

export function notePartnerStatusRead(
  store: Store,
  caseId: string,
  latest: { id: string; status: string } | undefined,
  now: number,
): void {
  if (!latest) return;
  const state = store.caseLinks.fieldState(caseId);
  const before = state[KEY] as Partial<PartnerStatusRead> | undefined;
  if (before?.updateId === latest.id) return;
  const read: PartnerStatusRead = { updateId: latest.id, status: latest.status };
  store.caseLinks.setFieldState(caseId, { ...state, [KEY]: read }, now);
}
