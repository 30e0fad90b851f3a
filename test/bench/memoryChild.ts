// The engine whose memory memoryUse.ts measures, alone in its own process (as it runs in the app's
// utility process): it opens its store, runs a poll cycle against the simulators and then an idle one,
// answers the inbox's first calls, and reports its memory after a full garbage collection.
import type { InboxDeskOptions } from './inboxDesk.ts';
import { openInboxDesk } from './inboxDesk.ts';

export interface MemoryChildRequest {
  dataDir: string;
  systems: NonNullable<InboxDeskOptions['systems']>;
}

export interface MemoryChildReport {
  cases: number;
  rssMb: number;
  heapUsedMb: number;
  /** Highest RSS the process reached, opening and queries included. */
  peakRssMb: number;
  idleItemsRead: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

async function measure(request: MemoryChildRequest): Promise<MemoryChildReport> {
  const desk = openInboxDesk({ dataDir: request.dataDir, systems: request.systems });
  try {
    const first = await desk.engine.syncNow();
    if (first.errors.length > 0) throw new Error(first.errors.map((e) => e.message).join(' '));
    const idle = await desk.engine.syncNow();
    await desk.service.invoke('cases:list', { limit: 100 });
    await desk.service.invoke('cases:counts', {});
    const counts = (await desk.service.invoke('cases:counts', {})) as { total: number };
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('memoryChild needs --expose-gc');
    gc();
    const m = process.memoryUsage();
    return {
      cases: counts.total,
      rssMb: mb(m.rss),
      heapUsedMb: mb(m.heapUsed),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      idleItemsRead: idle.itemsRead,
    };
  } finally {
    await desk.close();
  }
}

process.once('message', (request: MemoryChildRequest) => {
  measure(request).then(
    (report) => process.send!({ ok: true, report }, () => process.exit(0)),
    (error: unknown) =>
      process.send!({ ok: false, message: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      ),
  );
});
