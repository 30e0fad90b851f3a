// The sync engine: one object built from injected adapters (clock, store path, credential source,
// settings, notifier), so the Electron shell, the tests, the benchmarks and the headless demo build it
// alike. It never imports electron. This file assembles the public API from the engine's parts
// (engineParts.ts), its background loops (syncLoops.ts), syncs on request (foregroundSync.ts) and the
// sections the window reads and acts through.
import { assembleEngineParts } from './engineParts.ts';
import { createFeedCycle } from './feedCycle.ts';
import { createSyncLoops } from './syncLoops.ts';
import { createForegroundSync } from './foregroundSync.ts';
import { createOutboxSection } from './outboxSection.ts';
import { createDeskViews } from './deskViews.ts';
import { replyToPartner } from '../flows/caseSyncReply.ts';
import type { EngineOptions } from './engineOptions.ts';
import type { SystemHealth, SystemName } from '../sync/health.ts';

export { STORE_FILE, EngineSettingsError, parseEngineSettings, type EngineOptions } from './engineOptions.ts';
export type { CycleReport } from './feedCycle.ts';

export function createEngine(options: EngineOptions) {
  const parts = assembleEngineParts(options);
  const { events, settings, now, stats, store, ports, health, unit, documents, partnerFiles } = parts;
  const cycle = createFeedCycle(parts);
  const loops = createSyncLoops(parts, cycle);

  return {
    events,
    on: events.on.bind(events),
    settings,
    ...loops,
    ...createForegroundSync(parts, cycle),
    stats: () => stats.snapshot(),
    async testConnection(system: SystemName): Promise<{ ok: true } | { ok: false; message: string }> {
      const r = await (system === 'xconnector' ? ports.xconnector : ports.tradingGrid).testConnection();
      if (r.ok) {
        health.success(system, now());
        return { ok: true };
      }
      return { ok: false, message: r.error.message };
    },
    health: (): SystemHealth[] => health.all(),
    credentialsChanged(system: SystemName): void {
      (system === 'xconnector' ? ports.xconnector : ports.tradingGrid).forgetCredentials();
      health.credentialsChanged(system);
      parts.pollWaker.wake();
      parts.outboxWaker.wake();
    },
    outbox: createOutboxSection(parts),
    ...createDeskViews(parts),
    /** A desk reply: a comment to the partner on the case's Trading Grid issue, through the outbox (flow 7). */
    replyToPartner: (caseId: string, text: string) => replyToPartner(unit, caseId, text),
    /** Flow 8: one case's SLA clock (countdown, escalation level) and the SLA settings in force. */
    sla: parts.sla.api,
    /** Flow 6: reference data pushed to Trading Grid's directory, and its full reconcile. */
    referenceData: parts.referenceData.api,
    /** Flow 2: files dropped on a case, and each case's documents with their upload state. */
    documents: documents.api,
    /**
     * What an error met while serving the window says about the database (damaged, full, unwritable) as
     * a StorageError that says what to do, also shown on the health view; null when it says nothing.
     */
    storageProblem: parts.noteStorageProblem,
    /** Resolves once the spool sweeps asked for so far have run. */
    spoolSwept: () => parts.spoolSweeper.settled(),
    /** Stops the loops and closes connections and the database. */
    async close(): Promise<void> {
      documents.transfer.halt();
      partnerFiles.halt();
      await this.stop();
      await Promise.allSettled([
        ports.xconnector.close(),
        ports.tradingGrid.close(),
        ports.documents.close(),
      ]);
      await parts.spoolSweeper.close();
      store.close();
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
