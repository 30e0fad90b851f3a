// One harness for every flow's throughput: the flow's workload runs through the engine against fresh
// simulators (in a child process) that record every call the engine makes; then exactly those calls are
// replayed by a bare client against fresh simulators built from the same seed. Items per second through
// the engine beside items per second for the bare calls is the flow's ratio.
import type { RunStats } from '../../electron/engine/runStats.ts';
import type { Clock } from '../../electron/engine/clock.ts';
import { systemClock } from '../../electron/engine/clock.ts';
import {
  startSimulatorProcess,
  type SimulatorProcess,
  type SimulatorProcessOptions,
} from './simulatorProcess.ts';
import { benchEngine, type BenchEngineOptions } from './benchEngine.ts';
import { createReplayer } from './replay.ts';
import { traceCalls } from './callTimeline.ts';

export interface FlowWorkload {
  simulators: SimulatorProcessOptions;
  engine?: Omit<BenchEngineOptions, 'clock' | 'dataDir' | 'concurrency'>;
  /**
   * Sync what the simulators start with before measuring (for flows that act on linked cases). Its calls
   * are replayed too, untimed, so the reference simulators reach the same state.
   */
  warmUp?: boolean;
  /** Drives the simulators (and the engine's clock) into the measured work; run on the reference too. */
  prepare?(sims: SimulatorProcess, advanceClock: (ms: number) => void): Promise<void>;
  /** The items the flow handled, from the engine's counters. */
  items(stats: RunStats): number;
}

export interface FlowThroughput {
  items: number;
  rate: number;
  rawRate: number;
  calls: number;
  /** Replayed calls answered differently from the recording: the reference went off course. */
  replayMismatches: number;
  /** Objects the simulators hold twice (must be 0). */
  duplicates: number;
}

const DUPLICATE_LISTS = [
  'tradingGrid.sim.duplicates',
  'tradingGrid.sim.issueFeed.duplicates',
  'tradingGrid.sim.issueUpdates.duplicates',
  'xconnector.sim.cases.duplicates',
  'xconnector.sim.workflows.duplicates',
];

export async function flowThroughput(w: FlowWorkload, concurrency: number): Promise<FlowThroughput> {
  let offset = 0;
  const clock: Clock = { now: () => Date.now() + offset, sleep: systemClock.sleep };
  const advance = (ms: number) => (offset += ms);

  const sims = await startSimulatorProcess(w.simulators, true);
  const desk = benchEngine(sims, { ...w.engine, concurrency, clock });
  const timeline = traceCalls();
  let warm, measured, items, seconds, duplicates;
  try {
    if (w.warmUp) {
      const r = await desk.engine.runUntilIdle({ timeoutMs: 600_000 });
      if (!r.idle) throw new Error('benchmark warm-up did not finish');
    }
    warm = timeline.apply(await sims.take());
    await w.prepare?.(sims, advance);
    const before = w.items(desk.engine.stats());
    const started = performance.now();
    const result = await desk.engine.runUntilIdle({ timeoutMs: 1_800_000 });
    seconds = (performance.now() - started) / 1000;
    if (!result.idle) throw new Error('benchmark run did not finish');
    measured = timeline.apply(await sims.take());
    items = w.items(result.stats) - before;
    duplicates = 0;
    for (const list of DUPLICATE_LISTS) duplicates += (await sims.call<unknown[]>(list)).length;
  } finally {
    timeline.stop();
    await desk.close();
    await sims.close();
  }

  const fresh = await startSimulatorProcess(w.simulators);
  const replayer = createReplayer({
    urlByPort: new Map([
      [portOf(sims.xconnectorUrl), fresh.xconnectorUrl],
      [portOf(sims.tradingGridUrl), fresh.tradingGridUrl],
    ]),
    connectionsPerOrigin: concurrency,
  });
  try {
    const warmReplay = await replayer.run(warm);
    await w.prepare?.(fresh, () => {});
    const replay = await replayer.run(measured);
    return {
      items,
      rate: items / seconds,
      rawRate: items / (replay.ms / 1000),
      calls: replay.calls,
      replayMismatches: warmReplay.failures + replay.failures,
      duplicates,
    };
  } finally {
    await replayer.close();
    await fresh.close();
  }
}

const portOf = (url: string) => Number(new URL(url).port);
