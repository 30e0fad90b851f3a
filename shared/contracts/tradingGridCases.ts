// Trading Grid's issue change feed, comments and status updates (flows 4, 5 and 7), spread into
// tradingGridContract. Every create stores our origin marker and correlation reference and has a lookup.
import { z } from 'zod';
import { Comment, NewComment } from '../domain/comment.ts';
import { FeedPage, FeedQuery, LookupByRef, MAX_PAGE_ITEMS } from '../domain/feed.ts';
import { Id } from '../domain/primitives.ts';
import { NewStatusUpdate, StatusUpdate } from '../domain/statusUpdate.ts';
import { endpoint } from './endpoint.ts';

const IssueIdParams = z.object({ issueId: Id });
const AttachmentIdParams = z.object({ attachmentId: Id });

/** The header carrying the SHA-256 (hex) of a whole attachment, on every answer to its content. */
export const CONTENT_SHA256_HEADER = 'x-content-sha256';

export const tradingGridCaseEndpoints = {
  issueChangesFeed: endpoint({
    id: 'tg.issueChangesFeed',
    method: 'GET',
    path: '/api/v1/issue-changes',
    summary:
      'Issues opened or changed since the cursor (a new comment or status update changes its issue), with their comments and status updates (items are IssueSnapshot).',
    query: FeedQuery,
    response: FeedPage,
    status: 200,
    idempotent: false,
  }),
  createComment: endpoint({
    id: 'tg.createComment',
    method: 'POST',
    path: '/api/v1/issues/:issueId/comments',
    summary: 'Add a comment to an issue. Stores origin and correlationRef on the comment.',
    params: IssueIdParams,
    body: NewComment,
    response: Comment,
    status: 201,
    idempotent: true,
  }),
  findComments: endpoint({
    id: 'tg.findComments',
    method: 'GET',
    path: '/api/v1/comments',
    summary: 'Comments carrying a correlation reference (empty list when none).',
    query: LookupByRef,
    response: z.object({ items: z.array(Comment).max(MAX_PAGE_ITEMS) }),
    status: 200,
    idempotent: false,
  }),
  postStatusUpdate: endpoint({
    id: 'tg.postStatusUpdate',
    method: 'POST',
    path: '/api/v1/issues/:issueId/status-updates',
    summary:
      "Change an issue's partner-facing status, with a message (and the resolution when it resolves it). Stores origin and correlationRef on the update.",
    params: IssueIdParams,
    body: NewStatusUpdate,
    response: StatusUpdate,
    status: 201,
    idempotent: true,
  }),
  findStatusUpdates: endpoint({
    id: 'tg.findStatusUpdates',
    method: 'GET',
    path: '/api/v1/status-updates',
    summary: 'Status updates carrying a correlation reference (empty list when none).',
    query: LookupByRef,
    response: z.object({ items: z.array(StatusUpdate).max(MAX_PAGE_ITEMS) }),
    status: 200,
    idempotent: false,
  }),
  commentAttachmentContent: endpoint({
    id: 'tg.commentAttachmentContent',
    method: 'GET',
    path: '/api/v1/comment-attachments/:attachmentId/content',
    summary:
      "The bytes of a file a partner attached to a comment, streamed, with Content-Length and X-Content-SHA256 (the whole file's SHA-256, also in the attachment's metadata). A Range: bytes=<from>- header asks for the rest from an offset (206 with Content-Range); 200 with the whole content is also fine.",
    params: AttachmentIdParams,
    response: z.unknown(),
    responseKind: 'binary',
    status: 200,
    idempotent: false,
  }),
} as const;
