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
import type { AnyFeedFlow } from '../flows/feedFlow.ts';
import type { OutboxOperation } from '../sync/outboxOperation.ts';

export const feedFlows: AnyFeedFlow[] = [
  partnersFeedFlow,
  communitiesFeedFlow,
  exceptionsFeedFlow,
  transactionsFeedFlow,
];

export const outboxOperations: OutboxOperation[] = [
  createIssueOperation,
  linkExceptionOperation,
  createAlertOperation,
  desktopNotifyOperation,
];
