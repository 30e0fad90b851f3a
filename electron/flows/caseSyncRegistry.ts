// The feeds and outbox operations of case sync (flow 7), status back to partners (flow 4) and partner
// input routing (flow 5), as the engine's flow registry lists them.
import type { AnyFeedFlow } from './feedFlow.ts';
import type { OutboxOperation } from '../sync/outboxOperation.ts';
import { internalCasesFeedFlow } from './caseSyncInternalFeed.ts';
import { issueChangesFeedFlow } from './caseSyncIssueFeed.ts';
import { createCaseIssueOperation, linkCaseOperation } from './caseSyncDeskCase.ts';
import { createInternalCommentOperation, createIssueCommentOperation } from './caseSyncComments.ts';
import { addCaseStepOperation } from './caseSyncStatusIn.ts';
import { postStatusUpdateOperation } from './statusToPartner.ts';
import { routeMessageOperation } from './partnerInputRouting.ts';
import { uploadPartnerFileOperation } from './caseSyncPartnerFiles.ts';
import { updateCaseDetailsOperation, updateIssueDetailsOperation } from './caseSyncDetails.ts';

/** xConnector's cases before Trading Grid's issues: a cycle joins internal cases before it reads issues. */
export const caseSyncFeedFlows: AnyFeedFlow[] = [internalCasesFeedFlow, issueChangesFeedFlow];

export const caseSyncOperations: OutboxOperation[] = [
  createCaseIssueOperation,
  linkCaseOperation,
  createIssueCommentOperation,
  createInternalCommentOperation,
  postStatusUpdateOperation,
  addCaseStepOperation,
  routeMessageOperation,
  uploadPartnerFileOperation,
  updateIssueDetailsOperation,
  updateCaseDetailsOperation,
];
