// Both simulators on one shared, seeded world: used by integration tests, benchmarks, the headless demo
// and the desktop app's built-in demo. Credentials are random unless given.
import { randomBytes } from 'node:crypto';
import type { FaultConfig } from './faults.ts';
import { buildScenario, type Scenario, type ScenarioOptions } from './scenario.ts';
import {
  TradingGridSimulator,
  type TradingGridSimulatorOptions,
} from './tradingGrid/tradingGridSimulator.ts';
import { XConnectorSimulator, type XConnectorSimulatorOptions } from './xconnector/xConnectorSimulator.ts';

export interface SimulatorCredentials {
  xconnectorApiKey: string;
  tradingGridClientId: string;
  tradingGridClientSecret: string;
}

/** Scenario options (seed, partners, …; `now` defaults to the current minute), servers and behaviour. */
export interface StartSimulatorsOptions extends ScenarioOptions {
  /** Use this world instead of building one from the scenario options. */
  scenario?: Scenario;
  host?: string;
  /** 0 (default) picks a free port. */
  xconnectorPort?: number;
  tradingGridPort?: number;
  credentials?: Partial<SimulatorCredentials>;
  tokenTtlSeconds?: number;
  honourIdempotencyKeys?: boolean;
  /** Generate xConnector activity every this many ms from the start (default: off). */
  activityIntervalMs?: number;
  /** Clock for new timestamps and token expiry (default Date.now). */
  clock?: () => number;
  faults?: { xconnector?: FaultConfig; tradingGrid?: FaultConfig };
  validateResponses?: boolean;
  xconnector?: Omit<XConnectorSimulatorOptions, 'host' | 'port' | 'apiKey'>;
  tradingGrid?: Omit<TradingGridSimulatorOptions, 'host' | 'port' | 'clientId' | 'clientSecret'>;
}

export interface RunningSimulators {
  scenario: Scenario;
  xconnector: { url: string; sim: XConnectorSimulator };
  tradingGrid: { url: string; sim: TradingGridSimulator };
  credentials: SimulatorCredentials;
  close(): Promise<void>;
}

export async function startSimulators(options: StartSimulatorsOptions = {}): Promise<RunningSimulators> {
  // The world is anchored at the current minute unless `now` is given, so the demo looks live; ids,
  // names and contents depend on the seed alone, and `now` makes timestamps identical too.
  const scenario =
    options.scenario ??
    buildScenario({ ...options, now: options.now ?? Math.floor(Date.now() / 60_000) * 60_000 });
  const credentials: SimulatorCredentials = {
    xconnectorApiKey: options.credentials?.xconnectorApiKey ?? randomBytes(24).toString('base64url'),
    tradingGridClientId:
      options.credentials?.tradingGridClientId ?? `partner-desk-${randomBytes(4).toString('hex')}`,
    tradingGridClientSecret:
      options.credentials?.tradingGridClientSecret ?? randomBytes(32).toString('base64url'),
  };
  const tradingGrid = new TradingGridSimulator(scenario, {
    validateResponses: options.validateResponses,
    clock: options.clock,
    tokenTtlSeconds: options.tokenTtlSeconds,
    honourIdempotencyKeys: options.honourIdempotencyKeys,
    faults: options.faults?.tradingGrid,
    ...options.tradingGrid,
    clientId: credentials.tradingGridClientId,
    clientSecret: credentials.tradingGridClientSecret,
  });
  const xconnector = new XConnectorSimulator(scenario, {
    validateResponses: options.validateResponses,
    clock: options.clock,
    faults: options.faults?.xconnector,
    activityIntervalMs: options.activityIntervalMs,
    // A partner that appears in xConnector gets its community in Trading Grid, as in real life.
    onPartnerAdded: (partner) => tradingGrid.addCommunity(partner),
    ...options.xconnector,
    apiKey: credentials.xconnectorApiKey,
  });
  try {
    await tradingGrid.listen({ host: options.host, port: options.tradingGridPort });
    await xconnector.listen({ host: options.host, port: options.xconnectorPort });
  } catch (err) {
    await Promise.all([xconnector.close(), tradingGrid.close()]);
    throw err;
  }
  return {
    scenario,
    xconnector: { url: xconnector.url, sim: xconnector },
    tradingGrid: { url: tradingGrid.url, sim: tradingGrid },
    credentials,
    close: async () => {
      await Promise.all([xconnector.close(), tradingGrid.close()]);
    },
  };
}

export { buildScenario, DEFAULT_SCENARIO_NOW, type Scenario, type ScenarioOptions } from './scenario.ts';
export {
  XConnectorSimulator,
  startXConnectorSimulator,
  type XConnectorSimulatorOptions,
  type XConnectorStats,
} from './xconnector/xConnectorSimulator.ts';
export {
  TradingGridSimulator,
  startTradingGridSimulator,
  type TradingGridSimulatorOptions,
  type TradingGridStats,
} from './tradingGrid/tradingGridSimulator.ts';
export type { ActivityOptions, ActivityResult, XConnectorFeed } from './xconnector/xConnectorState.ts';
export { FaultConfig, FaultRule, FAULT_KINDS, type FaultKind } from './faults.ts';
export { Rng } from './rng.ts';
