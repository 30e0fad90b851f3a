// xConnector's case-management and inbound-route endpoints (flows 4, 5 and 7), spread into
// xConnectorContract. Every create stores our correlation reference and has a lookup by it.
import { z } from 'zod';
import { FeedPage, FeedQuery, LookupByRef, MAX_PAGE_ITEMS } from '../domain/feed.ts';
import { IssueLink } from '../domain/exception.ts';
import {
  CaseDetailsUpdate,
  InternalCase,
  InternalComment,
  NewCaseStep,
  NewInternalComment,
  ResolutionStep,
} from '../domain/internalCase.ts';
import { Id } from '../domain/primitives.ts';
import { InternalRoute, NewRouteMessage, RouteMessage } from '../domain/routeMessage.ts';
import { NewPartnerFile, PartnerFile } from '../domain/partnerFile.ts';
import { endpoint } from './endpoint.ts';

const CaseIdParams = z.object({ id: Id });
const RouteParams = z.object({ route: InternalRoute });
const RouteMessageParams = z.object({ id: Id });
const PARTNER_FILE_BODY =
  'The body is the raw bytes (application/octet-stream, Content-Length = sizeBytes); what they are is in the query. Bytes whose size or SHA-256 differ from the query are refused (422) and nothing is stored. Stores origin and correlationRef on the file.';

export const xConnectorCaseEndpoints = {
  casesFeed: endpoint({
    id: 'xc.casesFeed',
    method: 'GET',
    path: '/api/v1/cases',
    summary:
      'Internal cases created or changed since the cursor, each with its resolution steps and comments (items are InternalCase).',
    query: FeedQuery,
    response: FeedPage,
    status: 200,
    idempotent: false,
  }),
  linkCase: endpoint({
    id: 'xc.linkCase',
    method: 'PUT',
    path: '/api/v1/cases/:id/link',
    summary:
      'Store the Trading Grid issue an internal case is linked to (idempotent: setting the same link twice is a no-op).',
    params: CaseIdParams,
    body: IssueLink,
    response: InternalCase,
    status: 200,
    idempotent: true,
  }),
  updateCaseDetails: endpoint({
    id: 'xc.updateCaseDetails',
    method: 'PUT',
    path: '/api/v1/cases/:id/details',
    summary:
      "Set an internal case's title and/or priority (used when Trading Grid owns them). Idempotent: the same values twice change nothing.",
    params: CaseIdParams,
    body: CaseDetailsUpdate,
    response: InternalCase,
    status: 200,
    idempotent: true,
  }),
  createCaseComment: endpoint({
    id: 'xc.createCaseComment',
    method: 'POST',
    path: '/api/v1/cases/:id/comments',
    summary:
      'Add a comment to an internal case (a partner comment copied from Trading Grid). Stores origin and correlationRef on the comment.',
    params: CaseIdParams,
    body: NewInternalComment,
    response: InternalComment,
    status: 201,
    idempotent: true,
  }),
  findCaseComments: endpoint({
    id: 'xc.findCaseComments',
    method: 'GET',
    path: '/api/v1/case-comments',
    summary: 'Internal-case comments carrying a correlation reference (empty list when none).',
    query: LookupByRef,
    response: z.object({ items: z.array(InternalComment).max(MAX_PAGE_ITEMS) }),
    status: 200,
    idempotent: false,
  }),
  addCaseStep: endpoint({
    id: 'xc.addCaseStep',
    method: 'POST',
    path: '/api/v1/cases/:id/steps',
    summary:
      'Move an internal case to a status (used when Trading Grid owns the case status). Stores origin and correlationRef on the step.',
    params: CaseIdParams,
    body: NewCaseStep,
    response: ResolutionStep,
    status: 201,
    idempotent: true,
  }),
  findCaseSteps: endpoint({
    id: 'xc.findCaseSteps',
    method: 'GET',
    path: '/api/v1/case-steps',
    summary: 'Internal-case steps carrying a correlation reference (empty list when none).',
    query: LookupByRef,
    response: z.object({ items: z.array(ResolutionStep).max(MAX_PAGE_ITEMS) }),
    status: 200,
    idempotent: false,
  }),
  routeMessage: endpoint({
    id: 'xc.routeMessage',
    method: 'POST',
    path: '/api/v1/routes/:route/messages',
    summary:
      'Hand a partner message to an internal system through the inbound route (erp, order-management or customer-service). Stores correlationRef on the message.',
    params: RouteParams,
    body: NewRouteMessage,
    response: RouteMessage,
    status: 201,
    idempotent: true,
  }),
  findRouteMessages: endpoint({
    id: 'xc.findRouteMessages',
    method: 'GET',
    path: '/api/v1/route-messages',
    summary: 'Routed messages carrying a correlation reference (empty list when none).',
    query: LookupByRef,
    response: z.object({ items: z.array(RouteMessage).max(MAX_PAGE_ITEMS) }),
    status: 200,
    idempotent: false,
  }),
  uploadCaseFile: endpoint({
    id: 'xc.uploadCaseFile',
    method: 'POST',
    path: '/api/v1/cases/:id/files',
    summary: `Attach a file a partner sent in Trading Grid to an internal case. ${PARTNER_FILE_BODY}`,
    params: CaseIdParams,
    query: NewPartnerFile,
    bodyKind: 'binary',
    response: PartnerFile,
    status: 201,
    idempotent: true,
  }),
  uploadRouteMessageFile: endpoint({
    id: 'xc.uploadRouteMessageFile',
    method: 'POST',
    path: '/api/v1/route-messages/:id/files',
    summary: `Attach a file a partner sent in Trading Grid to a message handed to an internal route. ${PARTNER_FILE_BODY}`,
    params: RouteMessageParams,
    query: NewPartnerFile,
    bodyKind: 'binary',
    response: PartnerFile,
    status: 201,
    idempotent: true,
  }),
  findPartnerFiles: endpoint({
    id: 'xc.findPartnerFiles',
    method: 'GET',
    path: '/api/v1/partner-files',
    summary:
      'Partner files (on cases or routed messages) carrying a correlation reference (empty list when none).',
    query: LookupByRef,
    response: z.object({ items: z.array(PartnerFile).max(MAX_PAGE_ITEMS) }),
    status: 200,
    idempotent: false,
  }),
} as const;
