// The faults of one chaos round, drawn from the run's seeded random source: every endpoint of both
// systems gets 5xx, 429 with Retry-After, resets and latency at random rates; creates also lose their
// answer after the write was applied; Trading Grid runs behind a server-wide rate limit; and each
// store that can honour Idempotency-Key is switched on or off, so the engine cannot lean on it.
import {
  FAULT_KINDS,
  type FaultConfig,
  type FaultKind,
  type FaultRule,
} from '../../electron/simulators/faults.ts';
import type { Rng } from '../../electron/simulators/rng.ts';
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import { tradingGridContract } from '../../shared/contracts/tradingGrid.ts';
import { xConnectorContract } from '../../shared/contracts/xconnector.ts';
import type { Endpoint } from '../../shared/contracts/endpoint.ts';

export interface RoundFaults {
  tradingGrid: FaultConfig;
  xconnector: FaultConfig;
  /** Which stores honour Idempotency-Key this round. */
  honour: { tradingGrid: boolean; xconnectorCases: boolean; xconnectorWorkflows: boolean };
  /** Share of upload chunks whose connection is cut mid-body. */
  uploadCutRate: number;
}

function ruleFor(rng: Rng, e: Endpoint, heavy: boolean): FaultRule | undefined {
  if (!heavy && rng.chance(0.4)) return undefined;
  const scale = heavy ? 2 : 1;
  const writes = e.method !== 'GET';
  const rule: FaultRule = {
    errorRate: rng.float(0, 0.08 * scale),
    errorStatuses: [500, 503],
    throttleRate: rng.float(0, 0.05 * scale),
    // Mostly an immediate retry; now and then a second's wait, as a real 429 asks for.
    retryAfterSeconds: rng.chance(0.15) ? 1 : 0,
    resetRate: rng.float(0, 0.03 * scale),
    latencyMs: { min: 0, max: rng.int(0, 15) },
  };
  // Applied, then the answer is lost: only writes make this interesting (and GET is safe to repeat).
  if (writes) rule.lostResponseRate = rng.float(0, 0.2 * scale);
  return rule;
}

function configFor(rng: Rng, endpoints: readonly Endpoint[], heavy: boolean): FaultConfig {
  const config: FaultConfig = {};
  for (const e of endpoints) {
    const rule = ruleFor(rng, e, heavy);
    if (rule) config[e.id] = rule;
  }
  return config;
}

const tgEndpoints = Object.values(tradingGridContract.endpoints) as Endpoint[];
const xcEndpoints = Object.values(xConnectorContract.endpoints) as Endpoint[];

export function drawRoundFaults(rng: Rng): RoundFaults {
  // One round in five is a storm: every endpoint faulty, at twice the rates.
  const heavy = rng.chance(0.2);
  const tradingGrid = configFor(rng, tgEndpoints, heavy);
  // A server-wide token bucket some rounds: refused requests get 429 with Retry-After in whole seconds.
  if (rng.chance(0.3)) tradingGrid['*'] = { requestsPerSecond: rng.int(20, 80), burst: rng.int(5, 30) };
  return {
    tradingGrid,
    xconnector: configFor(rng, xcEndpoints, heavy),
    honour: {
      tradingGrid: rng.chance(0.3),
      xconnectorCases: rng.chance(0.3),
      xconnectorWorkflows: rng.chance(0.5),
    },
    uploadCutRate: rng.chance(0.5) ? rng.float(0, 0.1) : 0,
  };
}

export function applyRoundFaults(sims: RunningSimulators, f: RoundFaults): void {
  sims.tradingGrid.sim.setFaults(f.tradingGrid);
  sims.xconnector.sim.setFaults(f.xconnector);
  sims.tradingGrid.sim.state.honourIdempotencyKeys = f.honour.tradingGrid;
  sims.xconnector.sim.cases.honourIdempotencyKeys = f.honour.xconnectorCases;
  sims.xconnector.sim.workflows.honourIdempotencyKeys = f.honour.xconnectorWorkflows;
  sims.tradingGrid.sim.attachments.updateSettings({ midBodyResetRate: f.uploadCutRate });
}

export function faultsOff(sims: RunningSimulators): void {
  sims.tradingGrid.sim.setFaults({});
  sims.xconnector.sim.setFaults({});
  sims.tradingGrid.sim.attachments.updateSettings({ midBodyResetRate: 0 });
}

/** Faults injected so far on both simulators, by kind (uploads cut mid-body counted as resets too). */
export function faultsInjected(sims: RunningSimulators): Record<FaultKind | 'uploadCut', number> {
  const out = { uploadCut: sims.tradingGrid.sim.attachments.midBodyResets } as Record<
    FaultKind | 'uploadCut',
    number
  >;
  for (const kind of FAULT_KINDS)
    out[kind] = sims.tradingGrid.sim.faults.total(kind) + sims.xconnector.sim.faults.total(kind);
  return out;
}
