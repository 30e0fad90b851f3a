// The chaos run's world: both simulators seeded with work for all eight flows, and the settings the
// engine child runs with. Exception issues get types of their own so that one SLA policy (short
// targets, round the clock) covers exactly the exception cases and a catch-all that never falls due
// covers the rest: which escalations must exist then follows from the world alone, not from timing.
import { startSimulators, type RunningSimulators } from '../../electron/simulators/index.ts';
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';
import type { SlaSettingsInput } from '../../shared/config/slaPolicies.ts';

export const EXCEPTION_ISSUE_TYPES = {
  shipment: 'CHAOS_SHIPMENT_EXCEPTION',
  invoice: 'CHAOS_INVOICE_EXCEPTION',
  order: 'CHAOS_ORDER_EXCEPTION',
} as const;

const allDay = [{ from: '00:00', to: '24:00' }];
const YEAR_MINUTES = 525_600;

export const CHAOS_SLA: SlaSettingsInput = {
  calendars: {
    'chaos-24x7': {
      timeZone: 'UTC',
      hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    },
  },
  policies: [
    {
      id: 'chaos-exceptions',
      match: { types: Object.values(EXCEPTION_ISSUE_TYPES) },
      calendar: 'chaos-24x7',
      firstResponseMinutes: 30,
      resolutionMinutes: 120,
    },
    {
      id: 'chaos-quiet',
      calendar: 'chaos-24x7',
      firstResponseMinutes: YEAR_MINUTES,
      resolutionMinutes: YEAR_MINUTES,
    },
  ],
  ladder: [
    { tier: 2, priority: 'high', workflowId: 'chaos-tier2', comment: 'The {phase} target fell due {dueAt}.' },
    {
      tier: 3,
      priority: 'urgent',
      workflowId: 'chaos-tier3',
      afterMinutes: 60,
      comment: 'Still {overdue} late.',
    },
    {
      tier: 4,
      priority: 'urgent',
      workflowId: 'chaos-management',
      afterMinutes: 120,
      comment: 'Management.',
    },
  ],
};

/** Ladder steps every exception case must have climbed once the final jump in time has passed. */
export const LADDER_STEPS = 3;

export interface ChaosWorldSize {
  partners: number;
  exceptions: number;
  transactions: number;
  disputes: number;
  internalCases: number;
  partnerIssues: number;
}

/** Share of the exceptions an internal case in xConnector is about. */
export const JOINED_SHARE = 0.1;

export const DEFAULT_WORLD: ChaosWorldSize = {
  partners: 12,
  exceptions: 120,
  transactions: 300,
  disputes: 8,
  internalCases: 24,
  partnerIssues: 6,
};

export function startChaosSimulators(
  seed: number,
  start: number,
  now: () => number,
  size: ChaosWorldSize,
): Promise<RunningSimulators> {
  return startSimulators({
    seed,
    partners: size.partners,
    exceptions: size.exceptions,
    transactions: size.transactions,
    failedTransactionShare: 0.25,
    unknownPartnerExceptions: 0,
    now: start,
    clock: now,
    honourIdempotencyKeys: false,
    xconnector: {
      disputes: size.disputes,
      // Some internal cases are about an exception: they join its desk case and issue (flow 7). Their
      // steps may pause or close it, so that exception's escalations are counted as possible, not due.
      internalCases: {
        exceptionShare: JOINED_SHARE,
        standalone: size.internalCases,
        maxCommentsPerCase: 3,
        maxStepsPerCase: 3,
        attachmentsPerCase: 1,
      },
    },
    tradingGrid: { issueFeed: { partnerIssues: size.partnerIssues } },
  });
}

const http = { concurrency: 8, ratePerSecond: 2000, burst: 500, backoffBaseMs: 5, backoffMaxMs: 200 };

/** Merged over engineChild's own settings. */
export const CHAOS_ENGINE_SETTINGS: Partial<EngineSettingsInput> = {
  xconnector: { http } as EngineSettingsInput['xconnector'],
  tradingGrid: { http } as EngineSettingsInput['tradingGrid'],
  poll: { xconnectorIntervalMs: 250, tradingGridIntervalMs: 250, pageSize: 200 },
  outbox: { retryBaseMs: 10, retryMaxMs: 500, maxAttempts: 100, concurrency: 8 },
  mappings: { tradingGrid: { issueTypeByExceptionKind: { ...EXCEPTION_ISSUE_TYPES } } },
  sla: CHAOS_SLA,
};
