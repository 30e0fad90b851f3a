// The flows and outbox operations this version of the engine runs. Adding a flow is adding it here.
import { communitiesFeedFlow, partnersFeedFlow } from '../flows/partnerDirectory.ts';
import {
  createIssueOperation,
  exceptionsFeedFlow,
  linkExceptionOperation,
} from '../flows/exceptionToIssue.ts';
import {
  createAlertOperation,
  desktopNotifyOperation,
  transactionsFeedFlow,
} from '../flows/failedTransactionToAlert.ts';
import { referenceDataFeedFlow } from '../flows/referenceDataFeed.ts';
import { deleteDirectoryRecordOperation, putDirectoryRecordOperation } from '../flows/referenceDataWrites.ts';
import { escalateIssueOperation, triggerWorkflowOperation } from '../flows/slaEscalation.ts';
import { caseSyncFeedFlows, caseSyncOperations } from '../flows/caseSyncRegistry.ts';
import { attachDocumentOperation, documentsFeedFlow } from '../flows/disputeDocuments.ts';
import type { AnyFeedFlow } from '../flows/feedFlow.ts';
import type { OutboxOperation } from '../sync/outboxOperation.ts';

export const feedFlows: AnyFeedFlow[] = [
  partnersFeedFlow,
  communitiesFeedFlow,
  exceptionsFeedFlow,
  transactionsFeedFlow,
  referenceDataFeedFlow,
  ...caseSyncFeedFlows,
  documentsFeedFlow,
];

export const outboxOperations: OutboxOperation[] = [
  createIssueOperation,
  linkExceptionOperation,
  createAlertOperation,
  desktopNotifyOperation,
  putDirectoryRecordOperation,
  deleteDirectoryRecordOperation,
  escalateIssueOperation,
  triggerWorkflowOperation,
  ...caseSyncOperations,
  attachDocumentOperation,
];
