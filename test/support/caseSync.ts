// What the tests of flows 4, 5 and 7 look at in the simulators: each internal case's Trading Grid
// issue, the comments and status updates on it, and what was copied or routed into xConnector.
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import type { InternalCase } from '../../shared/domain/internalCase.ts';
import type { IssueSnapshot } from '../../shared/domain/issueSnapshot.ts';
import { PARTNER_DESK_ORIGIN } from '../../shared/domain/internalCase.ts';
import type { StartSimulatorsOptions } from '../../electron/simulators/index.ts';
import type { InternalCaseOptions } from '../../electron/simulators/xconnector/caseState.ts';
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';

export function caseWorld(
  cases: InternalCaseOptions,
  o: StartSimulatorsOptions & { partnerIssues?: number } = {},
): StartSimulatorsOptions {
  const { partnerIssues, ...rest } = o;
  return {
    transactions: 0,
    ...rest,
    xconnector: { ...rest.xconnector, internalCases: cases },
    tradingGrid: { ...rest.tradingGrid, issueFeed: { partnerIssues: partnerIssues ?? 0 } },
  };
}

export function internalCases(sims: RunningSimulators): InternalCase[] {
  return sims.xconnector.sim.cases.all();
}

/** The issue an internal case is linked to, as xConnector stores the link. */
export function issueOf(sims: RunningSimulators, c: InternalCase): IssueSnapshot | undefined {
  const now = sims.xconnector.sim.cases.get(c.id);
  return now?.link ? sims.tradingGrid.sim.issueFeed.snapshot(now.link.issueId) : undefined;
}

/** Issue snapshots by id, whether or not anything happened on them yet. */
export function snapshot(sims: RunningSimulators, issueId: string): IssueSnapshot {
  const s = sims.tradingGrid.sim.issueFeed.snapshot(issueId);
  if (!s) throw new Error(`no issue ${issueId}`);
  return s;
}

export const byPartnerDesk = <T extends { origin: string | null }>(items: T[]) =>
  items.filter((i) => i.origin === PARTNER_DESK_ORIGIN);

export const notByPartnerDesk = <T extends { origin: string | null }>(items: T[]) =>
  items.filter((i) => i.origin !== PARTNER_DESK_ORIGIN);

/** Every duplicate correlation reference in both simulators (empty when all is well). */
export function duplicates(sims: RunningSimulators): string[] {
  return [
    ...sims.tradingGrid.sim.duplicates(),
    ...sims.tradingGrid.sim.issueFeed.duplicates(),
    ...sims.xconnector.sim.cases.duplicates(),
  ];
}

/**
 * Settings for volume runs: the client-side rate limit (50 requests/s by default, polite to a real
 * system) lifted, so the run measures the engine rather than the throttle.
 */
export function unthrottled(sims: RunningSimulators, concurrency = 8): Partial<EngineSettingsInput> {
  const http = { concurrency, ratePerSecond: 10_000, burst: 10_000, backoffBaseMs: 5, backoffMaxMs: 50 };
  return {
    xconnector: { baseUrl: sims.xconnector.url, http },
    tradingGrid: { baseUrl: sims.tradingGrid.url, clientId: sims.credentials.tradingGridClientId, http },
    poll: { xconnectorIntervalMs: 250, tradingGridIntervalMs: 250, pageSize: 1000 },
    outbox: { retryBaseMs: 10, retryMaxMs: 200, maxAttempts: 30, concurrency },
  };
}
