// What the demo's simulated world holds for case sync (flows 4, 5, 7): internal cases in xConnector
// (some about exceptions, some standalone) with comments, documents and resolution steps, and issues partners
// opened themselves in Trading Grid. Live, partners keep writing every few seconds.
import type { InternalCaseOptions } from '../simulators/xconnector/caseState.ts';
import type { IssueFeedOptions } from '../simulators/tradingGrid/issueFeedState.ts';

export const DEMO_INTERNAL_CASES: InternalCaseOptions = {
  exceptionShare: 0.35,
  standalone: 12,
  maxCommentsPerCase: 3,
  maxStepsPerCase: 3,
  attachmentsPerCase: 1,
};

export const DEMO_ISSUE_FEED: IssueFeedOptions = { partnerIssues: 4, filesOnFollowUps: true };

/** Operations of flows 4, 5 and 7 as the demo prints them when they are done. */
export const CASE_SYNC_OPERATIONS_DONE: Record<string, string> = {
  'tg.createCaseIssue': 'issue created in Trading Grid for an internal case',
  'xc.linkCase': 'link stored on the xConnector internal case',
  'tg.createComment': 'comment copied to the Trading Grid issue',
  'xc.createCaseComment': 'comment copied to the xConnector internal case',
  'tg.postStatusUpdate': 'internal status posted to the partner',
  'xc.addCaseStep': 'partner status copied to the xConnector internal case',
  'xc.routeMessage': 'partner message routed into xConnector',
  'xc.uploadPartnerFile': "partner's file stored in xConnector",
  'tg.updateIssueDetails': 'title or priority copied to the Trading Grid issue',
  'xc.updateCaseDetails': 'title or priority copied to the xConnector internal case',
};
