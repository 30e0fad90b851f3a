// xConnector's case-management and inbound-route endpoints, served from CaseState, plus the admin
// endpoints that generate case activity and switch idempotency-key honouring.
import { z } from 'zod';
import { IDEMPOTENCY_HEADER, endpoint } from '../../../shared/contracts/endpoint.ts';
import { xConnectorCaseEndpoints as e } from '../../../shared/contracts/xconnectorCases.ts';
import type { FeedPage } from '../../../shared/domain/feed.ts';
import { HttpError, route, type Reply, type Route } from '../router.ts';
import type { IncomingMessage } from 'node:http';
import type { CaseState } from './caseState.ts';

const Count = z.number().int().min(0).max(100_000).optional();
export const CaseActivityRequest = z
  .object({ newCases: Count, caseSteps: Count, caseComments: Count, unmappedSteps: Count })
  .strict();
export const CaseSettingsRequest = z.object({ honourIdempotencyKeys: z.boolean().optional() }).strict();

const admin = {
  activity: endpoint({
    id: 'sim.caseActivity',
    method: 'POST',
    path: '/_sim/cases/activity',
    summary: 'Generate internal-case activity now: new cases, steps, comments, unmapped steps.',
    body: CaseActivityRequest,
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
  settings: endpoint({
    id: 'sim.caseSettings',
    method: 'PUT',
    path: '/_sim/cases/settings',
    summary: 'Whether case, comment, step and route-message creates honour Idempotency-Key.',
    body: CaseSettingsRequest,
    response: z.unknown(),
    status: 200,
    idempotent: true,
  }),
};

const IdempotencyKey = z.string().min(1).max(255);

function keyOf(req: IncomingMessage): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(400, 'Invalid Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters');
  return parsed.data;
}

function notFound(id: string): never {
  throw new HttpError(404, 'Case not found', `no internal case with id ${id}`);
}

const replayed = (r: boolean): Record<string, string> => (r ? { 'idempotent-replayed': 'true' } : {});

export function caseRoutes(cases: CaseState): Route[] {
  const feed = (since: string | undefined, limit: number): Reply => {
    if (since !== undefined && since !== '' && !/^\d{1,15}$/.test(since))
      throw new HttpError(
        400,
        'Invalid cursor',
        `cursor ${JSON.stringify(since)} was not issued by this server`,
      );
    const slice = cases.cases.page(since ? Number(since) : 0, limit);
    const body: FeedPage = {
      items: slice.items,
      nextCursor: slice.lastSeq !== undefined ? String(slice.lastSeq) : since || '0',
      hasMore: slice.hasMore,
    };
    return { body };
  };
  return [
    route(e.casesFeed, ({ query }) => feed(query.since, query.limit)),
    route(e.linkCase, ({ params, body }) => ({ body: cases.link(params.id, body) ?? notFound(params.id) })),
    route(e.createCaseComment, ({ params, body, req }) => {
      const out = cases.createComment(params.id, body, keyOf(req)) ?? notFound(params.id);
      return { body: out.object, headers: replayed(out.replayed) };
    }),
    route(e.findCaseComments, ({ query }) => ({
      body: { items: cases.comments.find(query.correlationRef) },
    })),
    route(e.addCaseStep, ({ params, body, req }) => {
      const out = cases.addStep(params.id, body, keyOf(req)) ?? notFound(params.id);
      return { body: out.object, headers: replayed(out.replayed) };
    }),
    route(e.findCaseSteps, ({ query }) => ({ body: { items: cases.steps.find(query.correlationRef) } })),
    route(e.routeMessage, ({ params, body, req }) => {
      const out = cases.routeMessage(params.route, body, keyOf(req));
      return { body: out.object, headers: replayed(out.replayed) };
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
