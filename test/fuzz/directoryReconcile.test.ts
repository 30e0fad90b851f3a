// Trading Grid's reference-data directory is loose on purpose (people edit it on their side), so the
// reconcile reads whatever records it finds there. Hostile records (wrong types, huge values, prototype
// keys, fields missing) never break a reconcile: unreadable ones are counted and left alone,
// readable strays are removed once, and every write the reconcile starts is delivered.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { hostileVariantOf, prototypesClean } from './hostileJson.ts';
import { responseSamples } from './responseSamples.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await startDesk({ sim: { partners: 2, exceptions: 1, transactions: 1 } });
  await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
}, 120_000);
afterAll(() => desk?.close());

const validRecord = responseSamples['tg.getDirectoryRecord'] as Record<string, unknown>;

describe('bad input: hostile records in the Trading Grid directory', () => {
  it('a reconcile reads them without failing, and leaves no write undelivered', async () => {
    let serial = 0;
    const record = fc.constant(null).chain(() => {
      serial++;
      return hostileVariantOf({ ...validRecord, key: `STRAY-${serial}` });
    });
    // The simulator's directory holds objects (it files them by kind and key); anything may be inside.
    const records = fc.array(
      record.filter((r) => typeof r === 'object' && r !== null && !Array.isArray(r)),
      { minLength: 1, maxLength: 3 },
    );
    await fc.assert(
      fc.asyncProperty(records, async (added) => {
        for (const r of added) desk.sims.tradingGrid.sim.directory.addRecord(r as never);
        const report = await desk.engine.referenceData.reconcileNow();
        expect(report).toMatchObject({ unreadable: expect.any(Number) });
        await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
        expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
        expect(prototypesClean()).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
