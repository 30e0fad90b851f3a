// Flow 6 over real HTTP against both simulators: xConnector's reference data (partner IDs, ship-to
// locations, item codes, contacts) is mirrored in Trading Grid's directory — only what changed is
// written, deletes included — and the full reconcile finds and repairs drift, whatever the faults.
import { afterEach, describe, expect, it } from 'vitest';
import { engineSettingsFor, startDesk, type TestDesk } from '../support/desk.ts';
import { systemClock } from '../../electron/engine/clock.ts';
import { contentHash } from '../../electron/referenceData/contentHash.ts';
import type { ReconcileReport } from '../../electron/referenceData/reconcileReport.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';
import type { StartSimulatorsOptions } from '../../electron/simulators/index.ts';
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

/** A world with reference data and little else, so these tests watch flow 6 alone. */
const QUIET_WORLD: StartSimulatorsOptions = { exceptions: 0, transactions: 0 };

async function start(o: { sim?: StartSimulatorsOptions; settings?: Partial<EngineSettingsInput> } = {}) {
  return startDesk({ sim: { ...QUIET_WORLD, ...o.sim }, ...(o.settings ? { settings: o.settings } : {}) });
}

const xc = (d: TestDesk) => d.sims.xconnector.sim.referenceData;
const tg = (d: TestDesk) => d.sims.tradingGrid.sim.directory;

async function sync(d: TestDesk, timeoutMs = 30_000) {
  const result = await d.engine.runUntilIdle({ timeoutMs });
  expect(result.idle, 'the engine synced everything before the time-out').toBe(true);
  return result;
}

/**
 * Syncs until no system is backing off: runUntilIdle does not wait for a system it is backing off
 * from, so under faults a feed may still hold unread changes when it returns.
 */
async function syncThroughFaults(d: TestDesk) {
  for (let i = 0; i < 50; i++) {
    await sync(d, 60_000);
    const until = Math.max(0, ...d.engine.health().map((h) => h.backoffUntil ?? 0));
    if (until <= Date.now()) return;
    await new Promise((r) => setTimeout(r, until - Date.now() + 10));
  }
  throw new Error('a system kept failing');
}

/** Trading Grid's directory holds exactly xConnector's live records, each as we would write it now. */
function expectDirectoryMirrorsXConnector(d: TestDesk) {
  const codes = new Map(d.sims.scenario.partners.map((p) => [p.id, p.partnerCode]));
  const live = xc(d).liveRecords();
  expect(live.length, 'the seeded world has a few hundred records').toBeGreaterThan(100);
  expect(tg(d).size).toBe(live.length);
  for (const r of live) {
    const held = tg(d).get(r.kind, r.key);
    expect(held, `${r.kind} ${r.key} is in the directory`).toBeDefined();
    const partnerCode = codes.get(r.partnerId)!;
    expect(held!.data).toEqual(r.data);
    expect(held!.partnerCode).toBe(partnerCode);
    expect(held!.correlationRef).toBe(`pd:ref:${r.kind}:${r.key}`);
    expect(held!.contentHash).toBe(contentHash({ kind: r.kind, key: r.key, partnerCode, data: r.data }));
  }
}

/**
 * No version of a record was applied to Trading Grid's directory twice: between two writes of the same
 * content there must have been a delete, or drift (an edit or delete on the Trading Grid side) that
 * made a repair necessary.
 */
function expectNoVersionAppliedTwice(d: TestDesk) {
  for (const [id, writes] of tg(d).allWrites()) {
    const applied = new Set<string>();
    for (const w of writes) {
      if (w.by === 'drift' || w.op === 'delete') {
        applied.clear();
        continue;
      }
      expect(applied.has(w.contentHash ?? ''), `${id} got the same version twice`).toBe(false);
      applied.add(w.contentHash ?? '');
    }
  }
}

describe('flow 6: reference data', () => {
  it('pushes every record once on the first run, carrying our correlation reference and content hash', async () => {
    desk = await start();
    const result = await sync(desk);
    const live = xc(desk).liveRecords();
    expectDirectoryMirrorsXConnector(desk);
    const kinds = new Set(live.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['contact', 'item', 'partnerId', 'shipTo']);
    expect(tg(desk).stats()).toMatchObject({ upserts: live.length, unchangedUpserts: 0, deletes: 0 });
    expect(result.stats.referenceRecordsPushed).toBe(live.length);
    expect(desk.engine.referenceData.counts()).toMatchObject({ live: live.length, inSync: live.length });
  });

  it('pushes only the records that changed, and nothing for a record sent again unchanged', async () => {
    desk = await start();
    await sync(desk);
    const before = tg(desk).stats();
    const activity = xc(desk).generateActivity({ changes: 6, adds: 3, resends: 12 });
    expect(activity.resent).toHaveLength(12);
    const changed = new Set([...activity.changed, ...activity.added]);

    const result = await sync(desk);
    const after = tg(desk).stats();
    expect(after.upsertCalls - before.upsertCalls, 'one write per changed or added record').toBe(
      changed.size,
    );
    expect(after.upserts - before.upserts).toBe(changed.size);
    expect(result.stats.referenceRecordsPushed - before.upserts).toBe(changed.size);
    expectDirectoryMirrorsXConnector(desk);

    // An idle cycle reads one empty page of the feed and writes nothing.
    const idle = await desk.engine.syncNow();
    expect(idle.itemsRead).toBe(0);
    expect(tg(desk).stats().upsertCalls).toBe(after.upsertCalls);
  });

  it('propagates a delete, and never writes a record that was added and deleted between two polls', async () => {
    desk = await start();
    await sync(desk);
    const [a, b] = xc(desk).liveRecords();
    xc(desk).delete(a!.kind, a!.key);
    xc(desk).delete(b!.kind, b!.key);
    const fleeting = xc(desk).add();
    xc(desk).delete(fleeting.kind, fleeting.key);
    const before = tg(desk).stats();

    await sync(desk);
    const after = tg(desk).stats();
    expect(tg(desk).get(a!.kind, a!.key)).toBeUndefined();
    expect(tg(desk).get(b!.kind, b!.key)).toBeUndefined();
    expect(after.deletes - before.deletes).toBe(2);
    expect(after.deleteCalls - before.deleteCalls, 'nothing sent for the fleeting record').toBe(2);
    expect(after.upsertCalls).toBe(before.upsertCalls);
    expectDirectoryMirrorsXConnector(desk);

    // A delete sent again writes nothing; a record created again under the same key is written again.
    xc(desk).resend(a!.kind, a!.key);
    await sync(desk);
    expect(tg(desk).stats()).toMatchObject({
      upsertCalls: after.upsertCalls,
      deleteCalls: after.deleteCalls,
    });
    xc(desk).restore(a!.kind, a!.key);
    await sync(desk);
    expect(tg(desk).stats().upserts).toBe(after.upserts + 1);
    expectDirectoryMirrorsXConnector(desk);
  });

  it('repairs drift found by the full reconcile and reports it per kind, with the keys', async () => {
    desk = await start();
    await sync(desk);
    const dir = tg(desk);
    const live = xc(desk).liveRecords();
    const [e1, e2, d1, d2, gone] = live;
    dir.editRecord(e1!.kind, e1!.key);
    dir.editRecord(e2!.kind, e2!.key);
    dir.deleteRecord(d1!.kind, d1!.key);
    dir.deleteRecord(d2!.kind, d2!.key);
    // xConnector deletes a record; after it is gone from Trading Grid someone puts it back there.
    xc(desk).delete(gone!.kind, gone!.key);
    await sync(desk);
    dir.addRecord({
      kind: gone!.kind,
      key: gone!.key,
      partnerCode: 'RESURRECTED',
      data: { note: 'by hand' },
    });
    dir.addRecord({
      kind: 'item',
      key: 'ITM-NOBODY-00001',
      partnerCode: 'NOBODY',
      data: { description: 'x' },
    });

    const heard: ReconcileReport[] = [];
    desk.engine.on('referenceReconciled', (r) => heard.push(r));
    const report = await desk.engine.referenceData.reconcileNow();
    expect(report.outcome).toBe('done');
    expect(heard).toEqual([report]);
    expect(report.repaired.byReason).toEqual({
      editedInTradingGrid: 2,
      deletedInTradingGrid: 2,
      deletedInXConnector: 1,
      unknownToXConnector: 1,
    });
    expect(report.repaired.total).toBe(6);
    const byKind = Object.values(report.repaired.byKind).reduce((a, b) => a + b, 0);
    expect(byKind).toBe(6);
    expect(report.repaired.keys).toEqual(
      expect.arrayContaining([
        { kind: e1!.kind, key: e1!.key, reason: 'editedInTradingGrid' },
        { kind: d1!.kind, key: d1!.key, reason: 'deletedInTradingGrid' },
        { kind: gone!.kind, key: gone!.key, reason: 'deletedInXConnector' },
        { kind: 'item', key: 'ITM-NOBODY-00001', reason: 'unknownToXConnector' },
      ]),
    );
    expect(report.inSync).toBe(live.length - 5);

    const result = await sync(desk);
    expect(result.stats.referenceRecordsRepaired).toBe(6);
    expect(dir.stats()).toMatchObject({ driftRepaired: 6, driftOutstanding: 0 });
    expectDirectoryMirrorsXConnector(desk);
    expect(desk.engine.referenceData.lastReconcile()).toEqual(report);

    // Nothing drifted since: the next reconcile repairs nothing.
    const second = await desk.engine.referenceData.reconcileNow();
    expect(second.repaired.total).toBe(0);
    expect(second.inSync).toBe(xc(desk).liveRecords().length);
  });

  it('only reports records xConnector does not have when strayRecords is "report"', async () => {
    desk = await start({ settings: { referenceData: { strayRecords: 'report' } } });
    await sync(desk);
    tg(desk).addRecord({ kind: 'contact', key: 'CT-NOBODY-01', partnerCode: 'NOBODY', data: {} });
    const report = await desk.engine.referenceData.reconcileNow();
    expect(report.repaired.total).toBe(0);
    expect(report.reportedOnly.keys).toEqual([
      { kind: 'contact', key: 'CT-NOBODY-01', reason: 'unknownToXConnector' },
    ]);
    await sync(desk);
    expect(tg(desk).get('contact', 'CT-NOBODY-01')).toBeDefined();
  });

  it('reads the directory page by page', async () => {
    desk = await start({ settings: { referenceData: { reconcilePageSize: 25 } } });
    await sync(desk);
    const requests = () => desk!.sims.tradingGrid.sim.stats().requests['tg.listDirectory'] ?? 0;
    const before = requests();
    const report = await desk.engine.referenceData.reconcileNow();
    const n = xc(desk).liveRecords().length;
    expect(report.pagesRead).toBe(Math.ceil(n / 25));
    expect(requests() - before).toBe(report.pagesRead);
    expect(report.recordsCompared).toBe(n);
  });

  it('reconciles on its own every reconcileIntervalMs while the engine runs', async () => {
    desk = await start({ settings: { referenceData: { reconcileIntervalMs: 1_000 } } });
    await sync(desk);
    const [victim] = xc(desk).liveRecords();
    tg(desk).deleteRecord(victim!.kind, victim!.key);
    const repaired = new Promise<ReconcileReport>((resolve) =>
      desk!.engine.on('referenceReconciled', (r) => {
        if (r.repaired.total > 0) resolve(r);
      }),
    );
    desk.engine.start();
    const report = await repaired;
    expect(report.repaired.keys).toEqual([
      { kind: victim!.kind, key: victim!.key, reason: 'deletedInTradingGrid' },
    ]);
    await expect.poll(() => tg(desk!).get(victim!.kind, victim!.key), { timeout: 10_000 }).toBeDefined();
    await desk.engine.stop();
  });

  it('counts the first reconcile from the first start on the data file, so restarts do not put it off', async () => {
    const HOUR = 3_600_000;
    let offset = 0;
    const clock = { now: () => Date.now() + offset, sleep: systemClock.sleep };
    desk = await startDesk({
      sim: QUIET_WORLD,
      clock,
      settings: { referenceData: { reconcileIntervalMs: 6 * HOUR } },
    });
    await sync(desk);
    expect(desk.engine.referenceData.lastReconcile()).toBeNull();

    // A desk that runs four hours a day: each day's engine is younger than the interval.
    offset += 4 * HOUR;
    await desk.restart();
    await sync(desk);
    expect(desk.engine.referenceData.lastReconcile(), 'four hours after the first start').toBeNull();
    offset += 4 * HOUR;
    await desk.restart();
    await sync(desk);
    expect(desk.engine.referenceData.lastReconcile()?.recordsCompared).toBe(xc(desk).liveRecords().length);
  });

  it('quarantines malformed records with a clear reason and pushes the rest', async () => {
    desk = await start();
    const partnerId = desk.sims.scenario.partners[0]!.id;
    const updatedAt = new Date().toISOString();
    xc(desk).injectRaw({
      kind: 'item',
      key: 'ITM-BROKEN-1',
      partnerId,
      updatedAt,
      data: { description: 'Widget', unitOfMeasure: 'each' },
    });
    xc(desk).injectRaw({ kind: 'shipTo', key: '../../etc/passwd', partnerId, updatedAt, data: {} });
    xc(desk).injectRaw('not a record');
    await sync(desk);
    const malformed = desk.engine.quarantine.open({ reasonKind: 'malformed' });
    expect(malformed).toHaveLength(3);
    expect(malformed.find((q) => q.itemId === 'item:ITM-BROKEN-1')?.reason).toMatch(
      /^Item ITM-BROKEN-1 of partner .* is malformed and was not sent to Trading Grid: .*data\.unitOfMeasure/,
    );
    expect(malformed.some((q) => /Ship-to location \.\.\/\.\.\/etc\/passwd .*key/.test(q.reason))).toBe(true);
    expect(malformed.some((q) => /instead of an object/.test(q.reason))).toBe(true);
    expectDirectoryMirrorsXConnector(desk);
  });

  it('holds back records of a partner xConnector does not list, and pushes their latest version once it does', async () => {
    desk = await start();
    await sync(desk);
    const orphan = xc(desk).addForUnknownPartner();
    await sync(desk);
    const held = desk.engine.quarantine.open({ reasonKind: 'unknown_partner' });
    expect(held).toHaveLength(1);
    expect(held[0]!.reason).toMatch(
      new RegExp(
        `Reference record ${orphan.kind} ${orphan.key} was not sent to Trading Grid: xConnector names no partner "${orphan.partnerId}"`,
      ),
    );
    expect(tg(desk).get(orphan.kind, orphan.key)).toBeUndefined();

    // The record changes while held; then the partner turns up in xConnector's partner list.
    const latest = xc(desk).change(orphan.kind, orphan.key)!;
    await sync(desk);
    const sims = desk.sims;
    const partner = sims.xconnector.sim.state.addPartner();
    sims.xconnector.sim.state.partners.put(orphan.partnerId, { ...partner, id: orphan.partnerId });
    await sync(desk);
    expect(desk.engine.quarantine.open({ reasonKind: 'unknown_partner' })).toHaveLength(0);
    const pushed = tg(desk).get(orphan.kind, orphan.key);
    expect(pushed?.data).toEqual(latest.data);
    expect(pushed?.partnerCode).toBe(partner.partnerCode);
    expect(tg(desk).writesFor(orphan.kind, orphan.key)).toHaveLength(1);
  });

  for (const honourIdempotencyKeys of [true, false]) {
    it(`loses no update and applies none twice under 5xx, 429, resets and lost responses (idempotency keys ${honourIdempotencyKeys ? 'honoured' : 'ignored'})`, async () => {
      const tgFaults: FaultConfig = {
        'tg.putDirectoryRecord': {
          errorRate: 0.04,
          errorStatuses: [500, 502, 503],
          throttleRate: 0.04,
          retryAfterSeconds: 0,
          resetRate: 0.03,
          lostResponseRate: 0.1,
        },
        'tg.deleteDirectoryRecord': { errorRate: 0.1, resetRate: 0.1, lostResponseRate: 0.2 },
        'tg.getDirectoryRecord': { errorRate: 0.1 },
        'tg.listDirectory': { errorRate: 0.2, retryAfterSeconds: 0 },
      };
      const xcFaults: FaultConfig = { 'xc.referenceDataFeed': { errorRate: 0.2, resetRate: 0.1 } };
      desk = await start({
        sim: { honourIdempotencyKeys, faults: { tradingGrid: tgFaults, xconnector: xcFaults } },
      });
      // No retries inside the Trading Grid client: every failed write goes back to the outbox, which
      // must read the record before writing it again.
      const base = engineSettingsFor(desk.sims);
      await desk.restart({
        tradingGrid: { ...base.tradingGrid, http: { maxRetries: 0, backoffBaseMs: 5, backoffMaxMs: 20 } },
      });

      await syncThroughFaults(desk);
      xc(desk).generateActivity({ changes: 25, deletes: 10, adds: 10, resends: 20 });
      await syncThroughFaults(desk);
      tg(desk).randomDrift({ edits: 5, deletes: 5 });
      let report = await desk.engine.referenceData.reconcileNow();
      // A reconcile interrupted by a fault stops with a reason; the next one finishes the job.
      for (let i = 0; i < 30 && report.outcome === 'failed'; i++) {
        expect(report.error).toBeTruthy();
        await new Promise((r) => setTimeout(r, 300));
        report = await desk.engine.referenceData.reconcileNow();
      }
      expect(report.outcome).toBe('done');
      const final = await sync(desk, 60_000);

      const faults = desk.sims.tradingGrid.sim.stats().faults;
      expect(
        faults.lostResponse['tg.putDirectoryRecord'] ?? 0,
        'lost responses were injected',
      ).toBeGreaterThan(0);
      expect(faults.reset['tg.putDirectoryRecord'] ?? 0, 'resets were injected').toBeGreaterThan(0);
      expect(faults.throttle['tg.putDirectoryRecord'] ?? 0, '429s were injected').toBeGreaterThan(0);
      expect(final.stats.recoveredByLookup, 'writes found applied after a lost response').toBeGreaterThan(0);
      expectDirectoryMirrorsXConnector(desk);
      expectNoVersionAppliedTwice(desk);
      expect(tg(desk).stats().driftOutstanding).toBe(0);
      expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    });
  }

  it('pushes every change exactly once across restarts, even when stopped in the middle of pushing', async () => {
    desk = await start({
      sim: {
        faults: {
          tradingGrid: { 'tg.putDirectoryRecord': { latencyMs: { min: 2, max: 10 }, lostResponseRate: 0.1 } },
        },
      },
    });
    desk.engine.start();
    await expect.poll(() => tg(desk!).size, { timeout: 20_000, interval: 5 }).toBeGreaterThan(20);
    await desk.restart();
    xc(desk).generateActivity({ changes: 10, deletes: 5 });
    desk.engine.start();
    await expect.poll(() => tg(desk!).stats().deletes, { timeout: 20_000, interval: 5 }).toBeGreaterThan(0);
    await desk.restart();
    await sync(desk);
    expectDirectoryMirrorsXConnector(desk);
    expectNoVersionAppliedTwice(desk);

    const upserts = tg(desk).stats().upsertCalls;
    await desk.restart();
    const again = await sync(desk);
    expect(again.stats.referenceRecordsPushed, 'a restart pushes nothing that was pushed').toBe(0);
    expect(tg(desk).stats().upsertCalls).toBe(upserts);
  });
});
