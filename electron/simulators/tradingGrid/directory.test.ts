import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPage } from '../../../shared/domain/feed.ts';
import { DirectoryRecord, type DirectoryUpsert } from '../../../shared/domain/reference.ts';
import { buildScenario } from '../scenario.ts';
import { call, fetchToken, jsonInit } from '../testSupport.ts';
import { startTradingGridSimulator, type TradingGridSimulator } from './tradingGridSimulator.ts';

const scenario = buildScenario({ seed: 5, partners: 3, exceptions: 0, transactions: 0 });
const hash = (c: string) => `sha256:${c.repeat(64)}`;

function upsert(description: string, h = 'a'): DirectoryUpsert {
  return {
    partnerCode: 'NORTHWIND',
    data: { description, unitOfMeasure: 'EA' },
    correlationRef: 'pd:ref:item:ITM-1',
    contentHash: hash(h),
  };
}

const SAMPLE: Record<'item' | 'shipTo', DirectoryUpsert> = {
  item: upsert('Restored'),
  shipTo: {
    ...upsert('x'),
    data: {
      name: 'DC 1',
      address: { lines: ['1 Main St'], city: 'Reno', postalCode: '89501', country: 'US' },
    },
  },
};

describe('Trading Grid simulator: the reference-data directory', () => {
  let sim: TradingGridSimulator;
  let auth: Record<string, string>;
  const url = (path: string) => `${sim.url}/api/v1/directory${path}`;
  const put = (path: string, body: unknown, key: string) =>
    call(url(path), jsonInit('PUT', body, { ...auth, 'idempotency-key': key }));
  const del = (path: string, key: string) =>
    call(url(path), { method: 'DELETE', headers: { ...auth, 'idempotency-key': key } });

  beforeAll(async () => {
    sim = await startTradingGridSimulator(scenario);
    auth = { authorization: `Bearer ${await fetchToken(sim)}` };
  });
  afterAll(() => sim.close());

  it('creates, reads, replaces and deletes a record, counting only the writes that changed something', async () => {
    const created = await put('/item/ITM-1', upsert('Lamp'), 'k1');
    expect(created.status).toBe(200);
    expect(DirectoryRecord.parse(created.body)).toMatchObject({
      kind: 'item',
      key: 'ITM-1',
      contentHash: hash('a'),
    });
    expect((await call(url('/item/ITM-1'), { headers: auth })).body).toEqual(created.body);

    // The same body under a new key changes nothing; a new body replaces the record.
    await put('/item/ITM-1', upsert('Lamp'), 'k2');
    await put('/item/ITM-1', upsert('Desk lamp', 'b'), 'k3');
    expect(sim.directory.get('item', 'ITM-1')?.data).toMatchObject({ description: 'Desk lamp' });
    expect(sim.directory.stats()).toMatchObject({ upsertCalls: 3, upserts: 2, unchangedUpserts: 1 });

    expect((await del('/item/ITM-1', 'k4')).status).toBe(204);
    expect((await del('/item/ITM-1', 'k5')).status).toBe(404);
    expect((await call(url('/item/ITM-1'), { headers: auth })).status).toBe(404);
    expect(sim.directory.writesFor('item', 'ITM-1').map((w) => w.op)).toEqual(['put', 'put', 'delete']);
  });

  it('replays a repeated Idempotency-Key when keys are honoured, and applies it again when not', async () => {
    await put('/item/ITM-2', upsert('Mug'), 'same');
    const replay = await put('/item/ITM-2', upsert('Cup', 'c'), 'same');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(sim.directory.get('item', 'ITM-2')?.data).toMatchObject({ description: 'Mug' });

    sim.updateSettings({ honourIdempotencyKeys: false });
    try {
      await put('/item/ITM-2', upsert('Cup', 'c'), 'same');
      expect(sim.directory.get('item', 'ITM-2')?.data).toMatchObject({ description: 'Cup' });
    } finally {
      sim.updateSettings({ honourIdempotencyKeys: true });
    }
  });

  it('refuses data that does not fit the kind, a key that is not one, and an unknown kind', async () => {
    const wrongKind = await put('/contact/CT-1', upsert('Lamp'), 'k6');
    expect(wrongKind.status).toBe(400);
    expect(JSON.stringify(wrongKind.body)).toMatch(/not a valid contact/);
    expect((await put('/item/..%2Fetc', upsert('Lamp'), 'k7')).status).toBe(400);
    expect((await put('/meteor/M-1', upsert('Lamp'), 'k8')).status).toBe(400);
    expect(sim.directory.get('contact', 'CT-1')).toBeUndefined();
  });

  it('lists records in change order, page by page, optionally of one kind', async () => {
    for (let i = 0; i < 5; i++) await put(`/item/LIST-${i}`, upsert(`Item ${i}`), `list-${i}`);
    await put(
      '/shipTo/ST-1',
      {
        ...upsert('x'),
        data: {
          name: 'DC 1',
          address: { lines: ['1 Main St'], city: 'Reno', postalCode: '89501', country: 'US' },
        },
      },
      'st-1',
    );
    const seen: string[] = [];
    let since: string | undefined;
    for (;;) {
      const q = new URLSearchParams({ limit: '2', kind: 'item', ...(since ? { since } : {}) });
      const page = FeedPage.parse((await call(`${url('')}?${q}`, { headers: auth })).body);
      seen.push(...page.items.map((i) => DirectoryRecord.parse(i).key));
      since = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(expect.arrayContaining(['LIST-0', 'LIST-1', 'LIST-2', 'LIST-3', 'LIST-4']));
    expect(seen).not.toContain('ST-1');
    expect(new Set(seen).size).toBe(seen.length);
    expect((await call(`${url('')}?since=abc`, { headers: auth })).status).toBe(400);
  });

  it('lets a test cause drift, and counts it as repaired when a client write undoes it', async () => {
    await put('/item/DRIFT-1', upsert('Kettle'), 'd1');
    await put('/item/DRIFT-2', upsert('Toaster'), 'd2');
    const edited = sim.directory.editRecord('item', 'DRIFT-1');
    expect(edited?.data['description']).toMatch(/edited in Trading Grid/);
    expect(edited?.contentHash, 'the hash field is left stale, as a person editing would').toBe(hash('a'));
    expect(sim.directory.deleteRecord('item', 'DRIFT-2')).toBe(true);
    const drift = await call<{ deleted: string[] }>(
      `${sim.url}/_sim/directory/drift`,
      jsonInit('POST', { deletes: 1 }),
    );
    expect(drift.status).toBe(200);
    expect(drift.body.deleted).toHaveLength(1);
    expect(sim.directory.stats().driftInjected).toMatchObject({ edited: 1, deleted: 2 });
    const outstanding = sim.directory.driftOutstanding();
    expect(outstanding).toEqual(expect.arrayContaining(['item:DRIFT-1', 'item:DRIFT-2']));

    // Undo each drift with a client write: delete what is there, put back what is not.
    for (const id of outstanding) {
      const [kind, key] = id.split(':') as ['item' | 'shipTo', string];
      if (sim.directory.get(kind, key)) await del(`/${kind}/${key}`, `fix-${key}`);
      else
        await put(
          `/${kind}/${key}`,
          { ...SAMPLE[kind], correlationRef: `pd:ref:${kind}:${key}` },
          `fix-${key}`,
        );
    }
    expect(sim.directory.driftOutstanding()).toEqual([]);
    expect(sim.directory.stats().driftRepaired).toBe(outstanding.length);
  });
});
