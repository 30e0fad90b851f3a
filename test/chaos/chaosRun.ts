// The chaos run: the engine child lives a random moment under random faults and is killed with
// SIGKILL, again and again, while the world keeps moving and time runs on; then faults go off, time
// jumps past every SLA step, the engine drains, and the simulators are counted.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../electron/simulators/rng.ts';
import { openStore } from '../../electron/store/store.ts';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { movableTime } from '../crash/movableClock.ts';
import { drainSummary, runEngineChild, type EngineChildExit } from '../crash/engineProcess.ts';
import { applyRoundFaults, drawRoundFaults, faultsInjected, faultsOff } from './chaosFaults.ts';
import { generateRoundWork } from './chaosWorkload.ts';
import { createPersonDrops } from './chaosDrops.ts';
import { createDeskReplies } from './chaosReplies.ts';
import { createDirectoryDrift, tallyDrift } from './chaosDrift.ts';
import { createDetailConflicts, tallyDetailConflicts } from './chaosDetailConflicts.ts';
import { tallyAll, writesSoFar, type KindTally } from './chaosTally.ts';
import {
  CHAOS_ENGINE_SETTINGS,
  DEFAULT_WORLD,
  LADDER_STEPS,
  startChaosSimulators,
  type ChaosWorldSize,
} from './chaosWorld.ts';

/** The world's start: a fixed instant, so seeded timestamps are the same run to run. */
const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const DAY = 86_400_000;

export interface ChaosOptions {
  kills: number;
  seed: number;
  world?: ChaosWorldSize;
  /** Longest life of an engine child after READY before it is killed. */
  maxLifeMs?: number;
  progress?: (line: string) => void;
}

export interface ChaosReport {
  seed: number;
  kills: number;
  rounds: number;
  seconds: number;
  faultsInjected: number;
  faultsByKind: Record<string, number>;
  writesExpected: number;
  writesFound: number;
  /** Objects written while faults were on and the engine was being killed (the rest in the drains). */
  writesUnderChaos: number;
  duplicates: number;
  lost: number;
  unexpected: number;
  perKind: Record<string, KindTally>;
  outbox: { pending: number; dead: number; deadWithoutReason: number };
  /** Files dropped by hand on cases and answered by the engine (counted under attachments). */
  personDrops: number;
  deadLetters: { operation: string; correlationRef: string; reason: string | null }[];
  drained: boolean;
  /** What a last drain, with nothing new in the world, still wrote: must be nothing. */
  idleDrainWrites: number;
}

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const began = performance.now();
  const log = o.progress ?? (() => {});
  const rng = new Rng(o.seed).fork('chaos');
  const root = mkdtempSync(join(tmpdir(), 'pd-chaos-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const clockFile = join(root, 'clock');
  const time = movableTime(clockFile, START);
  const sims = await startChaosSimulators(o.seed, START, () => time.now(), o.world ?? DEFAULT_WORLD);
  const child = { sims, dataDir, clockFile, settings: CHAOS_ENGINE_SETTINGS };
  const drops = createPersonDrops(join(root, 'drops'), rng.fork('drops'));
  const replies = createDeskReplies(rng.fork('replies'));
  const drift = createDirectoryDrift(rng.fork('drift'));
  const conflicts = createDetailConflicts(rng.fork('details'));
  const reconciles = rng.fork('reconciles');
  try {
    let kills = 0;
    let rounds = 0;
    while (kills < o.kills) {
      rounds++;
      applyRoundFaults(sims, drawRoundFaults(rng));
      generateRoundWork(sims, rng);
      drops.maybeDrop(sims);
      drift.next(sims);
      conflicts.next(sims);
      const written = replies.next(sims);
      // A few minutes of business time per life, so SLA targets fall due while the engine is killed.
      time.advance(rng.int(2, 8) * 60_000);
      const life = rng.int(0, o.maxLifeMs ?? 3000);
      // Half the lives end on a timer; the other half the moment the k-th new write lands on a
      // simulator, while the engine has yet to hear the answer and record it.
      const landed = writesSoFar(sims) + rng.int(1, 40);
      const onWrite = rng.chance(0.5);
      const exit = await runEngineChild({
        ...child,
        mode: 'live',
        killAfterReadyMs: life,
        drops: drops.offered(),
        replies: written,
        // Some lives also start the full reconcile at once, so it too is killed midway and under faults.
        reconcile: reconciles.chance(0.2),
        ...(onWrite ? { killWhen: () => writesSoFar(sims) >= landed } : {}),
      });
      if (exit.signal !== 'SIGKILL') throw childFailed('a live engine child ended on its own', exit);
      drops.record(exit.out);
      replies.record(written, exit.out);
      kills++;
      const faults = Object.values(faultsInjected(sims)).reduce((a, b) => a + b, 0);
      const when = onWrite ? `at write ${landed} or after ${life} ms` : `after ${life} ms`;
      log(`kill ${kills}/${o.kills} ${when}: ${writesSoFar(sims)} writes so far, ${faults} faults injected`);
    }

    const writesUnderChaos = writesSoFar(sims);
    faultsOff(sims);
    // Time jumps past every SLA step, one step per jump: a step falls due only once the one before has
    // been taken and its own wait has run. Cases whose issue appeared late escalate here.
    const drains: EngineChildExit[] = [];
    for (let step = 0; step < LADDER_STEPS; step++) {
      time.advance(DAY);
      const drain = await runEngineChild({
        ...child,
        mode: 'drain',
        killAfterReadyMs: null,
        drops: drops.offered(),
        // The periodic reconcile falls due a day on, once one has run; the first is started here, as no
        // engine life lasts the interval on its own clock.
        reconcile: step === 0,
      });
      drops.record(drain.out);
      drains.push(drain);
    }
    log(`faults off, time moved on ${LADDER_STEPS} days, drained ${LADDER_STEPS} times`);
    // Then nothing: a drain over an unchanged world writes nothing.
    const settled = writesSoFar(sims);
    drains.push(await runEngineChild({ ...child, mode: 'drain', killAfterReadyMs: null }));
    const idleDrainWrites = writesSoFar(sims) - settled;
    for (const d of drains) if (d.code !== 0) log(`a drain did not finish: ${d.err.slice(-2000)}`);

    const perKind = tallyAll(sims, drops.confirmed());
    perKind['deskReplies'] = replies.tally(sims);
    perKind['driftRepairs'] = tallyDrift(sims);
    perKind['detailConflicts'] = tallyDetailConflicts(sims, conflicts);
    // A drop the engine never answered or refused for a reason of its own is a person's file lost.
    const dropsLost = drops.unanswered() + drops.refused().length;
    perKind['attachments']!.lost += dropsLost;
    perKind['attachments']!.examples.push(...drops.refused().slice(0, 3));
    const sum = (f: (t: KindTally) => number) => Object.values(perKind).reduce((n, t) => n + f(t), 0);
    const { outbox, deadLetters } = outboxAfterwards(dataDir);
    const faultsByKind = faultsInjected(sims);
    return {
      seed: o.seed,
      kills,
      rounds,
      seconds: Math.round((performance.now() - began) / 1000),
      faultsInjected: Object.values(faultsByKind).reduce((a, b) => a + b, 0),
      faultsByKind,
      writesExpected: sum((t) => t.expected),
      writesFound: sum((t) => t.found),
      writesUnderChaos,
      duplicates: sum((t) => t.duplicates),
      lost: sum((t) => t.lost),
      unexpected: sum((t) => t.unexpected),
      perKind,
      outbox,
      personDrops: drops.confirmed().length,
      deadLetters: deadLetters.slice(0, 20),
      drained: drains.every((d) => d.code === 0 && drainSummary(d).done === true),
      idleDrainWrites,
    };
  } finally {
    await sims.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The engine's outbox as the last drain left it: counts, and each dead letter with its reason. */
function outboxAfterwards(dataDir: string): Pick<ChaosReport, 'outbox' | 'deadLetters'> {
  const store = openStore(join(dataDir, STORE_FILE));
  try {
    const counts = store.outbox.counts();
    const dead = store.outbox.deadLetters(10_000);
    return {
      outbox: {
        pending: counts.pending,
        dead: counts.dead,
        deadWithoutReason: dead.filter((e) => !e.lastError).length,
      },
      deadLetters: dead.map((e) => ({
        operation: e.operation,
        correlationRef: e.correlationRef,
        reason: e.lastError,
      })),
    };
  } finally {
    store.close();
  }
}

function childFailed(what: string, exit: EngineChildExit): Error {
  return new Error(`${what} (code ${exit.code}, signal ${exit.signal}): ${exit.err.slice(-2000)}`);
}
