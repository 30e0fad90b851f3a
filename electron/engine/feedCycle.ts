// One read of the remote change feeds: every feed of the given systems read to its end, directory feeds
// first, with quarantined items released when their cause may be gone. Remembers when each system was
// last read, so the poll loop knows which system falls due next.
import { pollFeed } from '../sync/feedPoller.ts';
import { feedFlows } from './flowRegistry.ts';
import { releaseQuarantined } from './quarantineRelease.ts';
import type { SystemName } from '../sync/health.ts';
import type { EngineParts } from './engineParts.ts';

export interface CycleReport {
  itemsRead: number;
  errors: { feed: string; message: string }[];
  /** Feeds not read because their system is backing off after a failure: not read to their end. */
  deferred: number;
}

const SYSTEMS: readonly SystemName[] = ['xconnector', 'trading-grid'];

export function createFeedCycle(
  parts: Pick<EngineParts, 'store' | 'ports' | 'unit' | 'health' | 'now' | 'settings' | 'logger' | 'stats'>,
) {
  const { store, ports, unit, health, now, settings, logger, stats } = parts;
  const flows = [...feedFlows].sort((a, b) => a.order - b.order);
  const lastPollAt = new Map<SystemName, number>();
  const interval: Record<SystemName, number> = {
    xconnector: settings.poll.xconnectorIntervalMs,
    'trading-grid': settings.poll.tradingGridIntervalMs,
  };
  // Unmapped statuses are tried again once per engine: the mappings are fixed for its lifetime.
  let mappingsReleased = false;

  const nextPollAt = (s: SystemName) => (lastPollAt.get(s) ?? 0) + interval[s];

  /** Reads every feed of the given systems to its end, directory feeds first. */
  async function pollSystems(systems: SystemName[], signal?: AbortSignal): Promise<CycleReport> {
    const report: CycleReport = { itemsRead: 0, errors: [], deferred: 0 };
    // Before reading: a released step is queued ahead of the transitions that arrived after it.
    if (!mappingsReleased) {
      mappingsReleased = true;
      releaseQuarantined(store, unit, flows, 'unmapped_status', logger);
    }
    let directoryChanged = false;
    for (const flow of flows) {
      if (!systems.includes(flow.system)) continue;
      for (;;) {
        const outcome = await pollFeed(flow, {
          store,
          ports,
          unit,
          health,
          now,
          pageSize: settings.poll.pageSize,
          logger,
          signal,
        });
        report.itemsRead += outcome.items;
        if (flow.order === 0 && outcome.items > 0) directoryChanged = true;
        if (outcome.error) report.errors.push({ feed: flow.feed, message: outcome.error.message });
        if (!outcome.attempted) report.deferred++;
        // pollFeed stops after a bounded number of pages; go on while it still finds a backlog.
        if (outcome.error || !outcome.attempted || outcome.pages < 50 || signal?.aborted) break;
      }
    }
    for (const s of systems) lastPollAt.set(s, now());
    stats.itemsRead(report.itemsRead);
    if (directoryChanged) releaseQuarantined(store, unit, flows, 'unknown_partner', logger);
    return report;
  }

  return {
    pollSystems,
    /** The systems whose poll interval has ended at `t`. */
    dueAt: (t: number): SystemName[] => SYSTEMS.filter((s) => t >= nextPollAt(s)),
    /** When the first system falls due again. */
    nextDueAt: (): number => Math.min(...SYSTEMS.map(nextPollAt)),
  };
}

export type FeedCycle = ReturnType<typeof createFeedCycle>;
