// Reads and writes the title and priority state of a desk case (see detailOwnership), kept beside the
// pending status changes. Anything unreadable in the stored JSON is ignored rather than trusted.
import type { Store } from '../store/store.ts';
import { DETAIL_FIELDS, type DetailField, type DetailState } from './detailOwnership.ts';
import { isChange } from './pendingChanges.ts';

export type CaseDetailState = Record<DetailField, DetailState>;

function readSeen(v: unknown): DetailState['seen'] {
  const out: DetailState['seen'] = {};
  if (typeof v !== 'object' || v === null) return out;
  const o = v as Record<string, unknown>;
  for (const side of ['xconnector', 'trading-grid'] as const)
    if (typeof o[side] === 'string') out[side] = o[side];
  return out;
}

export function loadDetails(store: Store, caseId: string): CaseDetailState {
  const raw = store.caseLinks.fieldState(caseId).details;
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = {} as CaseDetailState;
  for (const f of DETAIL_FIELDS) {
    const field = (typeof o[f] === 'object' && o[f] !== null ? o[f] : {}) as Record<string, unknown>;
    out[f] = { seen: readSeen(field.seen), ...(isChange(field.held) ? { held: field.held } : {}) };
  }
  return out;
}

export function saveDetails(store: Store, caseId: string, details: CaseDetailState, now: number): void {
  store.caseLinks.setFieldState(caseId, { ...store.caseLinks.fieldState(caseId), details }, now);
}
