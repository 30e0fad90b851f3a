// Flow 6's periodic reconcile: now and then someone changes Trading Grid's reference-data directory
// behind the desk's back (a record edited or deleted there, or one added that xConnector never had).
// The reconcile must repair every drifted key once: at the end each one reads in Trading Grid as
// xConnector's live record says (or is absent where xConnector has none), and the simulator holds no
// drift left unrepaired. A version applied twice, drift or not, counts under `referenceRecords`.
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import type { Rng } from '../../electron/simulators/rng.ts';
import { canonicalJson } from '../../shared/domain/reference.ts';
import { tally, type KindTally } from './chaosTally.ts';

export function createDirectoryDrift(rng: Rng) {
  let strays = 0;
  return {
    /**
     * Maybe drifts a few records. Targets are drawn from xConnector's live records, which only this
     * driver changes, and every draw is made whatever the directory holds, so the random stream stays
     * the same per seed however far the engine got; a target not (yet) in the directory is left alone.
     */
    next(sims: RunningSimulators): void {
      if (!rng.chance(0.35)) return;
      const live = sims.xconnector.sim.referenceData.liveRecords();
      if (live.length === 0) return;
      const edit = rng.pick(live);
      const remove = rng.chance(0.5) ? rng.pick(live) : undefined;
      const stray = rng.chance(0.3) ? rng.pick(live) : undefined;
      const directory = sims.tradingGrid.sim.directory;
      directory.editRecord(edit.kind, edit.key);
      if (remove) directory.deleteRecord(remove.kind, remove.key);
      const model = stray && directory.get(stray.kind, stray.key);
      if (model) {
        strays++;
        // A copy under a key of its own, as someone might add a ship-to by hand in Trading Grid.
        const { updatedAt: _, correlationRef: __, ...rest } = model;
        directory.addRecord({ ...rest, key: `${model.key.slice(0, 100)}-TG-ADDED-${strays}` });
      }
    },
  };
}

/** Every key drift touched, found once it reads as xConnector's live record says and is not outstanding. */
export function tallyDrift(sims: RunningSimulators): KindTally {
  const directory = sims.tradingGrid.sim.directory;
  const drifted = directory
    .allWrites()
    .filter(([, writes]) => writes.some((w) => w.by === 'drift'))
    .map(([id]) => id);
  const want = new Map<string, string>(
    sims.xconnector.sim.referenceData
      .liveRecords()
      .map((r) => [`${r.kind}:${r.key}`, canonicalJson(r.data)] as const),
  );
  const has = new Map<string, string>(
    directory.all().map((r) => [`${r.kind}:${r.key}`, canonicalJson(r.data)] as const),
  );
  const outstanding = new Set(directory.driftOutstanding());
  return tally(
    drifted.map((id) => `${id} repaired`),
    drifted
      .filter((id) => !outstanding.has(id) && want.get(id) === has.get(id))
      .map((id) => `${id} repaired`),
  );
}
