// Trading Grid's issue change feed, comments and status updates, served from IssueFeedState, plus the
// bytes of the files partners attach to comments, and the admin endpoint that makes partners write,
// change statuses and open issues.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { endpoint } from '../../../shared/contracts/endpoint.ts';
import {
  CONTENT_SHA256_HEADER,
  tradingGridCaseEndpoints as e,
} from '../../../shared/contracts/tradingGridCases.ts';
import { byteRangeReply } from '../byteRangeReply.ts';
import { HttpError, route, type Route } from '../router.ts';
import { feedReply, idempotencyKeyOf, replayHeaders } from '../requestParts.ts';
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

function notFound(id: string): never {
  throw new HttpError(404, 'Issue not found', `no issue with id ${id}`);
}

export function issueFeedRoutes(issues: IssueFeedState): Route[] {
  return [
    route(e.issueChangesFeed, ({ query }) => feedReply(issues.feed, query.since, query.limit)),
    route(e.createComment, ({ params, body, req }) => {
      const out =
        issues.createComment(params.issueId, body, idempotencyKeyOf(req)) ?? notFound(params.issueId);
      return { body: out.object, headers: replayHeaders(out.replayed) };
    }),
    route(e.findComments, ({ query }) => ({ body: { items: issues.comments.find(query.correlationRef) } })),
    route(e.postStatusUpdate, ({ params, body, req }) => {
      const out =
        issues.postStatusUpdate(params.issueId, body, idempotencyKeyOf(req)) ?? notFound(params.issueId);
      return { body: out.object, headers: replayHeaders(out.replayed) };
    }),
    route(e.findStatusUpdates, ({ query }) => ({
      body: { items: issues.statusUpdates.find(query.correlationRef) },
    })),
    route(e.commentAttachmentContent, ({ params, headers }) => {
      const content = issues.files.content(params.attachmentId);
      if (!content)
        throw new HttpError(404, 'Attachment not found', `no attachment with id ${params.attachmentId}`);
      const sha256 = createHash('sha256').update(content).digest('hex');
      return byteRangeReply(
        content,
        'application/octet-stream',
        headers.range,
        { [CONTENT_SHA256_HEADER]: sha256 },
        issues.files.sliceDelayMs,
      );
    }),
    route(admin.activity, ({ body }) => ({ body: issues.generateActivity(body) }), { admin: true }),
  ];
}
