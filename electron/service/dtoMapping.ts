// Turns engine records into the plain shapes the window receives (shared/ipc/dto.ts).
import type { CaseRecord } from '../store/cases.ts';
import type { CaseEvent } from '../store/caseTimeline.ts';
import type { StoredTransaction } from '../store/transactions.ts';
import type { OutboxEntry } from '../store/outboxStore.ts';
import type {
  CaseSummary,
  CaseTimelineEvent,
  DeadLetterDto,
  DecodedErrorDto,
  FailedTransactionDto,
} from '../../shared/ipc/dto.ts';
import { documentLabel } from '../flows/documentLabels.ts';

export type PartnerNames = (partnerId: string) => string;

export function toCaseSummary(c: CaseRecord, partnerName: PartnerNames): CaseSummary {
  return {
    id: c.id,
    partnerId: c.partnerId,
    partnerName: partnerName(c.partnerId),
    title: c.title,
    type: c.type,
    status: c.status,
    priority: c.priority,
    slaState: c.slaState,
    slaDueAt: c.slaDueAt,
    tgIssueId: c.tgIssueId,
    exceptionId: c.exceptionId,
    updatedAt: c.updatedAt,
  };
}

export function toTimelineEvent(e: CaseEvent): CaseTimelineEvent {
  return { id: e.id, kind: e.kind, origin: e.origin, at: e.at, summary: e.summary, detail: e.detail };
}

export function toFailedTransaction(t: StoredTransaction, partnerName: PartnerNames): FailedTransactionDto {
  return {
    id: t.id,
    partnerId: t.partnerId,
    partnerName: partnerName(t.partnerId),
    standard: t.standard,
    documentType: t.documentType,
    documentLabel: documentLabel(t.documentType),
    direction: t.direction,
    controlNumber: t.controlNumber,
    status: t.status,
    rawStatus: t.rawStatus,
    errorSummary: t.errorSummary ?? '',
    errors: t.errors as DecodedErrorDto[],
    updatedAt: t.updatedAt,
  };
}

export function toDeadLetter(e: OutboxEntry): DeadLetterDto {
  return {
    id: e.id,
    operation: e.operation,
    system: e.system,
    correlationRef: e.correlationRef,
    attempts: e.attempts + e.priorAttempts,
    reason: e.lastError ?? 'no reason recorded',
    updatedAt: e.updatedAt,
  };
}
