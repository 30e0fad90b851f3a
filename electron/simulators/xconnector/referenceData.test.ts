import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPage } from '../../../shared/domain/feed.ts';
import { ReferenceRecord } from '../../../shared/domain/reference.ts';
import { buildScenario } from '../scenario.ts';
import { call, jsonInit } from '../testSupport.ts';
import { startXConnectorSimulator, type XConnectorSimulator } from './xConnectorSimulator.ts';
import { ReferenceDataState } from './referenceDataState.ts';
import { Rng } from '../rng.ts';

const scenario = buildScenario({ seed: 9, partners: 8, exceptions: 0, transactions: 0 });

describe('xConnector simulator: reference data', () => {
  let sim: XConnectorSimulator;
  let headers: Record<string, string>;
  const feed = async (since?: string, limit = 500) => {
    const q = new URLSearchParams({ limit: String(limit), ...(since ? { since } : {}) });
    const res = await call(`${sim.url}/api/v1/reference-data?${q}`, { headers });
    expect(res.status).toBe(200);
    return FeedPage.parse(res.body);
  };

  beforeAll(async () => {
    sim = await startXConnectorSimulator(scenario);
    headers = { 'x-api-key': sim.credentials.apiKey };
  });
  afterAll(() => sim.close());

  it('seeds a few hundred valid records of every kind across the partners, the same for the same seed', async () => {
    const all: ReferenceRecord[] = [];
    let since: string | undefined;
    for (;;) {
      const page = await feed(since, 100);
      all.push(...page.items.map((i) => ReferenceRecord.parse(i)));
      since = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((r) => r.kind))).toEqual(new Set(['partnerId', 'shipTo', 'item', 'contact']));
    const partners = new Set(scenario.partners.map((p) => p.id));
    expect(all.every((r) => partners.has(r.partnerId) && !r.deleted)).toBe(true);
    expect(new Set(all.map((r) => `${r.kind}:${r.key}`)).size).toBe(all.length);

    const again = new ReferenceDataState(scenario, new Rng(9).fork('xconnector').fork('reference-data'));
    expect(again.liveRecords().length).toBe(all.length);
  });

  it('generates activity that edits, deletes, adds and re-sends records, each showing up at the end of the feed', async () => {
    const end = (await feed()).nextCursor;
    const res = await call<{ changed: string[]; deleted: string[]; added: string[]; resent: string[] }>(
      `${sim.url}/_sim/reference-data/activity`,
      jsonInit('POST', { changes: 2, deletes: 1, adds: 2, resends: 1 }),
    );
    expect(res.status).toBe(200);
    const after = (await feed(end)).items.map((i) => ReferenceRecord.parse(i));
    const keys = new Set(after.map((r) => `${r.kind}:${r.key}`));
    for (const k of [...res.body.changed, ...res.body.deleted, ...res.body.added, ...res.body.resent])
      expect(keys.has(k), k).toBe(true);
    const deleted = after.find((r) => `${r.kind}:${r.key}` === res.body.deleted[0]);
    expect(deleted?.deleted).toBe(true);
    // Every version is stamped after the one before, so the newest always wins.
    const [kind, key] = res.body.changed[0]!.split(':') as [ReferenceRecord['kind'], string];
    const before = sim.referenceData.get(kind, key)!;
    const edited = sim.referenceData.change(kind, key)!;
    expect(Date.parse(edited.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
  });

  it('puts an injected malformed item in the feed, and refuses a cursor it never issued', async () => {
    const end = (await feed()).nextCursor;
    const inject = await call(
      `${sim.url}/_sim/reference-data/inject`,
      jsonInit('POST', { item: { kind: 'item' } }),
    );
    expect(inject.status).toBe(200);
    expect((await feed(end)).items).toEqual([{ kind: 'item' }]);
    const bad = await call(`${sim.url}/api/v1/reference-data?since=x1`, { headers });
    expect(bad.status).toBe(400);
  });

  it('answers faults configured on the reference-data feed', async () => {
    sim.setFaults({ 'xc.referenceDataFeed': { errorRate: 1, errorStatuses: [500] } });
    try {
      const res = await call(`${sim.url}/api/v1/reference-data`, { headers });
      expect(res.status).toBe(500);
    } finally {
      sim.setFaults({});
    }
  });
});
