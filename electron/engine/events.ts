// Everything the engine tells the outside world (the desktop shell, the demo printer, tests).
import type { SystemHealth } from '../sync/health.ts';
import type { NotificationRequest } from './notifier.ts';
import type { QuarantineReasonKind } from '../store/quarantine.ts';
import type { ReconcileReport } from '../referenceData/reconcileReport.ts';
import type { DocumentProgress } from '../documents/documentEvents.ts';

export interface CaseEvent {
  caseId: string;
  partnerId: string;
  title: string;
  tgIssueId: string | null;
}

export interface EngineEvents extends Record<string, unknown> {
  caseCreated: CaseEvent;
  caseUpdated: CaseEvent;
  transactionFailed: {
    transactionId: string;
    partnerId: string;
    documentType: string;
    status: string;
    summary: string;
  };
  healthChanged: SystemHealth;
  notificationRequested: NotificationRequest;
  quarantined: { feed: string; itemId: string | null; reasonKind: QuarantineReasonKind; reason: string };
  /** A remote write was applied (or found already applied by its correlation reference). */
  delivered: {
    outboxId: number;
    operation: string;
    system: string;
    remoteId: string | null;
    recovered: boolean;
  };
  retryScheduled: { outboxId: number; operation: string; attempt: number; inMs: number; error: string };
  deadLettered: { outboxId: number; operation: string; reason: string };
  outboxChanged: { pending: number; dead: number };
  /** A document's upload moved on (flow 2): queued, bytes sent, attached, failed, refused, duplicate. */
  documentProgress: DocumentProgress;
  /** A full reconcile of Trading Grid's reference-data directory finished (flow 6), with what it repaired. */
  referenceReconciled: ReconcileReport;
}
