// xConnector's case-management and inbound-route endpoints, served from CaseState, plus the admin
// endpoints that generate case activity and switch idempotency-key honouring.
import { z } from 'zod';
import { endpoint } from '../../../shared/contracts/endpoint.ts';
import { xConnectorCaseEndpoints as e } from '../../../shared/contracts/xconnectorCases.ts';
import { HttpError, route, type Route } from '../router.ts';
import { feedReply, idempotencyKeyOf, replayHeaders } from '../requestParts.ts';
import type { CaseState } from './caseState.ts';

const Count = z.number().int().min(0).max(100_000).optional();
export const CaseActivityRequest = z
  .object({
    newCases: Count,
    caseSteps: Count,
    caseComments: Count,
    unmappedSteps: Count,
    caseAttachments: Count,
  })
  .strict();
export const CaseSettingsRequest = z.object({ honourIdempotencyKeys: z.boolean().optional() }).strict();

const admin = {
  activity: endpoint({
    id: 'sim.caseActivity',
    method: 'POST',
    path: '/_sim/cases/activity',
    summary: 'Generate internal-case activity now: new cases, steps, comments, documents, unmapped steps.',
    body: CaseActivityRequest,
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
  settings: endpoint({
    id: 'sim.caseSettings',
    method: 'PUT',
    path: '/_sim/cases/settings',
    summary: 'Whether comment, step and route-message creates honour Idempotency-Key.',
    body: CaseSettingsRequest,
    response: z.unknown(),
    status: 200,
    idempotent: true,
  }),
};

function notFound(id: string): never {
  throw new HttpError(404, 'Case not found', `no internal case with id ${id}`);
}

export function caseRoutes(cases: CaseState): Route[] {
  return [
    route(e.casesFeed, ({ query }) => feedReply(cases.cases, query.since, query.limit)),
    route(e.linkCase, ({ params, body }) => ({ body: cases.link(params.id, body) ?? notFound(params.id) })),
    route(e.createCaseComment, ({ params, body, req }) => {
      const out = cases.createComment(params.id, body, idempotencyKeyOf(req)) ?? notFound(params.id);
      return { body: out.object, headers: replayHeaders(out.replayed) };
    }),
    route(e.findCaseComments, ({ query }) => ({
      body: { items: cases.comments.find(query.correlationRef) },
    })),
    route(e.addCaseStep, ({ params, body, req }) => {
      const out = cases.addStep(params.id, body, idempotencyKeyOf(req)) ?? notFound(params.id);
      return { body: out.object, headers: replayHeaders(out.replayed) };
    }),
    route(e.findCaseSteps, ({ query }) => ({ body: { items: cases.steps.find(query.correlationRef) } })),
    route(e.routeMessage, ({ params, body, req }) => {
      const out = cases.routeMessage(params.route, body, idempotencyKeyOf(req));
      return { body: out.object, headers: replayHeaders(out.replayed) };
    }),
    route(e.findRouteMessages, ({ query }) => ({ body: { items: cases.routed.find(query.correlationRef) } })),
    route(admin.activity, ({ body }) => ({ body: cases.generateActivity(body) }), { admin: true }),
    route(
      admin.settings,
      ({ body }) => {
        if (body.honourIdempotencyKeys !== undefined)
          cases.honourIdempotencyKeys = body.honourIdempotencyKeys;
        return { body: { honourIdempotencyKeys: cases.honourIdempotencyKeys } };
      },
      { admin: true },
    ),
  ];
}
