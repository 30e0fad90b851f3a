// The workload of each of the eight flows for the throughput harness. Every one syncs the seeded world
// first (warm-up: reference data, partners, linked cases), then makes `n` items of its own kind of
// change and measures only the run that carries them — so a flow's figure holds that flow's calls alone
// (plus the poll reads that find them), and the reference replays the same.
import type { FlowWorkload } from './flowThroughput.ts';
import type { SimulatorProcessOptions } from './simulatorProcess.ts';
import type { RunStats } from '../../electron/engine/runStats.ts';

export interface FlowBench {
  flow: number;
  name: string;
  unit: string;
  workload: FlowWorkload;
  /** How the workload was isolated, when that needed saying. */
  note?: string;
}

const DAY = 86_400_000;

const world = (extra: Partial<SimulatorProcessOptions> = {}): SimulatorProcessOptions => ({
  seed: 5,
  partners: 10,
  exceptions: 0,
  transactions: 0,
  validateResponses: false,
  ...extra,
});

const internalCases = (standalone: number): Partial<SimulatorProcessOptions> => ({
  xconnector: { internalCases: { standalone, commentsPerCase: 0, stepsPerCase: 0 } },
});

/**
 * A workload whose change is one or more simulator calls (`[method path, argument]`). SLA clocks are off:
 * they would add escalations to flows that are not flow 8.
 */
function changeBy(
  simulators: SimulatorProcessOptions,
  calls: [string, unknown][],
  items: (s: RunStats) => number,
): FlowWorkload {
  return {
    simulators,
    engine: { settings: { sla: { enabled: false } } },
    warmUp: true,
    prepare: async (sims) => {
      for (const [path, arg] of calls) await sims.call(path, arg);
    },
    items,
  };
}

/**
 * The same workloads with every answer of both simulators held back `ms` milliseconds: a round trip to
 * a remote system instead of to a server on the same machine.
 */
export function withRoundTrip(benches: FlowBench[], ms: number): FlowBench[] {
  if (ms <= 0) return benches;
  const latency = { '*': { latencyMs: { min: ms, max: ms } } };
  return benches.map((b) => ({
    ...b,
    workload: {
      ...b.workload,
      simulators: { ...b.workload.simulators, faults: { xconnector: latency, tradingGrid: latency } },
    },
  }));
}

export function flowWorkloads(n: number): FlowBench[] {
  const third = Math.ceil(n / 3);
  return [
    {
      flow: 1,
      name: 'flow 1 exception → issue + link back',
      unit: 'exceptions/s',
      workload: changeBy(
        world(),
        [['xconnector.sim.generateActivity', { exceptions: n }]],
        (s) => s.issuesCreated,
      ),
    },
    {
      flow: 2,
      name: 'flow 2 dispute documents auto-attached',
      unit: 'documents/s',
      workload: changeBy(
        world({ exceptions: third }),
        [['xconnector.sim.documents.openDisputes', third]],
        (s) => s.documentsAttached,
      ),
      note: 'the disputes are opened on exceptions already synced, so only their documents move',
    },
    {
      flow: 3,
      name: 'flow 3 failed transaction → alert + notification',
      unit: 'alerts/s',
      workload: changeBy(
        world(),
        [['xconnector.sim.generateActivity', { failedTransactions: n }]],
        (s) => s.alertsRaised,
      ),
    },
    {
      flow: 4,
      name: 'flow 4 resolution step → status update',
      unit: 'statuses/s',
      workload: changeBy(
        world(internalCases(Math.ceil(n / 2))),
        [['xconnector.sim.cases.generateActivity', { caseSteps: n }]],
        (s) => s.statusesPosted,
      ),
    },
    {
      flow: 5,
      name: 'flow 5 partner comment → internal route',
      unit: 'messages/s',
      workload: changeBy(
        world(internalCases(Math.ceil(n / 2))),
        [['tradingGrid.sim.issueFeed.generateActivity', { partnerComments: n }]],
        (s) => s.messagesRouted,
      ),
    },
    {
      flow: 6,
      name: 'flow 6 reference record → directory',
      unit: 'records/s',
      workload: changeBy(
        world(),
        [['xconnector.sim.referenceData.generateActivity', { adds: n }]],
        (s) => s.referenceRecordsPushed,
      ),
    },
    {
      flow: 7,
      name: 'flow 7 new internal case → linked issue, with two comments each',
      unit: 'cases/s',
      workload: changeBy(
        world(internalCases(0)),
        [
          ['xconnector.sim.cases.generateActivity', { newCases: n }],
          ['xconnector.sim.cases.generateActivity', { caseComments: 2 * n }],
        ],
        (s) => s.issuesCreated,
      ),
    },
    {
      flow: 8,
      name: 'flow 8 SLA escalation ladder steps',
      unit: 'steps/s',
      workload: {
        simulators: world({ exceptions: n }),
        warmUp: true,
        // The engine's clock jumps past every case's SLA; the simulators need no change.
        prepare: async (_sims, advanceClock) => advanceClock(30 * DAY),
        items: (s) => s.escalations,
      },
      note: 'warm-up links the cases with the engine clock at now; the clock then jumps 30 days',
    },
  ];
}
