// The OpenAPI generator's notes on the case-sync endpoints (flows 4, 5, 7): which schemas are named
// components, what each feed's items are, and which lookup finds what each create made.
import type { z } from 'zod';
import { Comment, NewComment } from '../domain/comment.ts';
import {
  CaseDetailsUpdate,
  InternalCase,
  InternalComment,
  NewCaseStep,
  NewInternalComment,
  ResolutionStep,
} from '../domain/internalCase.ts';
import { IssueSnapshot } from '../domain/issueSnapshot.ts';
import { NewRouteMessage, RouteMessage } from '../domain/routeMessage.ts';
import { PartnerFile } from '../domain/partnerFile.ts';
import { NewStatusUpdate, StatusUpdate } from '../domain/statusUpdate.ts';

export const CASE_SYNC_COMPONENTS: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['InternalCase', InternalCase],
  ['InternalComment', InternalComment],
  ['NewInternalComment', NewInternalComment],
  ['ResolutionStep', ResolutionStep],
  ['NewCaseStep', NewCaseStep],
  ['CaseDetailsUpdate', CaseDetailsUpdate],
  ['NewRouteMessage', NewRouteMessage],
  ['RouteMessage', RouteMessage],
  ['IssueSnapshot', IssueSnapshot],
  ['Comment', Comment],
  ['NewComment', NewComment],
  ['StatusUpdate', StatusUpdate],
  ['NewStatusUpdate', NewStatusUpdate],
  ['PartnerFile', PartnerFile],
];

export const CASE_SYNC_FEED_ITEMS: Readonly<Record<string, string>> = {
  'xc.casesFeed': 'InternalCase',
  'tg.issueChangesFeed': 'IssueSnapshot',
};

export const CASE_SYNC_CREATE_LOOKUPS: Readonly<Record<string, string>> = {
  'xc.createCaseComment': 'xc.findCaseComments',
  'xc.addCaseStep': 'xc.findCaseSteps',
  'xc.routeMessage': 'xc.findRouteMessages',
  'tg.createComment': 'tg.findComments',
  'tg.postStatusUpdate': 'tg.findStatusUpdates',
  'xc.uploadCaseFile': 'xc.findPartnerFiles',
  'xc.uploadRouteMessageFile': 'xc.findPartnerFiles',
};
