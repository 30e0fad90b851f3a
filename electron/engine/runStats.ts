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
  /** SLA escalation steps applied to Trading Grid issues (flow 8). */
  escalations: number;
  /** Reference records written to (or deleted from) Trading Grid's directory, repairs included. */
  referenceRecordsPushed: number;
  /** Drifted directory records the reconcile repaired (counted when it enqueues the repair). */
  referenceRecordsRepaired: number;
  /** Comments copied between an internal case and its Trading Grid issue, desk replies included (flow 7). */
  commentsSynced: number;
  /** Internal resolution steps posted to Trading Grid as status updates (flow 4). */
  statusesPosted: number;
  /** Partner messages and comments handed to an internal route (flow 5). */
  messagesRouted: number;
  /** Dispute documents attached to Trading Grid issues, from xConnector or dropped on the desk (flow 2). */
  documentsAttached: number;
  /** Files partners attached in Trading Grid, stored in xConnector on a case or routed message (flows 5, 7). */
  attachmentsRouted: number;
}

const DELIVERED_COUNTER: Record<string, keyof RunStats> = {
  'tg.createIssue': 'issuesCreated',
  'tg.createAlert': 'alertsRaised',
  'xc.linkException': 'linksWritten',
  'desktop.notify': 'notificationsSent',
  'tg.escalateIssue': 'escalations',
  'tg.putDirectoryRecord': 'referenceRecordsPushed',
  'tg.deleteDirectoryRecord': 'referenceRecordsPushed',
  'tg.createCaseIssue': 'issuesCreated',
  'xc.linkCase': 'linksWritten',
  'tg.createComment': 'commentsSynced',
  'xc.createCaseComment': 'commentsSynced',
  'tg.postStatusUpdate': 'statusesPosted',
  'xc.routeMessage': 'messagesRouted',
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
    escalations: 0,
    referenceRecordsPushed: 0,
    referenceRecordsRepaired: 0,
    commentsSynced: 0,
    statusesPosted: 0,
    messagesRouted: 0,
    documentsAttached: 0,
    attachmentsRouted: 0,
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
    referenceRecordsRepaired(n: number) {
      stats.referenceRecordsRepaired += n;
    },
    /** Counted when the attachment is recorded, not per delivery: a document refused for good is no attachment. */
    documentAttached() {
      stats.documentsAttached++;
    },
    /** Counted when xConnector has the file, not per delivery: a refused file is none. */
    attachmentRouted() {
      stats.attachmentsRouted++;
    },
    itemsRead(n: number) {
      stats.itemsRead += n;
    },
  };
}
