// What the window reads from the store through the engine: the case inbox and each case's timeline,
// the quarantine, failed EDI transactions and the partner directory. Reads only; writes go through flows.
import type { EngineParts } from './engineParts.ts';
import type { Store } from '../store/store.ts';
import type { CaseQuery } from '../store/cases.ts';

export function createDeskViews(parts: Pick<EngineParts, 'store' | 'settings'>) {
  const { store, settings } = parts;
  return {
    quarantine: {
      open: (opts?: Parameters<Store['quarantine']['open']>[0]) => store.quarantine.open(opts),
      count: () => store.quarantine.openCount(),
    },
    cases: {
      list: (q: CaseQuery) => store.cases.list(q),
      countMatching: (q: CaseQuery) => store.cases.countMatching(q),
      countsBy: (column: 'status' | 'sla_state' | 'type') => store.cases.countsBy(column),
      /** SLA states of open cases only: what needs attention (the resolved statuses close a case). */
      openCountsBySlaState: () => store.cases.openCountsBySlaState(settings.sla.resolvedStatuses),
      get: (id: string) => store.cases.get(id),
      timeline: (id: string) => store.timeline.list(id),
      count: () => store.cases.count(),
    },
    partners: () => store.directory.partners(),
    transactions: {
      failed: (limit?: number, offset?: number, partnerId?: string) =>
        store.transactions.failed(limit, offset, partnerId ?? null),
      failedCount: (partnerId?: string) => store.transactions.failedCount(partnerId ?? null),
    },
  };
}
