// A real HTTP server that behaves like xConnector as the contract declares it: API-key auth, three
// change feeds read by cursor, and the exception link Partner Desk writes back. Plus admin endpoints
// to inject faults, generate activity and read counters.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { API_KEY_HEADER, endpoint, type Endpoint } from '../../../shared/contracts/endpoint.ts';
import { xConnectorContract } from '../../../shared/contracts/xconnector.ts';
import type { Partner } from '../../../shared/domain/partner.ts';
import type { FaultConfig, FaultInjector } from '../faults.ts';
import { Rng } from '../rng.ts';
import { HttpError, problem, route, Router, type Reply } from '../router.ts';
import { feedReply } from '../requestParts.ts';
import type { Scenario } from '../scenario.ts';
import {
  commonAdminRoutes,
  contractFaults,
  secretEquals,
  SimulatorServer,
  type ListenOptions,
  type TrafficStats,
} from '../server.ts';
import {
  XConnectorState,
  type ActivityOptions,
  type ActivityResult,
  type XConnectorFeed,
} from './xConnectorState.ts';
import { ReferenceDataState } from './referenceDataState.ts';
import { referenceDataRoutes } from './referenceDataRoutes.ts';
import { DisputeDocuments } from './documentState.ts';
import { documentRoutes } from './documentRoutes.ts';
import { WorkflowRuns, workflowRoutes } from './workflowRoutes.ts';
import { CaseState, type InternalCaseOptions } from './caseState.ts';
import { caseRoutes } from './caseRoutes.ts';
import { rawFeedRoutes } from '../rawFeedRoutes.ts';

export interface XConnectorSimulatorOptions extends ListenOptions {
  /** The API key clients must send in X-Api-Key; random (node:crypto) when not given. */
  apiKey?: string;
  /** Seed for faults and activity; defaults to the scenario's seed. */
  seed?: number;
  /** Clock for timestamps of new activity; defaults to Date.now. */
  clock?: () => number;
  faults?: FaultConfig;
  maxBodyBytes?: number;
  /** Check every answer against the contract's response schema (default true). */
  validateResponses?: boolean;
  /** Start generating activity every this many ms (default: off). */
  activityIntervalMs?: number;
  /** What one activity tick generates (default: a small random batch). */
  activityBatch?: ActivityOptions;
  /** Called when activity adds a partner (startSimulators gives Trading Grid its community). */
  onPartnerAdded?: (partner: Partner) => void;
  /** Exceptions of the seeded world that are disputes from the start, with their documents (default 0). */
  disputes?: number;
  /** Internal cases of the case-management system (flows 4, 5, 7); none unless given. */
  internalCases?: InternalCaseOptions;
}

const Count = z.number().int().min(0).max(1_000_000).optional();
export const ActivityRequest = z
  .object({
    exceptions: Count,
    failedTransactions: Count,
    transactions: Count,
    statusChanges: Count,
    exceptionUpdates: Count,
    unknownPartnerExceptions: Count,
    newPartners: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();

export const XConnectorSettings = z
  .object({
    /** Start (a number of ms) or stop (null) periodic activity. */
    activityIntervalMs: z.number().int().min(10).max(3_600_000).nullable().optional(),
    activityBatch: ActivityRequest.optional(),
  })
  .strict();

export const InjectRequest = z
  .object({ feed: z.enum(['partners', 'exceptions', 'transactions']), item: z.unknown() })
  .strict();

const xcAdmin = {
  activity: endpoint({
    id: 'sim.activity',
    method: 'POST',
    path: '/_sim/activity',
    summary: 'Generate activity now: new and updated exceptions, failed transactions, status changes.',
    body: ActivityRequest,
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
  settings: endpoint({
    id: 'sim.settings',
    method: 'PUT',
    path: '/_sim/settings',
    summary: 'Change simulator settings at run time.',
    body: XConnectorSettings,
    response: z.unknown(),
    status: 200,
    idempotent: true,
  }),
  inject: endpoint({
    id: 'sim.inject',
    method: 'POST',
    path: '/_sim/inject',
    summary: 'Append an arbitrary (malformed) item to a feed.',
    body: InjectRequest,
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
};

const FEED_OF: Record<string, XConnectorFeed> = {
  'xc.partnersFeed': 'partners',
  'xc.exceptionsFeed': 'exceptions',
  'xc.transactionsFeed': 'transactions',
};

export class XConnectorSimulator extends SimulatorServer {
  readonly state: XConnectorState;
  /** Partner IDs, ship-to locations, item codes and contacts in their own change feed (flow 6). */
  readonly referenceData: ReferenceDataState;
  /** Dispute documents and their bytes (flow 2). */
  readonly documents: DisputeDocuments;
  /** Internal workflow runs Partner Desk starts (flow 8's escalations). */
  readonly workflows: WorkflowRuns;
  /** Internal cases, their steps and comments, and the inbound route (flows 4, 5, 7). */
  readonly cases: CaseState;
  readonly faults: FaultInjector;
  readonly router: Router;
  private apiKey: string;
  private readonly activityRng: Rng;
  private activityTimer: NodeJS.Timeout | undefined;
  private activityIntervalMs: number | null = null;
  private activityBatch: ActivityOptions | undefined;
  private activityTicks = 0;
  private authFailures = 0;

  constructor(scenario: Scenario, options: XConnectorSimulatorOptions = {}) {
    super();
    const root = new Rng(options.seed ?? scenario.options.seed).fork('xconnector');
    this.apiKey = options.apiKey ?? randomBytes(24).toString('base64url');
    this.state = new XConnectorState(scenario, root.fork('activity'), {
      clock: options.clock,
      onPartnerAdded: options.onPartnerAdded,
    });
    this.referenceData = new ReferenceDataState(scenario, root.fork('reference-data'), options.clock);
    this.documents = new DisputeDocuments(this.state, root.fork('documents'), options.clock);
    this.documents.openDisputes(options.disputes ?? 0);
    this.workflows = new WorkflowRuns(options.clock);
    this.cases = new CaseState(
      scenario,
      root.fork('cases'),
      this.state.seq,
      options.clock ?? Date.now,
      options.internalCases,
      (document, content) => this.documents.host(document, content),
    );
    this.activityRng = root.fork('ticks');
    this.faults = contractFaults(root.fork('faults'), xConnectorContract.endpoints, options.faults);
    this.activityBatch = options.activityBatch;

    const e = xConnectorContract.endpoints;
    const feed = (ctx: { endpoint: Endpoint; query: { since?: string | undefined; limit: number } }): Reply =>
      feedReply(
        { page: (since, limit) => this.state.page(FEED_OF[ctx.endpoint.id] as XConnectorFeed, since, limit) },
        ctx.query.since,
        ctx.query.limit,
      );
    this.router = new Router({
      maxBodyBytes: options.maxBodyBytes,
      validateResponses: options.validateResponses ?? true,
      faults: this.faults,
      auth: (req) => this.authenticate(req),
      routes: [
        route(e.partnersFeed, feed),
        route(e.exceptionsFeed, feed),
        route(e.transactionsFeed, feed),
        ...referenceDataRoutes(this.referenceData),
        route(e.linkException, ({ params, body }) => {
          const result = this.state.link(params.id, body);
          if (!result) throw new HttpError(404, 'Exception not found', `no exception with id ${params.id}`);
          return { body: result.exception };
        }),
        ...documentRoutes(this.documents),
        ...workflowRoutes(this.workflows),
        ...caseRoutes(this.cases),
        ...rawFeedRoutes({
          partners: this.state.partners,
          exceptions: this.state.exceptions,
          transactions: this.state.transactions,
          'reference-data': this.referenceData.feed,
          documents: this.documents.feed,
          cases: this.cases.cases,
        }),
        ...commonAdminRoutes(
          this.faults,
          () => this.stats(),
          () => this.resetStats(),
        ),
        route(xcAdmin.activity, ({ body }) => ({ body: this.generateActivity(body) }), { admin: true }),
        route(
          xcAdmin.settings,
          ({ body }) => {
            if (body.activityBatch) this.activityBatch = body.activityBatch;
            if (body.activityIntervalMs === null) this.stopActivity();
            else if (body.activityIntervalMs !== undefined) this.startActivity(body.activityIntervalMs);
            return { body: this.settings() };
          },
          { admin: true },
        ),
        route(xcAdmin.inject, ({ body }) => ({ body: { seq: this.injectRaw(body.feed, body.item) } }), {
          admin: true,
        }),
      ],
    });
    if (options.activityIntervalMs) this.startActivity(options.activityIntervalMs);
  }

  override async close(): Promise<void> {
    this.stopActivity();
    await super.close();
  }

  get credentials(): { apiKey: string } {
    return { apiKey: this.apiKey };
  }

  /** Changes the key clients must present (e.g. to test a rotated credential). */
  setApiKey(apiKey: string): void {
    if (apiKey.length === 0) throw new Error('empty API key');
    this.apiKey = apiKey;
  }

  generateActivity(options: ActivityOptions): ActivityResult {
    return this.state.generateActivity(options);
  }

  /** Generates a batch of activity every `intervalMs` until stopped (replaces a running schedule). */
  startActivity(intervalMs: number, batch?: ActivityOptions): void {
    this.stopActivity();
    if (batch) this.activityBatch = batch;
    this.activityIntervalMs = intervalMs;
    this.activityTimer = setInterval(() => {
      this.activityTicks++;
      this.generateActivity(this.activityBatch ?? this.randomBatch());
      this.referenceData.randomActivity();
      this.cases.tick();
    }, intervalMs);
    this.activityTimer.unref();
  }

  stopActivity(): void {
    if (this.activityTimer) clearInterval(this.activityTimer);
    this.activityTimer = undefined;
    this.activityIntervalMs = null;
  }

  injectRaw(feed: XConnectorFeed, item: unknown): number {
    return this.state.injectRaw(feed, item);
  }

  addException(partnerId?: string): ReturnType<XConnectorState['addException']> {
    return this.state.addException(partnerId);
  }

  addUnknownPartnerException(): ReturnType<XConnectorState['addUnknownPartnerException']> {
    return this.state.addUnknownPartnerException();
  }

  settings(): { activityIntervalMs: number | null; activityBatch: ActivityOptions | null } {
    return {
      activityIntervalMs: this.activityIntervalMs,
      activityBatch: this.activityBatch ?? null,
    };
  }

  stats(): XConnectorStats {
    return {
      ...this.trafficStats(),
      authFailures: this.authFailures,
      linksWritten: this.state.linksWritten,
      linkCalls: this.state.linkCalls,
      linkOverwrites: this.state.linkOverwrites,
      rawInjected: this.state.rawInjected,
      activityTicks: this.activityTicks,
      counts: this.state.counts(),
      referenceData: this.referenceData.stats(),
    };
  }

  resetStats(): void {
    this.resetTrafficStats();
    this.authFailures = 0;
  }

  private randomBatch(): ActivityOptions {
    const r = this.activityRng;
    return {
      exceptions: r.weighted([
        [0, 3],
        [1, 4],
        [2, 2],
      ] as const),
      failedTransactions: r.int(0, 2),
      transactions: r.int(1, 4),
      statusChanges: r.int(1, 5),
      exceptionUpdates: r.chance(0.3) ? 1 : 0,
      unknownPartnerExceptions: r.chance(0.03) ? 1 : 0,
    };
  }

  private authenticate(req: IncomingMessage): Reply | undefined {
    const key = req.headers[API_KEY_HEADER];
    if (typeof key === 'string' && secretEquals(key, this.apiKey)) return undefined;
    this.authFailures++;
    return problem(401, 'Unauthorized', key === undefined ? 'missing X-Api-Key header' : 'invalid API key', {
      'www-authenticate': 'ApiKey realm="xconnector", header="X-Api-Key"',
    });
  }
}

export interface XConnectorStats extends TrafficStats {
  authFailures: number;
  linksWritten: number;
  linkCalls: number;
  linkOverwrites: number;
  rawInjected: number;
  activityTicks: number;
  counts: ReturnType<XConnectorState['counts']>;
  referenceData: ReturnType<ReferenceDataState['stats']>;
}

export async function startXConnectorSimulator(
  scenario: Scenario,
  options: XConnectorSimulatorOptions = {},
): Promise<XConnectorSimulator> {
  const sim = new XConnectorSimulator(scenario, options);
  return sim.listen(options);
}
