// REST contract of OpenText Active Community - Trading Grid, as Partner Desk uses it.
// Auth: OAuth2 client credentials (`POST /oauth2/token`), bearer tokens that expire.
// Creates carry an Idempotency-Key, but the engine must not rely on it being honoured: every created
// object stores our correlation reference, and a retry first looks the object up by it.
import { z } from 'zod';
import { FeedPage, FeedQuery, LookupByRef, MAX_PAGE_ITEMS } from '../domain/feed.ts';
import { Alert, Issue, NewAlert, NewIssue } from '../domain/issue.ts';
import { IssueUpdate, NewIssueUpdate } from '../domain/issueUpdate.ts';
import { Attachment, AttachmentPolicy, NewUploadSession, UploadSession } from '../domain/document.ts';
import { endpoint } from './endpoint.ts';
import { tradingGridCaseEndpoints } from './tradingGridCases.ts';
import { tradingGridDirectoryEndpoints } from './referenceData.ts';

export const TokenRequest = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().min(1).max(256),
  client_secret: z.string().min(1).max(1024),
  scope: z.string().max(512).optional(),
});
export const TokenResponse = z.object({
  access_token: z.string().min(1).max(4096),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

const CommunityParams = z.object({ communityId: z.string().min(1).max(128) });
const IssueList = z.object({ items: z.array(Issue).max(MAX_PAGE_ITEMS) });
const AlertList = z.object({ items: z.array(Alert).max(MAX_PAGE_ITEMS) });
const IssueUpdateList = z.object({ items: z.array(IssueUpdate).max(MAX_PAGE_ITEMS) });
const IssueParams = z.object({ issueId: z.string().min(1).max(128) });
const SessionParams = z.object({ sessionId: z.string().min(1).max(128) });
const UploadSessionList = z.object({ items: z.array(UploadSession).max(MAX_PAGE_ITEMS) });
const AttachmentList = z.object({ items: z.array(Attachment).max(MAX_PAGE_ITEMS) });

export const tradingGridContract = {
  title: 'OpenText Active Community - Trading Grid (Partner Desk subset)',
  auth: 'oauth2-client-credentials' as const,
  tokenPath: '/oauth2/token',
  endpoints: {
    ...tradingGridDirectoryEndpoints,
    token: endpoint({
      id: 'tg.token',
      method: 'POST',
      path: '/oauth2/token',
      summary: 'OAuth2 client-credentials grant (form-encoded body).',
      body: TokenRequest,
      response: TokenResponse,
      status: 200,
      idempotent: false,
    }),
    communitiesFeed: endpoint({
      id: 'tg.communitiesFeed',
      method: 'GET',
      path: '/api/v1/communities',
      summary: 'Partner communities created or changed since the cursor (items are Community).',
      query: FeedQuery,
      response: FeedPage,
      status: 200,
      idempotent: false,
    }),
    createIssue: endpoint({
      id: 'tg.createIssue',
      method: 'POST',
      path: '/api/v1/communities/:communityId/issues',
      summary: 'Open an issue in a partner community. Stores correlationRef on the issue.',
      params: CommunityParams,
      body: NewIssue,
      response: Issue,
      status: 201,
      idempotent: true,
    }),
    findIssues: endpoint({
      id: 'tg.findIssues',
      method: 'GET',
      path: '/api/v1/issues',
      summary: 'Issues carrying a correlation reference (empty list when none).',
      query: LookupByRef,
      response: IssueList,
      status: 200,
      idempotent: false,
    }),
    createAlert: endpoint({
      id: 'tg.createAlert',
      method: 'POST',
      path: '/api/v1/communities/:communityId/alerts',
      summary: 'Raise a partner alert in a community. Stores correlationRef on the alert.',
      params: CommunityParams,
      body: NewAlert,
      response: Alert,
      status: 201,
      idempotent: true,
    }),
    findAlerts: endpoint({
      id: 'tg.findAlerts',
      method: 'GET',
      path: '/api/v1/alerts',
      summary: 'Alerts carrying a correlation reference (empty list when none).',
      query: LookupByRef,
      response: AlertList,
      status: 200,
      idempotent: false,
    }),
    updateIssue: endpoint({
      id: 'tg.updateIssue',
      method: 'POST',
      path: '/api/v1/issues/:issueId/updates',
      summary:
        "Change an issue's priority and/or support tier, with a comment shown in its history. Stores correlationRef on the update.",
      params: IssueParams,
      body: NewIssueUpdate,
      response: IssueUpdate,
      status: 201,
      idempotent: true,
    }),
    findIssueUpdates: endpoint({
      id: 'tg.findIssueUpdates',
      method: 'GET',
      path: '/api/v1/issue-updates',
      summary: 'Issue updates carrying a correlation reference (empty list when none).',
      query: LookupByRef,
      response: IssueUpdateList,
      status: 200,
      idempotent: false,
    }),
    // Attachments (flow 2) go up in resumable sessions: create a session with the size and SHA-256,
    // PUT the bytes in chunks with Content-Range, ask the session for its offset after a break, complete.
    attachmentPolicy: endpoint({
      id: 'tg.attachmentPolicy',
      method: 'GET',
      path: '/api/v1/attachment-policy',
      summary: 'The largest attachment and the content types Trading Grid accepts.',
      response: AttachmentPolicy,
      status: 200,
      idempotent: false,
    }),
    createUploadSession: endpoint({
      id: 'tg.createUploadSession',
      method: 'POST',
      path: '/api/v1/issues/:issueId/upload-sessions',
      summary:
        'Open a resumable upload of one attachment to an issue (413 when too large, 415 when the type is not accepted). Stores correlationRef on the session.',
      params: IssueParams,
      body: NewUploadSession,
      response: UploadSession,
      status: 201,
      idempotent: true,
    }),
    findUploadSessions: endpoint({
      id: 'tg.findUploadSessions',
      method: 'GET',
      path: '/api/v1/upload-sessions',
      summary: 'Upload sessions carrying a correlation reference (empty list when none).',
      query: LookupByRef,
      response: UploadSessionList,
      status: 200,
      idempotent: false,
    }),
    getUploadSession: endpoint({
      id: 'tg.getUploadSession',
      method: 'GET',
      path: '/api/v1/upload-sessions/:sessionId',
      summary: 'One upload session: receivedBytes is the offset to continue from (404 once expired).',
      params: SessionParams,
      response: UploadSession,
      status: 200,
      idempotent: false,
    }),
    uploadChunk: endpoint({
      id: 'tg.uploadChunk',
      method: 'PUT',
      path: '/api/v1/upload-sessions/:sessionId/content',
      summary:
        'Bytes of the attachment from the offset named by Content-Range (bytes start-end/total). Bytes received before a broken connection are kept; a chunk starting past receivedBytes gets 409.',
      params: SessionParams,
      bodyKind: 'binary',
      response: UploadSession,
      status: 200,
      idempotent: false,
    }),
    completeUploadSession: endpoint({
      id: 'tg.completeUploadSession',
      method: 'POST',
      path: '/api/v1/upload-sessions/:sessionId/complete',
      summary:
        'Attach the uploaded bytes to the issue once all arrived and their SHA-256 matches (422 otherwise). Completing a completed session returns its attachment.',
      params: SessionParams,
      response: Attachment,
      status: 201,
      idempotent: true,
    }),
    findAttachments: endpoint({
      id: 'tg.findAttachments',
      method: 'GET',
      path: '/api/v1/attachments',
      summary: 'Attachments carrying a correlation reference (empty list when none).',
      query: LookupByRef,
      response: AttachmentList,
      status: 200,
      idempotent: false,
    }),
    ...tradingGridCaseEndpoints,
  },
} as const;

export type TradingGridEndpoints = typeof tradingGridContract.endpoints;
