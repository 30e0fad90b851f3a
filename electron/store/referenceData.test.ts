import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from './store.ts';
import { PUSHED_DELETE } from './referenceData.ts';
import { newReconcileReport } from '../referenceData/reconcileReport.ts';
import type { ReferenceRecord } from '../../shared/domain/reference.ts';

const record = (key: string, updatedAt: string, description = 'Lamp'): ReferenceRecord => ({
  kind: 'item',
  key,
  partnerId: 'PTR-1',
  deleted: false,
  updatedAt,
  data: { description, unitOfMeasure: 'EA' },
});

describe('reference data table', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pd-ref-'));
    store = openStore(join(dir, 'db.sqlite'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const refs = () => store.referenceData;

  it('keeps the newest version xConnector sent, whichever order they arrive in', () => {
    refs().recordSource(record('I-1', '2026-11-02T10:00:00+01:00', 'new'), 1);
    refs().recordSource(record('I-1', '2026-11-02T08:59:00Z', 'old'), 2);
    expect(refs().get('item', 'I-1')?.data).toMatchObject({ description: 'new' });
    refs().recordSource({ ...record('I-1', '2026-11-02T09:30:00Z'), deleted: true, data: undefined }, 3);
    const deleted = refs().get('item', 'I-1')!;
    expect(deleted.deleted).toBe(true);
    expect(deleted.data, 'the last data is kept for the desk to show').toMatchObject({ description: 'new' });
  });

  it('numbers every write of a record, so a record that changes back is still pushed', () => {
    refs().recordSource(record('I-2', '2026-11-02T09:00:00Z'), 1);
    expect(refs().markPushed('item', 'I-2', 'sha256:a', 2)).toBe(1);
    expect(refs().markPushed('item', 'I-2', 'sha256:b', 3)).toBe(2);
    expect(refs().markPushed('item', 'I-2', 'sha256:a', 4)).toBe(3);
    expect(refs().markPushed('item', 'I-3', PUSHED_DELETE, 4), 'no row, no write number').toBe(0);
  });

  it('finds the pushed live records a reconcile did not see, a page at a time in key order', () => {
    for (let i = 0; i < 7; i++) {
      refs().recordSource(record(`I-${i}`, '2026-11-02T09:00:00Z'), 1);
      refs().markPushed('item', `I-${i}`, `sha256:${i}`, 1);
    }
    refs().recordSource(record('NEVER-PUSHED', '2026-11-02T09:00:00Z'), 1);
    refs().markSeen('item', 'I-3', 5);
    const first = refs().unseenLive(5, null, 4);
    expect(first.map((r) => r.key)).toEqual(['I-0', 'I-1', 'I-2', 'I-4']);
    const rest = refs().unseenLive(5, { kind: 'item', key: 'I-4' }, 4);
    expect(rest.map((r) => r.key)).toEqual(['I-5', 'I-6']);
  });

  it('tells whether a write of a record still waits in the outbox', () => {
    expect(refs().inFlight('ref:item:I-1')).toBe(false);
    store.outbox.enqueue(
      {
        idempotencyKey: 'k',
        correlationRef: 'pd:ref:item:I-1',
        system: 'trading-grid',
        operation: 'tg.putDirectoryRecord',
        orderingKey: 'ref:item:I-1',
        payload: {},
      },
      1,
    );
    expect(refs().inFlight('ref:item:I-1')).toBe(true);
  });

  it('keeps each reconcile with its report, the last one first', () => {
    expect(refs().lastRun()).toBeUndefined();
    const id = refs().startRun(100);
    expect(refs().lastRun()).toMatchObject({ id, startedAt: 100, outcome: 'running', report: null });
    const report = { ...newReconcileReport(id, 100), finishedAt: 150 };
    refs().finishRun(report);
    expect(refs().lastRun()).toMatchObject({ id, finishedAt: 150, outcome: 'done', report });
  });
});
