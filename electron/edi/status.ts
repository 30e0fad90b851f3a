// Folding many per-document outcomes into the one status the desk sees.
import type { Outcome } from './codes/codeTable.ts';
import type { AckStatus } from './types.ts';

/**
 * All rejected → rejected; some rejected (or partial) → partially-accepted; otherwise any errors noted →
 * accepted-with-errors; else accepted. 'received' (CONTRL 0083 = 8) counts as accepted: the partner has
 * taken the interchange and will report problems separately.
 */
export function combineOutcomes(outcomes: readonly Outcome[]): AckStatus | undefined {
  if (outcomes.length === 0) return undefined;
  if (outcomes.every((o) => o === 'rejected')) return 'rejected';
  if (outcomes.some((o) => o === 'rejected' || o === 'partially-accepted')) return 'partially-accepted';
  if (outcomes.some((o) => o === 'accepted-with-errors')) return 'accepted-with-errors';
  return 'accepted';
}

/** An ack that says 'accepted' yet lists errors is reported as accepted-with-errors, never as clean. */
export function finalStatus(status: AckStatus, errorCount: number): AckStatus {
  return status === 'accepted' && errorCount > 0 ? 'accepted-with-errors' : status;
}

export function isAccepted(status: AckStatus): boolean {
  return status === 'accepted' || status === 'accepted-with-errors';
}

export function isNegative(outcome: Outcome | undefined): boolean {
  return outcome === 'rejected' || outcome === 'partially-accepted';
}
