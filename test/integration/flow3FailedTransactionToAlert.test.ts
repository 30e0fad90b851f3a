// Flow 3 over real HTTP: each failed or rejected transaction raises one partner alert and one desktop
// notification, with its errors decoded into plain words, exactly once under faults.
import { afterEach, describe, expect, it } from 'vitest';
import { alertsByRef, startDesk, type TestDesk } from '../support/desk.ts';
import { FAILED_STATUSES } from '../../electron/simulators/worldFactory.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const failedStatuses = new Set<string>(FAILED_STATUSES);
const failedTransactions = (d: TestDesk) =>
  d.sims.scenario.transactions.filter((t) => failedStatuses.has(t.status));
const normalised = (raw: string) => (raw.startsWith('REJECTED') ? 'rejected' : 'failed');

function expectOneAlertAndNotificationEach(d: TestDesk) {
  const failed = failedTransactions(d);
  expect(failed.length, 'the seeded world has failed transactions').toBeGreaterThan(3);
  const byRef = alertsByRef(d.sims);
  expect(d.sims.tradingGrid.sim.duplicates()).toEqual([]);
  expect(d.sims.tradingGrid.sim.alerts()).toHaveLength(failed.length);
  for (const t of failed)
    expect(byRef.get(`pd:txn:${t.id}:${normalised(t.status)}`), `alert for ${t.id}`).toHaveLength(1);
  // The desk raises other notifications too (SLA warnings and breaches of the cases): count this flow's.
  const notified = new Set(d.notifications.filter((n) => n.kind === 'transaction_failed').map((n) => n.id));
  expect(notified.size).toBe(failed.length);
  for (const t of failed) expect(notified.has(`notify:txn:${t.id}:${normalised(t.status)}`)).toBe(true);
}

describe('flow 3: failed transaction to alert', () => {
  it('raises one alert and one desktop notification per failed transaction, errors in plain words', async () => {
    desk = await startDesk({ sim: { transactions: 120, failedTransactionShare: 0.3 } });
    const result = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(result.idle).toBe(true);
    expectOneAlertAndNotificationEach(desk);

    for (const alert of desk.sims.tradingGrid.sim.alerts()) {
      expect(alert.errors.length, `alert ${alert.title} explains its errors`).toBeGreaterThan(0);
      for (const e of alert.errors) expect(e.explanation.length).toBeGreaterThan(10);
    }
    // An acknowledgment-based rejection names the segment the partner complained about.
    const withAck = failedTransactions(desk).find(
      (t) => t.acknowledgment && t.acknowledgment.type !== 'CONTRL',
    );
    expect(withAck).toBeDefined();
    const alert = desk.sims.tradingGrid.sim.alerts().find((a) => a.transactionRef.id === withAck!.id)!;
    expect(alert.message).toMatch(/Segment [A-Z0-9]{2,3}|segment/);
    expect(alert.message).not.toMatch(/undefined|\[object Object\]/);

    // The failed-transactions view holds the same decoded errors.
    const stored = desk.engine.transactions.failed(1000);
    expect(stored).toHaveLength(failedTransactions(desk).length);
    expect(stored.every((t) => t.errors.length > 0 && (t.errorSummary ?? '').length > 0)).toBe(true);
  });

  it('stays exactly-once under faults when Trading Grid ignores idempotency keys', async () => {
    desk = await startDesk({
      sim: {
        transactions: 120,
        failedTransactionShare: 0.3,
        honourIdempotencyKeys: false,
        faults: {
          tradingGrid: {
            'tg.createAlert': {
              errorRate: 0.15,
              throttleRate: 0.1,
              retryAfterSeconds: 0,
              resetRate: 0.1,
              lostResponseRate: 0.3,
            },
          },
          xconnector: { 'xc.transactionsFeed': { errorRate: 0.25 } },
        },
      },
    });
    const result = await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
    expect(result.idle).toBe(true);
    expect(desk.sims.tradingGrid.sim.stats().faults.lostResponse['tg.createAlert'] ?? 0).toBeGreaterThan(0);
    expectOneAlertAndNotificationEach(desk);
  });

  it('alerts once when a transaction in flight fails later, and not again when the feed repeats it', async () => {
    desk = await startDesk({ sim: { transactions: 40, failedTransactionShare: 0.2 } });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const alertsBefore = desk.sims.tradingGrid.sim.alerts().length;
    const activity = desk.sims.xconnector.sim.generateActivity({ failedTransactions: 2 });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.sims.tradingGrid.sim.alerts().length).toBe(alertsBefore + activity.failedTransactions.length);
    await desk.restart();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.sims.tradingGrid.sim.alerts().length).toBe(alertsBefore + activity.failedTransactions.length);
  });

  it('quarantines a transaction whose status word the mapping does not know, saying how to fix it', async () => {
    desk = await startDesk({ sim: { transactions: 10 } });
    const template = desk.sims.scenario.transactions[0]!;
    desk.sims.xconnector.sim.injectRaw('transactions', {
      ...template,
      id: 'TX-ODD',
      status: 'ON_HOLD_BY_PARTNER',
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const [entry] = desk.engine.quarantine.open({ reasonKind: 'unmapped_status' });
    expect(entry?.itemId).toBe('TX-ODD');
    expect(entry?.reason).toMatch(/ON_HOLD_BY_PARTNER.*status mapping/);
  });
});
