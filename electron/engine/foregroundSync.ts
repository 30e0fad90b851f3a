// Syncing on request rather than on the loops' schedule: "Sync now" runs one full cycle, and
// runUntilIdle (`npm run demo -- --once`, the tests) cycles until the backlog is synced.
import type { RunStats } from './runStats.ts';
import type { EngineParts } from './engineParts.ts';
import type { CycleReport, FeedCycle } from './feedCycle.ts';

type ForegroundParts = Pick<
  EngineParts,
  'clock' | 'now' | 'store' | 'stats' | 'sla' | 'referenceData' | 'delivery' | 'publishOutboxCounts'
>;

export function createForegroundSync(parts: ForegroundParts, cycle: FeedCycle) {
  const { clock, now, store, stats, sla, referenceData, delivery, publishOutboxCounts } = parts;
  return {
    /** One full cycle now: read every feed to its end, then deliver everything due. */
    async syncNow(): Promise<CycleReport> {
      const report = await cycle.pollSystems(['xconnector', 'trading-grid']);
      await sla.tick();
      await delivery.drain();
      publishOutboxCounts();
      return report;
    },
    /**
     * Runs until the current backlog is synced: feeds read to their end and the outbox holding nothing
     * but dead letters. Used by `npm run demo -- --once` and by tests.
     */
    async runUntilIdle(opts: { timeoutMs?: number } = {}): Promise<{ idle: boolean; stats: RunStats }> {
      const deadline = now() + (opts.timeoutMs ?? 120_000);
      while (now() < deadline) {
        const report = await cycle.pollSystems(['xconnector', 'trading-grid']);
        await referenceData.runIfDue();
        await sla.tick();
        const attempted = await delivery.drain();
        const pending = store.outbox.counts().pending;
        const read = report.errors.length === 0 && report.deferred === 0;
        if (report.itemsRead === 0 && attempted === 0 && pending === 0 && read) {
          publishOutboxCounts();
          return { idle: true, stats: stats.snapshot() };
        }
        // Items read that asked for no write (echoes of our own writes): poll again at once to confirm idle.
        const settled = report.itemsRead > 0 && pending === 0 && read;
        if (attempted === 0 && !settled) {
          const nextDue = store.outbox.nextDueAt();
          const wait = nextDue === null ? 200 : Math.max(10, Math.min(nextDue - now(), 5_000));
          await clock.sleep(Math.min(wait, Math.max(0, deadline - now())));
        }
      }
      publishOutboxCounts();
      return { idle: false, stats: stats.snapshot() };
    },
  };
}
