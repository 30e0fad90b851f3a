// A real HTTP server that behaves like Trading Grid as the contract declares it: OAuth2 client
// credentials with expiring bearer tokens, the communities feed, creating issues and alerts (storing
// correlationRef, honouring Idempotency-Key or not, as set) and finding them by correlationRef.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { endpoint } from '../../../shared/contracts/endpoint.ts';
import { tradingGridContract } from '../../../shared/contracts/tradingGrid.ts';
import type { Alert, Issue } from '../../../shared/domain/issue.ts';
import type { Community, Partner } from '../../../shared/domain/partner.ts';
import type { FaultConfig, FaultInjector } from '../faults.ts';
import { Rng } from '../rng.ts';
import { HttpError, problem, route, Router, type Reply } from '../router.ts';
import { feedReply, idempotencyKeyOf, replayHeaders } from '../requestParts.ts';
import type { Scenario } from '../scenario.ts';
import {
  commonAdminRoutes,
  contractFaults,
  secretEquals,
  SimulatorServer,
  type ListenOptions,
  type TrafficStats,
} from '../server.ts';
import { WorldFactory } from '../worldFactory.ts';
import { TokenStore, TradingGridState } from './tradingGridState.ts';
import { DirectoryState } from './directoryState.ts';
import { directoryRoutes } from './directoryRoutes.ts';
import { AttachmentState } from './attachmentState.ts';
import { attachmentRoutes } from './attachmentRoutes.ts';
import { IssueUpdates, issueUpdateRoutes } from './issueUpdateRoutes.ts';
import { IssueFeedState, type IssueFeedOptions } from './issueFeedState.ts';
import { issueFeedRoutes } from './issueFeedRoutes.ts';
import { rawFeedRoutes } from '../rawFeedRoutes.ts';

export interface TradingGridSimulatorOptions extends ListenOptions {
  /** OAuth2 client credentials; random (node:crypto) when not given. */
  clientId?: string;
  clientSecret?: string;
  /** Access token lifetime (default 3600). */
  tokenTtlSeconds?: number;
  /** When false, a repeated Idempotency-Key creates another object (default true). */
  honourIdempotencyKeys?: boolean;
  seed?: number;
  /** Clock for timestamps and token expiry; defaults to Date.now. */
  clock?: () => number;
  faults?: FaultConfig;
  maxBodyBytes?: number;
  validateResponses?: boolean;
  /** The issue change feed's seeded partner activity (flows 5, 7). */
  issueFeed?: IssueFeedOptions;
}

export const TradingGridSettings = z
  .object({
    honourIdempotencyKeys: z.boolean().optional(),
    tokenTtlSeconds: z
      .number()
      .int()
      .min(1)
      .max(86_400 * 30)
      .optional(),
  })
  .strict();
export type TradingGridSettings = z.infer<typeof TradingGridSettings>;

export const TradingGridActivity = z
  .object({ communities: z.number().int().min(0).max(10_000).optional() })
  .strict();
export type TradingGridActivity = z.infer<typeof TradingGridActivity>;

const tgAdmin = {
  settings: endpoint({
    id: 'sim.settings',
    method: 'PUT',
    path: '/_sim/settings',
    summary: 'Change simulator settings at run time.',
    body: TradingGridSettings,
    response: z.unknown(),
    status: 200,
    idempotent: true,
  }),
  activity: endpoint({
    id: 'sim.activity',
    method: 'POST',
    path: '/_sim/activity',
    summary: 'Generate activity now: communities for partners xConnector does not know (yet).',
    body: TradingGridActivity,
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
  revokeTokens: endpoint({
    id: 'sim.revokeTokens',
    method: 'POST',
    path: '/_sim/tokens/revoke',
    summary: 'Forget every issued access token (clients get 401 invalid_token and must fetch a new one).',
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
};

const REALM = 'trading-grid';

export class TradingGridSimulator extends SimulatorServer {
  readonly state: TradingGridState;
  /** The reference-data directory xConnector's reference data is pushed into (flow 6). */
  readonly directory: DirectoryState;
  /** Attachments and their resumable upload sessions (flow 2). */
  readonly attachments: AttachmentState;
  /** Priority and support-tier changes with a comment (flow 8's escalations). */
  readonly issueUpdates = new IssueUpdates();
  /** Comments, status updates and the issue change feed (flows 4, 5, 7). */
  readonly issueFeed: IssueFeedState;
  readonly tokens: TokenStore;
  readonly faults: FaultInjector;
  readonly router: Router;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private tokenTtlSeconds: number;
  private authFailures = 0;
  private clientAuthFailures = 0;
  private readonly factory: WorldFactory;
  private readonly clock: () => number;

  constructor(scenario: Scenario, options: TradingGridSimulatorOptions = {}) {
    super();
    const root = new Rng(options.seed ?? scenario.options.seed).fork('trading-grid');
    const clock = options.clock ?? Date.now;
    this.clock = clock;
    this.clientId = options.clientId ?? `pd-${randomBytes(6).toString('hex')}`;
    this.clientSecret = options.clientSecret ?? randomBytes(32).toString('base64url');
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
    this.state = new TradingGridState(scenario, root.fork('state'), clock);
    this.attachments = new AttachmentState(root.fork('attachments'), clock);
    this.state.honourIdempotencyKeys = options.honourIdempotencyKeys ?? true;
    this.directory = new DirectoryState(
      root.fork('directory'),
      clock,
      () => this.state.honourIdempotencyKeys,
    );
    this.issueFeed = new IssueFeedState(this.state, root.fork('issue-feed'), clock, options.issueFeed);
    this.tokens = new TokenStore(clock);
    this.factory = new WorldFactory(
      root.fork('activity'),
      {},
      {
        names: scenario.partners.map((p) => p.name),
        codes: scenario.partners.map((p) => p.partnerCode),
      },
    );
    this.faults = contractFaults(root.fork('faults'), tradingGridContract.endpoints, options.faults);

    const e = tradingGridContract.endpoints;
    this.router = new Router({
      maxBodyBytes: options.maxBodyBytes,
      validateResponses: options.validateResponses ?? true,
      faults: this.faults,
      auth: (req, ep) => (ep.id === e.token.id ? undefined : this.authenticate(req)),
      routes: [
        route(e.token, ({ body }) => this.issueToken(body.client_id, body.client_secret), {
          preprocess: basicCredentials,
          invalid: (_where, _error, input) => {
            const grant = (input as { grant_type?: unknown } | undefined)?.grant_type;
            const unsupported = typeof grant === 'string' && grant !== 'client_credentials';
            return problem(
              400,
              'Invalid token request',
              unsupported
                ? `grant_type ${grant} is not supported`
                : 'grant_type, client_id and client_secret are required',
              {},
              {
                error: unsupported ? 'unsupported_grant_type' : 'invalid_request',
              },
            );
          },
        }),
        route(e.communitiesFeed, ({ query }) => feedReply(this.state, query.since, query.limit)),
        ...directoryRoutes(this.directory),
        route(e.createIssue, ({ params, body, req }) => {
          this.requireCommunity(params.communityId);
          const outcome = this.state.createIssue(params.communityId, body, idempotencyKeyOf(req));
          return { body: outcome.object, headers: replayHeaders(outcome.replayed) };
        }),
        route(e.findIssues, ({ query }) => ({
          body: { items: this.state.issues.find(query.correlationRef) },
        })),
        route(e.createAlert, ({ params, body, req }) => {
          this.requireCommunity(params.communityId);
          const outcome = this.state.createAlert(params.communityId, body, idempotencyKeyOf(req));
          return { body: outcome.object, headers: replayHeaders(outcome.replayed) };
        }),
        route(e.findAlerts, ({ query }) => ({
          body: { items: this.state.alerts.find(query.correlationRef) },
        })),
        ...attachmentRoutes({
          attachments: this.attachments,
          issueExists: (id) => this.state.issues.byId.has(id),
          honourIdempotencyKeys: () => this.state.honourIdempotencyKeys,
        }),
        ...issueFeedRoutes(this.issueFeed),
        ...rawFeedRoutes({ communities: this.state.communities, 'issue-changes': this.issueFeed.feed }),
        ...issueUpdateRoutes(this.issueUpdates, {
          details: (id) => this.state.issues.byId.get(id) ?? this.issueFeed.partnerIssueDetails(id),
          saveDetails: (id, details, updatedAt) => {
            const ours = this.state.issues.byId.get(id);
            if (ours) this.state.issues.byId.set(id, { ...ours, ...details, updatedAt });
            else this.issueFeed.savePartnerIssueDetails(id, details, updatedAt);
          },
          honourIdempotencyKeys: () => this.state.honourIdempotencyKeys,
          clock,
        }),
        ...commonAdminRoutes(
          this.faults,
          () => this.stats(),
          () => this.resetStats(),
        ),
        route(tgAdmin.settings, ({ body }) => ({ body: this.updateSettings(body) }), { admin: true }),
        route(tgAdmin.activity, ({ body }) => ({ body: this.generateActivity(body) }), { admin: true }),
        route(tgAdmin.revokeTokens, () => ({ body: { revoked: this.tokens.revokeAll() } }), { admin: true }),
      ],
    });
  }

  get credentials(): { clientId: string; clientSecret: string } {
    return { clientId: this.clientId, clientSecret: this.clientSecret };
  }

  settings(): Required<TradingGridSettings> {
    return { honourIdempotencyKeys: this.state.honourIdempotencyKeys, tokenTtlSeconds: this.tokenTtlSeconds };
  }

  updateSettings(settings: TradingGridSettings): Required<TradingGridSettings> {
    const s = TradingGridSettings.parse(settings);
    if (s.honourIdempotencyKeys !== undefined) this.state.honourIdempotencyKeys = s.honourIdempotencyKeys;
    if (s.tokenTtlSeconds !== undefined) this.tokenTtlSeconds = s.tokenTtlSeconds;
    return this.settings();
  }

  addCommunity(partner: Pick<Partner, 'name' | 'partnerCode'>): Community {
    return this.state.addCommunity(partner);
  }

  /** Communities for made-up partners that xConnector does not know: the other unknown-partner case. */
  generateActivity(activity: TradingGridActivity): { communities: Community[] } {
    const communities: Community[] = [];
    for (let i = 0; i < (activity.communities ?? 0); i++) {
      communities.push(this.state.addCommunity(this.factory.partner(this.clock()).partner));
    }
    return { communities };
  }

  issues(): Issue[] {
    return [...this.state.issues.byId.values()];
  }

  alerts(): Alert[] {
    return [...this.state.alerts.byId.values()];
  }

  /** correlationRefs held by more than one issue (or more than one alert). Empty when all is well. */
  duplicates(): string[] {
    return [...this.state.duplicates(), ...this.attachments.duplicates()].sort();
  }

  stats(): TradingGridStats {
    return {
      ...this.trafficStats(),
      issuesCreated: this.state.issues.size,
      alertsCreated: this.state.alerts.size,
      idempotentReplays: this.state.idempotentReplays,
      idempotencyKeyMismatches: this.state.idempotencyKeyMismatches,
      createsWithoutIdempotencyKey: this.state.createsWithoutKey,
      duplicates: this.duplicates(),
      tokensIssued: this.tokens.issued,
      activeTokens: this.tokens.active,
      authFailures: this.authFailures,
      clientAuthFailures: this.clientAuthFailures,
      communities: this.state.communities.size,
      directory: this.directory.stats(),
      attachments: this.attachments.stats(),
      settings: this.settings(),
    };
  }

  resetStats(): void {
    this.resetTrafficStats();
    this.authFailures = 0;
    this.clientAuthFailures = 0;
  }

  private issueToken(clientId: string, clientSecret: string): Reply {
    if (!(secretEquals(clientId, this.clientId) && secretEquals(clientSecret, this.clientSecret))) {
      this.clientAuthFailures++;
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client authentication failed' },
        headers: { 'www-authenticate': `Basic realm="${REALM}"`, 'cache-control': 'no-store' },
      };
    }
    const token = randomBytes(32).toString('base64url');
    this.tokens.add(token, this.tokenTtlSeconds);
    return {
      body: { access_token: token, token_type: 'Bearer', expires_in: this.tokenTtlSeconds },
      headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
    };
  }

  private authenticate(req: IncomingMessage): Reply | undefined {
    const header = req.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      this.authFailures++;
      return problem(401, 'Unauthorized', 'a bearer access token is required', {
        'www-authenticate': `Bearer realm="${REALM}"`,
      });
    }
    const state = this.tokens.check(match[1] as string);
    if (state === 'valid') return undefined;
    this.authFailures++;
    return problem(
      401,
      'Unauthorized',
      state === 'expired' ? 'the access token expired' : 'the access token is not valid',
      {
        'www-authenticate': 'Bearer error="invalid_token"',
      },
    );
  }

  private requireCommunity(communityId: string): void {
    if (!this.state.community(communityId)) {
      throw new HttpError(404, 'Community not found', `no community with id ${communityId}`);
    }
  }
}

export interface TradingGridStats extends TrafficStats {
  issuesCreated: number;
  alertsCreated: number;
  idempotentReplays: number;
  idempotencyKeyMismatches: number;
  createsWithoutIdempotencyKey: number;
  duplicates: string[];
  tokensIssued: number;
  activeTokens: number;
  authFailures: number;
  clientAuthFailures: number;
  communities: number;
  directory: ReturnType<DirectoryState['stats']>;
  attachments: ReturnType<AttachmentState['stats']>;
  settings: Required<TradingGridSettings>;
}

/** RFC 6749 §2.3.1: client credentials may come in a Basic header instead of the body. */
function basicCredentials(body: unknown, req: IncomingMessage): unknown {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match || (typeof body !== 'object' && body !== undefined)) return body;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return body;
  const form = (body ?? {}) as Record<string, unknown>;
  try {
    return {
      ...form,
      client_id: form['client_id'] ?? decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      client_secret:
        form['client_secret'] ?? decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return body;
  }
}

export async function startTradingGridSimulator(
  scenario: Scenario,
  options: TradingGridSimulatorOptions = {},
): Promise<TradingGridSimulator> {
  const sim = new TradingGridSimulator(scenario, options);
  return sim.listen(options);
}
