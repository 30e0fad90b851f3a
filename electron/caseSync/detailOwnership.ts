// The ownership rule for a case's title and priority (flow 7). Each side's value is compared with
// what Partner Desk last saw there (our own writes count as seen once they are delivered, so an echo
// is never a change). The owner's change is copied to the other side. A change on the other side
// alone is shown on the desk but not copied, and held; when the owner changes the same field too, or
// our copy of the owner's value lands over it, both sides changed it since the last sync: a conflict,
// which the owner wins and the timeline records. Pure: the flow stores the state and does the writes.
import type { SyncSide } from '../../shared/config/caseSync.ts';
import type { Conflict, FieldChange } from './fieldOwnership.ts';
import { otherSide } from './fieldOwnership.ts';

export type DetailField = 'title' | 'priority';
export const DETAIL_FIELDS: readonly DetailField[] = ['title', 'priority'];

export interface DetailState {
  /** The value last seen on each side (or written there by us and delivered). */
  seen: Partial<Record<SyncSide, string>>;
  /** The other side's change the owner has not taken. */
  held?: FieldChange;
}

export type DetailDecision =
  | { kind: 'none' }
  /** Copy the owner's new value to the other side. */
  | { kind: 'copy'; value: string; conflict?: Conflict }
  /** Shown on the desk, not copied. */
  | { kind: 'hold' };

/** What one side's current value means, given the state; returns the decision and the new state. */
export function readDetail(
  owner: SyncSide,
  field: DetailField,
  state: DetailState,
  change: FieldChange,
): { decision: DetailDecision; state: DetailState } {
  const side = change.side;
  const before = state.seen[side];
  const seen = { ...state.seen, [side]: change.value };
  // First sight is the baseline; no change since the last reading is nothing to do.
  if (before === undefined || before === change.value)
    return { decision: { kind: 'none' }, state: { ...state, seen } };
  const other = state.seen[otherSide(side)];
  if (side === owner) {
    const held = state.held;
    const conflict =
      held && held.value !== change.value ? { field, winner: owner, won: change, lost: held } : undefined;
    if (other === change.value) return { decision: { kind: 'none' }, state: { seen } };
    return {
      decision: { kind: 'copy', value: change.value, ...(conflict ? { conflict } : {}) },
      state: { seen },
    };
  }
  // The other side now says what the owner says: nothing is held any more.
  if (state.seen[owner] === change.value) return { decision: { kind: 'none' }, state: { seen } };
  return { decision: { kind: 'hold' }, state: { seen, held: change } };
}

/**
 * Our copy of the owner's value was delivered to `side`: that is now what it says there. A change held
 * from that side with another value was overwritten by it: a conflict the owner won.
 */
export function copyDelivered(
  owner: SyncSide,
  field: DetailField,
  state: DetailState,
  written: FieldChange,
): { state: DetailState; conflict?: Conflict } {
  const seen = { ...state.seen, [written.side]: written.value };
  const held = state.held;
  if (!held || held.side !== written.side) return { state: { ...state, seen } };
  if (held.value === written.value) return { state: { seen } };
  return { state: { seen }, conflict: { field, winner: owner, won: written, lost: held } };
}
