// The xConnector adapter: cursor feeds of partners, exceptions and transactions, and writing the Trading
// Grid link back onto an exception. Feed items stay `unknown`: each is parsed on its own by itemParsing.
import { IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { xConnectorContract } from '../../../shared/contracts/xconnector.ts';
import type { EngineSettings } from '../../../shared/config/engineSettings.ts';
import type { IssueLink, PartnerException } from '../../../shared/domain/exception.ts';
import type { FeedPage } from '../../../shared/domain/feed.ts';
import type { NewWorkflowRun, WorkflowRun } from '../../../shared/domain/workflowRun.ts';
import { createHttpClient } from '../../http/httpClient.ts';
import type { HttpClientStats, Logger } from '../../http/httpClient.ts';
import type { HttpError } from '../../http/httpError.ts';
import { err, ok } from '../../http/result.ts';
import type { Result } from '../../http/result.ts';
import type { Clock, Sleep } from '../../http/time.ts';
import type { CredentialSource } from '../credentialSource.ts';
import { checkIdempotencyKey } from '../requestOptions.ts';
import { createXConnectorCaseCalls } from './caseCalls.ts';
import type { XConnectorCasePort } from '../../caseSync/casePorts.ts';
import type { RequestOptions } from '../requestOptions.ts';
import { createApiKeyAuth } from './apiKeyAuth.ts';

export interface XConnectorClientOptions {
  settings: EngineSettings['xconnector'];
  credentials: CredentialSource;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  sleep?: Sleep;
}

export interface XConnectorClient {
  partnersFeed(
    since?: string,
    limit?: number,
    options?: RequestOptions,
  ): Promise<Result<FeedPage, HttpError>>;
  exceptionsFeed(
    since?: string,
    limit?: number,
    options?: RequestOptions,
  ): Promise<Result<FeedPage, HttpError>>;
  transactionsFeed(
    since?: string,
    limit?: number,
    options?: RequestOptions,
  ): Promise<Result<FeedPage, HttpError>>;
  /** Stores the Trading Grid issue on the exception (PUT: setting the same link twice is a no-op). */
  linkException(
    exceptionId: string,
    link: IssueLink,
    idempotencyKey: string,
    options?: RequestOptions,
  ): Promise<Result<PartnerException, HttpError>>;
  /** Starts a run of an internal workflow; the run stores our correlation reference. */
  triggerWorkflow(
    workflowId: string,
    run: NewWorkflowRun,
    idempotencyKey: string,
    options?: RequestOptions,
  ): Promise<Result<WorkflowRun, HttpError>>;
  /** Workflow runs carrying exactly this correlation reference (empty when none). */
  findWorkflowRunsByRef(
    correlationRef: string,
    options?: RequestOptions,
  ): Promise<Result<WorkflowRun[], HttpError>>;
  /** Reference data (partner IDs, ship-to locations, items, contacts) changed since the cursor. */
  referenceDataFeed(
    since?: string,
    limit?: number,
    options?: RequestOptions,
  ): Promise<Result<FeedPage, HttpError>>;
  /** Internal cases and the inbound route (flows 4, 5, 7). */
  cases: XConnectorCasePort;
  /** Reads one partner to prove the URL and API key work ("test connection" in Settings). */
  testConnection(options?: RequestOptions): Promise<Result<void, HttpError>>;
  stats(): HttpClientStats;
  /** Drops the cached API key: the next request reads the keychain again (after the key was replaced). */
  forgetCredentials(): void;
  close(): Promise<void>;
}

const DEFAULT_LIMIT = 200;

export function createXConnectorClient(options: XConnectorClientOptions): XConnectorClient {
  const { settings } = options;
  const endpoints = xConnectorContract.endpoints;
  const apiKeyAuth = createApiKeyAuth({
    credentials: options.credentials,
    secretName: settings.apiKeySecret,
  });
  const http = createHttpClient({
    baseUrl: settings.baseUrl,
    policy: settings.http,
    systemName: 'xConnector',
    auth: apiKeyAuth,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });

  const feed = (
    endpoint:
      typeof endpoints.partnersFeed | typeof endpoints.exceptionsFeed | typeof endpoints.transactionsFeed,
    since: string | undefined,
    limit: number,
    opts: RequestOptions,
  ): Promise<Result<FeedPage, HttpError>> =>
    http.call(endpoint, {
      query: { ...(since !== undefined ? { since } : {}), limit },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });

  return {
    partnersFeed: (since, limit = DEFAULT_LIMIT, opts = {}) =>
      feed(endpoints.partnersFeed, since, limit, opts),
    exceptionsFeed: (since, limit = DEFAULT_LIMIT, opts = {}) =>
      feed(endpoints.exceptionsFeed, since, limit, opts),
    transactionsFeed: (since, limit = DEFAULT_LIMIT, opts = {}) =>
      feed(endpoints.transactionsFeed, since, limit, opts),
    async linkException(exceptionId, link, idempotencyKey, opts = {}) {
      const refused = checkIdempotencyKey(idempotencyKey, endpoints.linkException.id, 'xConnector');
      if (refused) return err(refused);
      return http.call(endpoints.linkException, {
        params: { id: exceptionId },
        body: link,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    },
    async triggerWorkflow(workflowId, run, idempotencyKey, opts = {}) {
      const refused = checkIdempotencyKey(idempotencyKey, endpoints.triggerWorkflow.id, 'xConnector');
      if (refused) return err(refused);
      return http.call(endpoints.triggerWorkflow, {
        params: { workflowId },
        body: run,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    },
    async findWorkflowRunsByRef(correlationRef, opts = {}) {
      const r = await http.call(endpoints.findWorkflowRuns, {
        query: { correlationRef },
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      // Keep only exact matches: a server that ignored the filter must not make us believe we started it.
      return r.ok ? ok(r.value.items.filter((w) => w.correlationRef === correlationRef)) : r;
    },
    referenceDataFeed: (since, limit = DEFAULT_LIMIT, opts = {}) =>
      http.call(endpoints.referenceDataFeed, {
        query: { ...(since !== undefined ? { since } : {}), limit },
        ...(opts.signal ? { signal: opts.signal } : {}),
      }),
    cases: createXConnectorCaseCalls(http),
    async testConnection(opts = {}) {
      const r = await feed(endpoints.partnersFeed, undefined, 1, opts);
      return r.ok ? ok(undefined) : r;
    },
    stats: () => http.stats(),
    forgetCredentials: () => apiKeyAuth.invalidate(),
    close: () => http.close(),
  };
}
