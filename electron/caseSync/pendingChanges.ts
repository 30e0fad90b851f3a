// Reads and writes the changes one side made that the other has not taken yet (see fieldOwnership).
// Stored per desk case; anything unreadable in the stored JSON is ignored rather than trusted.
import type { Store } from '../store/store.ts';
import type { FieldChange, PendingChanges, SyncField } from './fieldOwnership.ts';

const FIELDS: SyncField[] = ['status', 'resolution'];

export function isChange(v: unknown): v is FieldChange {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    (c.side === 'xconnector' || c.side === 'trading-grid') &&
    typeof c.value === 'string' &&
    typeof c.said === 'string' &&
    typeof c.at === 'number' &&
    typeof c.by === 'string'
  );
}

export function loadPending(store: Store, caseId: string): PendingChanges {
  const raw = store.caseLinks.fieldState(caseId);
  const out: PendingChanges = {};
  for (const f of FIELDS) if (isChange(raw[f])) out[f] = raw[f];
  return out;
}

export function savePending(store: Store, caseId: string, pending: PendingChanges, now: number): void {
  // Other state kept beside it (title and priority, see detailState.ts) stays as it is.
  const kept = store.caseLinks.fieldState(caseId);
  store.caseLinks.setFieldState(
    caseId,
    { ...kept, status: pending.status, resolution: pending.resolution },
    now,
  );
}
