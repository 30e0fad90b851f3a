import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from './store.ts';
import type { NewOutboxEntry } from './outboxStore.ts';

const entry = (
  key: string,
  orderingKey: string,
  system: NewOutboxEntry['system'] = 'trading-grid',
): NewOutboxEntry => ({
  idempotencyKey: key,
  correlationRef: `pd:test:${key}`,
  system,
  operation: 'test.op',
  orderingKey,
  payload: { key },
});

describe('outbox table', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pd-outbox-'));
    store = openStore(join(dir, 'db.sqlite'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an effect once however often it is enqueued, even after it was delivered', () => {
    expect(store.outbox.enqueue(entry('a', 'case-1'), 1)).toBe(true);
    expect(store.outbox.enqueue(entry('a', 'case-1'), 2)).toBe(false);
    const [due] = store.outbox.due(10, ['trading-grid'], 10);
    expect(due?.idempotencyKey).toBe('a');
    store.outbox.markDone(due!.id, 'R-1', 11);
    expect(store.outbox.enqueue(entry('a', 'case-1'), 12)).toBe(false);
    expect(store.outbox.counts()).toMatchObject({ pending: 0, done: 1 });
  });

  it('offers only the head of each ordering key, so one case is delivered in order', () => {
    store.outbox.enqueue(entry('first', 'case-1'), 1);
    store.outbox.enqueue(entry('second', 'case-1'), 1);
    store.outbox.enqueue(entry('other', 'case-2'), 1);
    const keys = store.outbox.due(10, ['trading-grid'], 10).map((e) => e.idempotencyKey);
    expect(keys).toEqual(['first', 'other']);
  });

  it('holds later entries of a case behind a dead letter until it is retried or discarded', () => {
    store.outbox.enqueue(entry('first', 'case-1'), 1);
    store.outbox.enqueue(entry('second', 'case-1'), 1);
    const first = store.outbox.getByKey('first')!;
    store.outbox.markDead(first.id, 'refused', 2);
    expect(store.outbox.due(10, ['trading-grid'], 10)).toEqual([]);
    expect(store.outbox.deadLetters().map((e) => e.lastError)).toEqual(['refused']);
    expect(store.outbox.retryDead(first.id, 3)).toBe(true);
    expect(store.outbox.due(10, ['trading-grid'], 10).map((e) => e.idempotencyKey)).toEqual(['first']);
    store.outbox.markDead(first.id, 'refused again', 4);
    expect(store.outbox.discardDead(first.id, 5)).toBe(true);
    expect(store.outbox.due(10, ['trading-grid'], 10).map((e) => e.idempotencyKey)).toEqual(['second']);
  });

  it('does not offer entries before their retry time or for systems that are backing off', () => {
    store.outbox.enqueue(entry('tg', 'case-1'), 1);
    store.outbox.enqueue(entry('xc', 'case-2', 'xconnector'), 1);
    const tg = store.outbox.getByKey('tg')!;
    store.outbox.reschedule(tg.id, 100, 'busy', 2);
    expect(store.outbox.due(50, ['trading-grid', 'xconnector'], 10).map((e) => e.idempotencyKey)).toEqual([
      'xc',
    ]);
    expect(store.outbox.due(150, ['trading-grid'], 10).map((e) => e.idempotencyKey)).toEqual(['tg']);
    expect(store.outbox.nextDueAt()).toBe(1);
  });

  it('counts attempts durably before delivery', () => {
    store.outbox.enqueue(entry('a', 'case-1'), 1);
    const e = store.outbox.getByKey('a')!;
    store.outbox.recordAttempt(e.id, 2);
    store.close();
    store = openStore(join(dir, 'db.sqlite'));
    expect(store.outbox.getByKey('a')?.attempts).toBe(1);
  });
});
