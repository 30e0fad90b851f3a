// What needs the desk person: failed transactions, and OPEN cases whose SLA is at risk or breached (a
// closed case keeps the state its SLA ended in, but nobody needs to act on it). Read from the engine
// through the same calls the window makes, so the tray and the window never disagree.
import type { CaseCounts } from '../../../shared/ipc/dto.ts';

export interface Attention {
  failedTransactions: number;
  slaWarnings: number;
  slaBreaches: number;
  total: number;
}

/** The SLA states (electron/sla) that count as needing attention. */
export const SLA_WARNING_STATES: readonly string[] = ['warning'];
export const SLA_BREACH_STATES: readonly string[] = ['breached'];

export function attentionFrom(failedTransactions: number, bySlaState: Record<string, number>): Attention {
  const sum = (states: readonly string[]) => states.reduce((n, s) => n + (bySlaState[s] ?? 0), 0);
  const slaWarnings = sum(SLA_WARNING_STATES);
  const slaBreaches = sum(SLA_BREACH_STATES);
  return {
    failedTransactions,
    slaWarnings,
    slaBreaches,
    total: failedTransactions + slaWarnings + slaBreaches,
  };
}

export type Invoke = (channel: 'transactions:failed' | 'cases:counts', args: object) => Promise<unknown>;

export async function readAttention(invoke: Invoke): Promise<Attention> {
  const [failed, counts] = await Promise.all([
    invoke('transactions:failed', { limit: 1 }) as Promise<{ total: number }>,
    invoke('cases:counts', {}) as Promise<CaseCounts>,
  ]);
  return attentionFrom(failed.total, counts.openBySlaState);
}
