// What one full reconcile of Trading Grid's reference-data directory found and repaired: counts per
// kind and per reason, and the keys (up to a limit, so a huge drift cannot make a huge report).
import { REFERENCE_KINDS, type ReferenceKind } from '../../shared/domain/reference.ts';

/** Why a directory record needed repair. */
export type DriftReason =
  /** The record's content in Trading Grid differs from xConnector's (edited on the Trading Grid side). */
  | 'editedInTradingGrid'
  /** xConnector has the record, Trading Grid no longer does (deleted on the Trading Grid side). */
  | 'deletedInTradingGrid'
  /** Trading Grid still has a record xConnector deleted. */
  | 'deletedInXConnector'
  /** Trading Grid has a record xConnector never had. */
  | 'unknownToXConnector';

export const DRIFT_REASONS: readonly DriftReason[] = [
  'editedInTradingGrid',
  'deletedInTradingGrid',
  'deletedInXConnector',
  'unknownToXConnector',
];

export interface DriftedKey {
  kind: ReferenceKind;
  key: string;
  reason: DriftReason;
}

export interface DriftTally {
  total: number;
  byKind: Record<ReferenceKind, number>;
  byReason: Record<DriftReason, number>;
  keys: DriftedKey[];
  /** True when more keys drifted than the report lists (the counts still cover all of them). */
  keysTruncated: boolean;
}

export interface ReconcileReport {
  runId: number;
  startedAt: number;
  finishedAt: number;
  outcome: 'done' | 'failed';
  /** Why the reconcile stopped early; repairs enqueued before that stand. */
  error?: string;
  pagesRead: number;
  /** Directory records read and compared with xConnector's. */
  recordsCompared: number;
  inSync: number;
  /** Records with a write still on its way (or just delivered): the outbox settles them. */
  skippedInFlight: number;
  /** Records held back because xConnector names no such partner. */
  skippedHeld: number;
  /** Directory items without a readable kind and key: nothing can address them. */
  unreadable: number;
  /** Drift repaired through the outbox. */
  repaired: DriftTally;
  /** Drift only reported (strayRecords = 'report'). */
  reportedOnly: DriftTally;
}

function emptyTally(): DriftTally {
  return {
    total: 0,
    byKind: Object.fromEntries(REFERENCE_KINDS.map((k) => [k, 0])) as Record<ReferenceKind, number>,
    byReason: Object.fromEntries(DRIFT_REASONS.map((r) => [r, 0])) as Record<DriftReason, number>,
    keys: [],
    keysTruncated: false,
  };
}

export function newReconcileReport(runId: number, startedAt: number): ReconcileReport {
  return {
    runId,
    startedAt,
    finishedAt: startedAt,
    outcome: 'done',
    pagesRead: 0,
    recordsCompared: 0,
    inSync: 0,
    skippedInFlight: 0,
    skippedHeld: 0,
    unreadable: 0,
    repaired: emptyTally(),
    reportedOnly: emptyTally(),
  };
}

export function tallyDrift(tally: DriftTally, drift: DriftedKey, keysLimit: number): void {
  tally.total++;
  tally.byKind[drift.kind]++;
  tally.byReason[drift.reason]++;
  if (tally.keys.length < keysLimit) tally.keys.push(drift);
  else tally.keysTruncated = true;
}

/** One line for logs and the demo: "repaired 3 (item 2, contact 1)". */
export function describeReconcile(r: ReconcileReport): string {
  const parts = (t: DriftTally) =>
    REFERENCE_KINDS.filter((k) => t.byKind[k] > 0)
      .map((k) => `${k} ${t.byKind[k]}`)
      .join(', ');
  const repaired =
    r.repaired.total === 0 ? 'no drift repaired' : `repaired ${r.repaired.total} (${parts(r.repaired)})`;
  const reported = r.reportedOnly.total > 0 ? `, ${r.reportedOnly.total} stray records reported` : '';
  const failed = r.outcome === 'failed' ? ` — stopped early: ${r.error ?? 'unknown error'}` : '';
  return `reference-data reconcile #${r.runId}: ${r.recordsCompared} records compared, ${repaired}${reported}${failed}`;
}
