// Counters of what one run of the engine did, for the demo's summary line and the benchmarks.
import type { NewOutboxEntry, OutboxEntry } from '../store/outboxStore.ts';
import type { QuarantineReasonKind } from '../store/quarantine.ts';

export interface RunStats {
  issuesCreated: number;
  alertsRaised: number;
  linksWritten: number;
  notificationsSent: number;
  quarantined: number;
  deadLettered: number;
  recoveredByLookup: number;
  writesEnqueued: number;
  itemsRead: number;
}

const DELIVERED_COUNTER: Record<string, keyof RunStats> = {
  'tg.createIssue': 'issuesCreated',
  'tg.createAlert': 'alertsRaised',
  'xc.linkException': 'linksWritten',
  'desktop.notify': 'notificationsSent',
};

export function createRunStats() {
  const stats: RunStats = {
    issuesCreated: 0,
    alertsRaised: 0,
    linksWritten: 0,
    notificationsSent: 0,
    quarantined: 0,
    deadLettered: 0,
    recoveredByLookup: 0,
    writesEnqueued: 0,
    itemsRead: 0,
  };
  return {
    snapshot: (): RunStats => ({ ...stats }),
    enqueued(_e: NewOutboxEntry) {
      stats.writesEnqueued++;
    },
    delivered(e: OutboxEntry, recovered: boolean) {
      const counter = DELIVERED_COUNTER[e.operation];
      if (counter) stats[counter]++;
      if (recovered) stats.recoveredByLookup++;
    },
    quarantined(_k: QuarantineReasonKind) {
      stats.quarantined++;
    },
    deadLettered(_e: OutboxEntry) {
      stats.deadLettered++;
    },
    itemsRead(n: number) {
      stats.itemsRead += n;
    },
  };
}
