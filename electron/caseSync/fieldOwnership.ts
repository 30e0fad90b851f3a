// The ownership rule for the fields case sync keeps in step (status and resolution). Each field has
// an owning side. The owner's change is copied to the other side. A change on the other side alone is
// shown on the desk but not copied, and is remembered as pending. When the owner then changes the same
// field, both sides changed it since the last sync: that is a conflict, the owner wins, and the desk's
// timeline records what each side said. Pure: the flows store the pending changes and do the writes.
import type { CaseSyncSettings, SyncSide } from '../../shared/config/caseSync.ts';

export type SyncField = 'status' | 'resolution';

/** One side's change to one field, in the desk's vocabulary (a desk status, or a resolution outcome). */
export interface FieldChange {
  side: SyncSide;
  value: string;
  /** The value in that side's own words (e.g. WAITING_ON_PARTNER, or an internal status word). */
  said: string;
  at: number;
  by: string;
}

export type PendingChanges = Partial<Record<SyncField, FieldChange>>;

export interface Conflict {
  /** Status and resolution here; title and priority too (detailOwnership.ts). */
  field: SyncField | 'title' | 'priority';
  winner: SyncSide;
  won: FieldChange;
  lost: FieldChange;
}

export type FieldDecision =
  { kind: 'copy' } | { kind: 'hold' } | { kind: 'conflict'; conflict: Conflict; copy: boolean };

export function ownerOf(s: CaseSyncSettings, field: SyncField | 'title' | 'priority'): SyncSide {
  return s.fieldOwners[field];
}

export const otherSide = (side: SyncSide): SyncSide =>
  side === 'xconnector' ? 'trading-grid' : 'xconnector';

/**
 * Decides what one side's new change to a field means, given what the other side changed and has not
 * had reconciled yet. Returns the decision and the pending change to keep for the field afterwards.
 */
export function decideFieldChange(
  owner: SyncSide,
  field: SyncField,
  pending: FieldChange | undefined,
  change: FieldChange,
): { decision: FieldDecision; pending: FieldChange | undefined } {
  if (change.side !== owner) return { decision: { kind: 'hold' }, pending: change };
  if (pending && pending.side !== owner && pending.value !== change.value) {
    return {
      decision: {
        kind: 'conflict',
        conflict: { field, winner: owner, won: change, lost: pending },
        copy: true,
      },
      pending: undefined,
    };
  }
  return { decision: { kind: 'copy' }, pending: undefined };
}

/**
 * The other side changed a field, but the owner's later write has already replaced it there (the
 * partner set a status just before our status update landed): a conflict the owner already won.
 */
export function overtakenConflict(
  owner: SyncSide,
  field: SyncField,
  change: FieldChange,
  ownerWrite: FieldChange,
): Conflict | undefined {
  if (change.side === owner || change.value === ownerWrite.value) return undefined;
  return { field, winner: owner, won: ownerWrite, lost: change };
}
