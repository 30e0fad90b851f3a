// REST contract of OpenText Active Community - Trading Grid, as Partner Desk uses it.
// Auth: OAuth2 client credentials (`POST /oauth2/token`), bearer tokens that expire.
// Creates carry an Idempotency-Key, but the engine must not rely on it being honoured: every created
// object stores our correlation reference, and a retry first looks the object up by it.
import { z } from 'zod';
import { FeedPage, FeedQuery, LookupByRef } from '../domain/feed.ts';
import { Alert, Issue, NewAlert, NewIssue } from '../domain/issue.ts';
import { endpoint } from './endpoint.ts';

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
const IssueList = z.object({ items: z.array(Issue) });
const AlertList = z.object({ items: z.array(Alert) });

export const tradingGridContract = {
  title: 'OpenText Active Community - Trading Grid (Partner Desk subset)',
  auth: 'oauth2-client-credentials' as const,
  tokenPath: '/oauth2/token',
  endpoints: {
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
  },
} as const;

export type TradingGridEndpoints = typeof tradingGridContract.endpoints;
