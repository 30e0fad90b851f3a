// Test-control endpoints under /__test/: what an end-to-end spec needs to make something happen in the
// remote systems (a transaction fails, a write keeps failing) and to check what they hold afterwards
// (alerts, attachments, notification requests). Never part of the product; bodies are validated anyway
// so a typo in a spec fails loudly instead of doing something else.
import { z } from 'zod';
import { FaultConfig } from '../../../electron/simulators/faults.ts';
import type { DeadLetterDto, FailedTransactionDto } from '../../../shared/ipc/dto.ts';
import type { EventStream } from './eventStream.ts';
import type { World, WorldOptions } from './bridgeWorld.ts';

export class TestControlError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const Count = z.number().int().min(1).max(50);
const ResetBody = z
  .object({
    seed: z.number().int().min(0).optional(),
    partners: z.number().int().min(1).max(200).optional(),
    exceptions: z.number().int().min(0).max(20_000).optional(),
    transactions: z.number().int().min(0).max(50_000).optional(),
    failedTransactionShare: z.number().min(0).max(1).optional(),
    unknownPartnerExceptions: z.number().int().min(0).max(100).optional(),
    pollIntervalMs: z.number().int().min(250).max(600_000).optional(),
    maxAttempts: z.number().int().min(1).max(100).optional(),
    attachmentMaxBytes: z.number().int().min(1).optional(),
  })
  .strict();
const FailBody = z.object({ count: Count.default(1) }).strict();
const FaultsBody = z.object({ system: z.enum(['xconnector', 'trading-grid']), faults: FaultConfig }).strict();
const NavigateBody = z.object({ target: z.string().min(1).max(512) }).strict();

export interface TestControlDeps {
  world(): Promise<World>;
  reset(options: WorldOptions): Promise<World>;
  events: EventStream;
}

type Handler = (body: unknown, query: URLSearchParams) => Promise<unknown>;

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success)
    throw new TestControlError(
      400,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new TestControlError(504, `Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function failedTransactions(w: World, ids: string[]): Promise<FailedTransactionDto[]> {
  const all = (await w.service.invoke('transactions:failed', { limit: 1000 })) as {
    items: FailedTransactionDto[];
  };
  return all.items.filter((t) => ids.includes(t.id));
}

function summary(w: World) {
  return {
    cases: w.engine.cases.count(),
    failedTransactions: w.engine.transactions.failedCount(),
    outbox: w.engine.outbox.counts(),
    quarantined: w.engine.quarantine.count(),
    notifications: w.notifications.length,
    health: w.engine.health(),
    paused: w.engine.isPaused(),
  };
}

/** What the Trading Grid simulator holds: counts, duplicates, and the attachments (of one issue if asked). */
function tradingGridHoldings(w: World, query: URLSearchParams) {
  const sim = w.sims.tradingGrid.sim;
  const correlationRef = query.get('correlationRef');
  const issueId = query.get('issueId');
  return {
    issues: sim.issues().length,
    alerts: sim.alerts().length,
    duplicates: sim.duplicates(),
    duplicateContent: sim.attachments.duplicateContent(),
    attachments: issueId ? sim.attachments.attachmentsOf(issueId) : [...sim.attachments.attachments.values()],
    ...(correlationRef === null
      ? {}
      : {
          issuesWithRef: sim.issues().filter((i) => i.correlationRef === correlationRef).length,
          alertsWithRef: sim.alerts().filter((a) => a.correlationRef === correlationRef).length,
        }),
  };
}

export function testControlRoutes(deps: TestControlDeps): Record<string, Handler> {
  return {
    'POST /__test/reset': async (body) => summary(await deps.reset(parse(ResetBody, body))),
    'GET /__test/state': async () => summary(await deps.world()),
    'GET /__test/notifications': async () => (await deps.world()).notifications,
    'GET /__test/events': async () => deps.events.sent,
    'GET /__test/trading-grid': async (_b, q) => tradingGridHoldings(await deps.world(), q),
    // xConnector reports newly failed transactions; the engine syncs them before the answer comes back.
    'POST /__test/transactions/fail': async (body) => {
      const { count } = parse(FailBody, body);
      const w = await deps.world();
      const activity = w.sims.xconnector.sim.generateActivity({ failedTransactions: count });
      await w.engine.syncNow();
      return { transactions: await failedTransactions(w, activity.failedTransactions) };
    },
    'PUT /__test/faults': async (body) => {
      const { system, faults } = parse(FaultsBody, body);
      const w = await deps.world();
      const sim = system === 'xconnector' ? w.sims.xconnector.sim : w.sims.tradingGrid.sim;
      return sim.setFaults(faults);
    },
    // Trading Grid answers every alert 500 until the fault is cleared, so the alert for a newly failed
    // transaction spends its attempts and lands on the dead-letter list.
    'POST /__test/dead-letter': async () => {
      const w = await deps.world();
      const before = new Set(w.engine.outbox.deadLetters(1000).map((d) => d.id));
      w.sims.tradingGrid.sim.setFaults({ 'tg.createAlert': { errorRate: 1, errorStatuses: [500] } });
      const activity = w.sims.xconnector.sim.generateActivity({ failedTransactions: 1 });
      const transactionId = activity.failedTransactions[0];
      if (!transactionId) throw new TestControlError(500, 'The simulator made no failed transaction.');
      await w.engine.syncNow();
      const entry = await waitFor(
        `the alert for ${transactionId} to become a dead letter`,
        () =>
          w.engine.outbox
            .deadLetters(1000)
            .find((d) => !before.has(d.id) && d.correlationRef.startsWith(`pd:txn:${transactionId}:`)),
        30_000,
      );
      const dtos = (await w.service.invoke('outbox:deadLetters', { limit: 1000 })) as DeadLetterDto[];
      return {
        transactionId,
        correlationRef: entry.correlationRef,
        deadLetter: dtos.find((d) => d.id === entry.id),
      };
    },
    'POST /__test/navigate': async (body) => {
      const { target } = parse(NavigateBody, body);
      deps.events.emit('navigate', { target });
      return { ok: true };
    },
  };
}
