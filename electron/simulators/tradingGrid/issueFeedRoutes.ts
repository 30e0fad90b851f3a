// Trading Grid's issue change feed, comments and status updates, served from IssueFeedState, plus the
// admin endpoint that makes partners write, change statuses and open issues.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER, endpoint } from '../../../shared/contracts/endpoint.ts';
import { tradingGridCaseEndpoints as e } from '../../../shared/contracts/tradingGridCases.ts';
import type { FeedPage } from '../../../shared/domain/feed.ts';
import { HttpError, route, type Reply, type Route } from '../router.ts';
import type { IssueFeedState } from './issueFeedState.ts';

const Count = z.number().int().min(0).max(100_000).optional();
export const PartnerActivityRequest = z
  .object({ partnerComments: Count, partnerStatusChanges: Count, partnerIssues: Count })
  .strict();

const admin = {
  activity: endpoint({
    id: 'sim.partnerActivity',
    method: 'POST',
    path: '/_sim/partner-activity',
    summary: 'Make partners comment, change issue statuses and open issues now.',
    body: PartnerActivityRequest,
    response: z.unknown(),
    status: 200,
    idempotent: false,
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
  throw new HttpError(404, 'Issue not found', `no issue with id ${id}`);
}

const replayed = (r: boolean): Record<string, string> => (r ? { 'idempotent-replayed': 'true' } : {});

export function issueFeedRoutes(issues: IssueFeedState): Route[] {
  const feed = (since: string | undefined, limit: number): Reply => {
    if (since !== undefined && since !== '' && !/^\d{1,15}$/.test(since))
      throw new HttpError(
        400,
        'Invalid cursor',
        `cursor ${JSON.stringify(since)} was not issued by this server`,
      );
    const slice = issues.feed.page(since ? Number(since) : 0, limit);
    const body: FeedPage = {
      items: slice.items,
      nextCursor: slice.lastSeq !== undefined ? String(slice.lastSeq) : since || '0',
      hasMore: slice.hasMore,
    };
    return { body };
  };
  return [
    route(e.issueChangesFeed, ({ query }) => feed(query.since, query.limit)),
    route(e.createComment, ({ params, body, req }) => {
      const out = issues.createComment(params.issueId, body, keyOf(req)) ?? notFound(params.issueId);
      return { body: out.object, headers: replayed(out.replayed) };
    }),
    route(e.findComments, ({ query }) => ({ body: { items: issues.comments.find(query.correlationRef) } })),
    route(e.postStatusUpdate, ({ params, body, req }) => {
      const out = issues.postStatusUpdate(params.issueId, body, keyOf(req)) ?? notFound(params.issueId);
      return { body: out.object, headers: replayed(out.replayed) };
    }),
    route(e.findStatusUpdates, ({ query }) => ({
      body: { items: issues.statusUpdates.find(query.correlationRef) },
    })),
    route(admin.activity, ({ body }) => ({ body: issues.generateActivity(body) }), { admin: true }),
  ];
}
