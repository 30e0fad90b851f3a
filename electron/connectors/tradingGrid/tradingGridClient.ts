// The Trading Grid adapter: the communities feed, creating issues and alerts (with an Idempotency-Key and
// our correlation reference), and finding what we may already have created by that reference.
import type { z } from 'zod';
import { IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { tradingGridContract } from '../../../shared/contracts/tradingGrid.ts';
import type { EngineSettings } from '../../../shared/config/engineSettings.ts';
import type { FeedPage } from '../../../shared/domain/feed.ts';
import type { Alert, Issue, NewAlert, NewIssue } from '../../../shared/domain/issue.ts';
import type { IssueUpdate, NewIssueUpdate } from '../../../shared/domain/issueUpdate.ts';
import { createHttpClient } from '../../http/httpClient.ts';
import type { AuthProvider, HttpClientStats, Logger } from '../../http/httpClient.ts';
import type { HttpError } from '../../http/httpError.ts';
import { err, ok } from '../../http/result.ts';
import type { Result } from '../../http/result.ts';
import type { Clock, Sleep } from '../../http/time.ts';
import type { CredentialSource } from '../credentialSource.ts';
import { checkIdempotencyKey } from '../requestOptions.ts';
import type { RequestOptions } from '../requestOptions.ts';
import { createOAuthTokenProvider } from './oauthTokenProvider.ts';
import { createDirectoryCalls, type DirectoryCalls } from './directoryCalls.ts';
import { createTradingGridCaseCalls } from './caseCalls.ts';
import type { TradingGridCasePort } from '../../caseSync/casePorts.ts';
import type { OAuthTokenState } from './oauthTokenProvider.ts';

export interface TradingGridClientOptions {
  settings: EngineSettings['tradingGrid'];
  credentials: CredentialSource;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  sleep?: Sleep;
  scope?: string;
}

export interface TradingGridClient {
  communitiesFeed(
    since?: string,
    limit?: number,
    options?: RequestOptions,
  ): Promise<Result<FeedPage, HttpError>>;
  createIssue(
    communityId: string,
    issue: z.input<typeof NewIssue>,
    idempotencyKey: string,
    options?: RequestOptions,
  ): Promise<Result<Issue, HttpError>>;
  /** Issues carrying exactly this correlation reference (empty when none). */
  findIssuesByRef(correlationRef: string, options?: RequestOptions): Promise<Result<Issue[], HttpError>>;
  createAlert(
    communityId: string,
    alert: z.input<typeof NewAlert>,
    idempotencyKey: string,
    options?: RequestOptions,
  ): Promise<Result<Alert, HttpError>>;
  /** Alerts carrying exactly this correlation reference (empty when none). */
  findAlertsByRef(correlationRef: string, options?: RequestOptions): Promise<Result<Alert[], HttpError>>;
  /** Changes an issue's priority and/or support tier with a comment; stores our correlation reference. */
  updateIssue(
    issueId: string,
    update: z.input<typeof NewIssueUpdate>,
    idempotencyKey: string,
    options?: RequestOptions,
  ): Promise<Result<IssueUpdate, HttpError>>;
  /** Issue updates carrying exactly this correlation reference (empty when none). */
  findIssueUpdatesByRef(
    correlationRef: string,
    options?: RequestOptions,
  ): Promise<Result<IssueUpdate[], HttpError>>;
  /** The reference-data directory (flow 6). */
  directory: DirectoryCalls;
  /** The issue change feed, comments and status updates (flows 4, 5, 7). */
  cases: TradingGridCasePort;
  /** Obtains a token and reads one community ("test connection" in Settings). */
  testConnection(options?: RequestOptions): Promise<Result<void, HttpError>>;
  tokenState(): OAuthTokenState;
  stats(): HttpClientStats;
  /** Drops the cached token: the next request fetches one with the secret now in the keychain. */
  forgetCredentials(): void;
  close(): Promise<void>;
}

const DEFAULT_LIMIT = 200;

export function createTradingGridClient(options: TradingGridClientOptions): TradingGridClient {
  const { settings } = options;
  const endpoints = tradingGridContract.endpoints;

  // The token call goes through the same client (same pool, same rate limit) without auth; the auth
  // provider below refers to `tokens`, which exists before any request is made.
  const auth: AuthProvider = {
    headers: () => tokens.headers(),
    invalidate: (rejected) => tokens.invalidate(rejected),
  };
  const http = createHttpClient({
    baseUrl: settings.baseUrl,
    policy: settings.http,
    systemName: 'Trading Grid',
    auth,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const tokens = createOAuthTokenProvider({
    http,
    clientId: settings.clientId,
    clientSecretName: settings.clientSecretSecret,
    credentials: options.credentials,
    ...(options.scope !== undefined ? { scope: options.scope } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });

  const signalOf = (opts: RequestOptions): { signal?: AbortSignal } =>
    opts.signal ? { signal: opts.signal } : {};

  const communitiesFeed = (since: string | undefined, limit: number, opts: RequestOptions) =>
    http.call(endpoints.communitiesFeed, {
      query: { ...(since !== undefined ? { since } : {}), limit },
      ...signalOf(opts),
    });

  return {
    communitiesFeed: (since, limit = DEFAULT_LIMIT, opts = {}) => communitiesFeed(since, limit, opts),

    async createIssue(communityId, issue, idempotencyKey, opts = {}) {
      const refused = checkIdempotencyKey(idempotencyKey, endpoints.createIssue.id, 'Trading Grid');
      if (refused) return err(refused);
      return http.call(endpoints.createIssue, {
        params: { communityId },
        body: issue,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        ...signalOf(opts),
      });
    },

    async findIssuesByRef(correlationRef, opts = {}) {
      const r = await http.call(endpoints.findIssues, { query: { correlationRef }, ...signalOf(opts) });
      // Keep only exact matches: a server that ignored the filter must not make us believe we created it.
      return r.ok ? ok(r.value.items.filter((i) => i.correlationRef === correlationRef)) : r;
    },

    async createAlert(communityId, alert, idempotencyKey, opts = {}) {
      const refused = checkIdempotencyKey(idempotencyKey, endpoints.createAlert.id, 'Trading Grid');
      if (refused) return err(refused);
      return http.call(endpoints.createAlert, {
        params: { communityId },
        body: alert,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        ...signalOf(opts),
      });
    },

    async findAlertsByRef(correlationRef, opts = {}) {
      const r = await http.call(endpoints.findAlerts, { query: { correlationRef }, ...signalOf(opts) });
      return r.ok ? ok(r.value.items.filter((a) => a.correlationRef === correlationRef)) : r;
    },

    async updateIssue(issueId, update, idempotencyKey, opts = {}) {
      const refused = checkIdempotencyKey(idempotencyKey, endpoints.updateIssue.id, 'Trading Grid');
      if (refused) return err(refused);
      return http.call(endpoints.updateIssue, {
        params: { issueId },
        body: update,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        ...signalOf(opts),
      });
    },

    async findIssueUpdatesByRef(correlationRef, opts = {}) {
      const r = await http.call(endpoints.findIssueUpdates, { query: { correlationRef }, ...signalOf(opts) });
      return r.ok ? ok(r.value.items.filter((u) => u.correlationRef === correlationRef)) : r;
    },

    directory: createDirectoryCalls(http),
    cases: createTradingGridCaseCalls(http),

    async testConnection(opts = {}) {
      const r = await communitiesFeed(undefined, 1, opts);
      return r.ok ? ok(undefined) : r;
    },

    tokenState: () => tokens.state(),
    stats: () => http.stats(),
    forgetCredentials: () => tokens.invalidate(),
    close: () => http.close(),
  };
}
