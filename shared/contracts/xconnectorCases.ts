// xConnector's case-management and inbound-route endpoints (flows 4, 5 and 7), spread into
// xConnectorContract. Every create stores our correlation reference and has a lookup by it.
import { z } from 'zod';
import { FeedPage, FeedQuery, LookupByRef } from '../domain/feed.ts';
import { IssueLink } from '../domain/exception.ts';
import {
  InternalCase,
  InternalComment,
  NewCaseStep,
  NewInternalComment,
  ResolutionStep,
} from '../domain/internalCase.ts';
import { Id } from '../domain/primitives.ts';
import { InternalRoute, NewRouteMessage, RouteMessage } from '../domain/routeMessage.ts';
import { endpoint } from './endpoint.ts';

const CaseIdParams = z.object({ id: Id });
const RouteParams = z.object({ route: InternalRoute });

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
    response: z.object({ items: z.array(InternalComment) }),
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
    response: z.object({ items: z.array(ResolutionStep) }),
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
    response: z.object({ items: z.array(RouteMessage) }),
    status: 200,
    idempotent: false,
  }),
} as const;
