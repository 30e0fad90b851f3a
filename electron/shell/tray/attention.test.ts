// The tray's count against a real SQLite store: the cases and transactions are written to the engine's
// database file, then read the way the tray reads them (engine → desk service → `cases:counts` and
// `transactions:failed`). A closed case whose SLA ended breached is history, not something to do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/store.ts';
import { createEngine, STORE_FILE, type Engine } from '../../engine/engine.ts';
import { createDeskService } from '../../service/deskService.ts';
import { memoryCredentialSource } from '../../connectors/credentialSource.ts';
import { silentLogger } from '../../logging/logger.ts';
import type { SlaState } from '../../store/sla.ts';
import type { Transaction } from '../../../shared/domain/transaction.ts';
import type { EngineSettingsInput } from '../../../shared/config/engineSettings.ts';
import { readAttention, type Invoke } from './attention.ts';

let dir: string;
let engine: Engine | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pd-tray-'));
});
afterEach(async () => {
  await engine?.close();
  engine = null;
  rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 0, 5, 10, 0);

function addCase(store: Store, id: string, status: string, sla: SlaState): void {
  store.cases.open(
    {
      id,
      origin: 'exception',
      partnerId: 'P-1',
      communityId: null,
      exceptionId: `EX-${id}`,
      title: `Case ${id}`,
      type: 'SHIPMENT_EXCEPTION',
      status,
      priority: 'medium',
      payload: {},
      searchText: id,
    },
    T0,
  );
  store.sla.setCaseSla(id, sla, sla === 'met' ? null : T0 + 3_600_000);
}

function addTransaction(store: Store, id: string, status: Transaction['status']): void {
  store.transactions.upsert(
    {
      id,
      partnerId: 'P-1',
      standard: 'X12',
      documentType: '810',
      direction: 'outbound',
      controlNumber: id,
      status,
      rawStatus: status.toUpperCase(),
      updatedAt: new Date(T0).toISOString(),
    } as Transaction,
    [],
    null,
  );
}

/** The tray's view of the data folder: the same calls the shell makes through the engine's process. */
function trayInvoke(sla?: EngineSettingsInput['sla']): Invoke {
  engine = createEngine({
    dataDir: dir,
    settings: {
      // Never contacted: the engine is not started, the tray only reads the store.
      xconnector: { baseUrl: 'http://127.0.0.1:9' },
      tradingGrid: { baseUrl: 'http://127.0.0.1:9', clientId: 'desk' },
      ...(sla ? { sla } : {}),
    },
    credentials: memoryCredentialSource({}),
    notifier: { notify: async () => {} },
    logger: silentLogger(),
  });
  const refuse = () => Promise.reject(new Error('not used by the tray'));
  const service = createDeskService({
    engine,
    appInfo: { version: '0.0.0', mode: 'demo', platform: process.platform },
    settings: { view: refuse, update: refuse },
    credentials: { set: refuse },
    emit: () => {},
  });
  return (channel, args) => service.invoke(channel, args);
}

describe('tray: the count of what needs attention', () => {
  it('counts failed transactions and the SLA warnings and breaches of open cases only', async () => {
    const store = openStore(join(dir, STORE_FILE));
    addCase(store, 'C-1', 'open', 'warning');
    addCase(store, 'C-2', 'in_progress', 'breached');
    addCase(store, 'C-3', 'waiting_on_partner', 'paused');
    addCase(store, 'C-4', 'open', 'ok');
    // Closed after their SLA went wrong: they keep the state, the tray forgets them.
    addCase(store, 'C-5', 'resolved', 'breached');
    addCase(store, 'C-6', 'closed', 'breached');
    addCase(store, 'C-7', 'closed', 'met');
    addTransaction(store, 'T-1', 'failed');
    addTransaction(store, 'T-2', 'rejected');
    addTransaction(store, 'T-3', 'accepted');
    store.close();

    const invoke = trayInvoke();
    expect(await readAttention(invoke)).toEqual({
      failedTransactions: 2,
      slaWarnings: 1,
      slaBreaches: 1,
      total: 4,
    });
    // The inbox's filter chips still count every case, closed ones included.
    const counts = (await invoke('cases:counts', {})) as { bySlaState: Record<string, number> };
    expect(counts.bySlaState.breached).toBe(3);
  });

  it('takes "closed" from the SLA settings’ resolved statuses', async () => {
    const store = openStore(join(dir, STORE_FILE));
    addCase(store, 'C-1', 'open', 'breached');
    addCase(store, 'C-2', 'cancelled', 'breached');
    addCase(store, 'C-3', 'resolved', 'warning');
    store.close();

    const invoke = trayInvoke({ resolvedStatuses: ['cancelled'] });
    expect(await readAttention(invoke)).toEqual({
      failedTransactions: 0,
      slaWarnings: 1,
      slaBreaches: 1,
      total: 2,
    });
  });

  it('is zero for an empty desk', async () => {
    openStore(join(dir, STORE_FILE)).close();
    expect((await readAttention(trayInvoke())).total).toBe(0);
  });
});
