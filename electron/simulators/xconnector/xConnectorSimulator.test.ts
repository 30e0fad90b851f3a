import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedPage, ProblemDetails } from '../../../shared/domain/feed.ts';
import { PartnerException } from '../../../shared/domain/exception.ts';
import { Partner } from '../../../shared/domain/partner.ts';
import { TransactionWire } from '../../../shared/domain/transaction.ts';
import { buildScenario } from '../scenario.ts';
import { call, jsonInit } from '../testSupport.ts';
import { FAILED_STATUSES } from '../worldFactory.ts';
import { startXConnectorSimulator, type XConnectorSimulator } from './xConnectorSimulator.ts';

const scenario = buildScenario({
  seed: 7,
  partners: 10,
  exceptions: 120,
  transactions: 300,
  unknownPartnerExceptions: 3,
});

async function readAll(
  sim: XConnectorSimulator,
  feed: string,
  since = '0',
  limit = 50,
): Promise<{ items: unknown[]; cursor: string; pages: number }> {
  const items: unknown[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const res = await call(`${sim.url}/api/v1/${feed}?since=${cursor}&limit=${limit}`, {
      headers: { 'x-api-key': sim.credentials.apiKey },
    });
    expect(res.status).toBe(200);
    const page = FeedPage.parse(res.body);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    if (!page.hasMore) return { items, cursor, pages };
  }
}

describe('xConnector simulator', () => {
  let sim: XConnectorSimulator;
  let key: Record<string, string>;
  beforeAll(async () => {
    sim = await startXConnectorSimulator(scenario);
    key = { 'x-api-key': sim.credentials.apiKey };
  });
  afterAll(() => sim.close());
  afterEach(() => sim.setFaults({}));

  describe('auth', () => {
    it('refuses a missing or wrong X-Api-Key with 401 problem+json', async () => {
      const missing = await call(`${sim.url}/api/v1/exceptions`);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(ProblemDetails.parse(missing.body)).toMatchObject({
        status: 401,
        detail: 'missing X-Api-Key header',
      });
      const wrong = await call(`${sim.url}/api/v1/exceptions`, { headers: { 'x-api-key': 'not-the-key' } });
      expect(wrong.status).toBe(401);
      expect(sim.stats().authFailures).toBeGreaterThanOrEqual(2);
    });

    it('generates a random key per simulator unless one is given', async () => {
      const other = await startXConnectorSimulator(scenario, { apiKey: 'given-key' });
      try {
        expect(other.credentials.apiKey).toBe('given-key');
        expect(sim.credentials.apiKey).not.toBe('given-key');
        expect(sim.credentials.apiKey.length).toBeGreaterThanOrEqual(24);
        expect(
          (await call(`${other.url}/api/v1/partners`, { headers: { 'x-api-key': 'given-key' } })).status,
        ).toBe(200);
      } finally {
        await other.close();
      }
    });
  });

  describe('feeds', () => {
    it('serve every partner, exception and transaction exactly once, paged by cursor', async () => {
      const partners = await readAll(sim, 'partners', '0', 4);
      expect(partners.pages).toBe(3);
      expect(partners.items.map((p) => Partner.parse(p).id).sort()).toEqual(
        scenario.partners.map((p) => p.id).sort(),
      );
      const exceptions = await readAll(sim, 'exceptions', '0', 50);
      const ids = exceptions.items.map((e) => PartnerException.parse(e).id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(scenario.exceptions.length);
      const transactions = await readAll(sim, 'transactions', '0', 1000);
      expect(transactions.pages).toBe(1);
      for (const t of transactions.items) expect(TransactionWire.safeParse(t).error).toBeUndefined();
      expect(transactions.items).toHaveLength(300);
    });

    it('start from the beginning without a cursor, and keep the cursor when nothing changed', async () => {
      const first = await call<FeedPage>(`${sim.url}/api/v1/exceptions?limit=2`, { headers: key });
      expect(first.body.items).toHaveLength(2);
      expect(first.body.hasMore).toBe(true);
      const { cursor } = await readAll(sim, 'exceptions');
      const empty = await call<FeedPage>(`${sim.url}/api/v1/exceptions?since=${cursor}`, { headers: key });
      expect(empty.body).toEqual({ items: [], nextCursor: cursor, hasMore: false });
      const none = await call<FeedPage>(`${sim.url}/api/v1/exceptions?since=999999999`, { headers: key });
      expect(none.body).toEqual({ items: [], nextCursor: '999999999', hasMore: false });
    });

    it('default to 200 items and refuse a bad limit or a cursor it never issued', async () => {
      const page = await call<FeedPage>(`${sim.url}/api/v1/transactions`, { headers: key });
      expect(page.body.items).toHaveLength(200);
      for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'since=abc', 'since=-1']) {
        const res = await call(`${sim.url}/api/v1/transactions?${q}`, { headers: key });
        expect(res.status, q).toBe(400);
        expect(ProblemDetails.safeParse(res.body).success).toBe(true);
      }
    });

    it('return only what changed since the cursor: new activity appends to the feeds', async () => {
      const before = {
        exceptions: (await readAll(sim, 'exceptions')).cursor,
        transactions: (await readAll(sim, 'transactions')).cursor,
        partners: (await readAll(sim, 'partners')).cursor,
      };
      const result = sim.generateActivity({
        exceptions: 4,
        failedTransactions: 3,
        transactions: 2,
        statusChanges: 2,
        exceptionUpdates: 1,
        unknownPartnerExceptions: 1,
        newPartners: 1,
      });
      const exceptions = await readAll(sim, 'exceptions', before.exceptions);
      const exceptionIds = exceptions.items.map((e) => PartnerException.parse(e).id);
      expect(exceptionIds).toEqual(
        expect.arrayContaining([
          ...result.exceptions,
          ...result.unknownPartnerExceptions,
          ...result.exceptionUpdates,
        ]),
      );
      expect(exceptionIds).toHaveLength(4 + 1 + 1);
      const txs = (await readAll(sim, 'transactions', before.transactions)).items.map((t) =>
        TransactionWire.parse(t),
      );
      const failed = txs.filter((t) => result.failedTransactions.includes(t.id));
      expect(failed).toHaveLength(3);
      for (const t of failed) expect(FAILED_STATUSES).toContain(t.status);
      expect(txs.map((t) => t.id)).toEqual(
        expect.arrayContaining([...result.transactions, ...result.statusChanges]),
      );
      const partners = (await readAll(sim, 'partners', before.partners)).items.map((p) => Partner.parse(p));
      expect(partners.map((p) => p.id)).toEqual(result.partners);
      // The unknown-partner exception names a partner nobody has.
      const unknown = exceptions.items
        .map((e) => PartnerException.parse(e))
        .find((e) => e.id === result.unknownPartnerExceptions[0]);
      const allPartners = (await readAll(sim, 'partners')).items.map((p) => Partner.parse(p).id);
      expect(allPartners).not.toContain(unknown?.partnerId);
    });

    it('deliver an injected malformed item in place, between good ones', async () => {
      const { cursor } = await readAll(sim, 'exceptions');
      sim.addException();
      sim.injectRaw('exceptions', { id: 42, kind: 'weather', summary: null });
      sim.addException();
      const { items } = await readAll(sim, 'exceptions', cursor);
      expect(items).toHaveLength(3);
      expect(PartnerException.safeParse(items[0]).success).toBe(true);
      expect(items[1]).toEqual({ id: 42, kind: 'weather', summary: null });
      expect(PartnerException.safeParse(items[2]).success).toBe(true);
      expect(sim.stats().rawInjected).toBeGreaterThanOrEqual(1);
    });
  });

  describe('exception link', () => {
    const link = { system: 'trading-grid', issueId: 'ISS-0000001', communityId: 'C-ABC' };

    it('stores the link, bumps the exception so it reappears in the feed, and is idempotent', async () => {
      const target = scenario.exceptions[5] as PartnerException;
      const { cursor } = await readAll(sim, 'exceptions');
      const res = await call(`${sim.url}/api/v1/exceptions/${target.id}/link`, jsonInit('PUT', link, key));
      expect(res.status).toBe(200);
      const linked = PartnerException.parse(res.body);
      expect(linked.link).toEqual(link);
      expect(linked.id).toBe(target.id);
      const after = await readAll(sim, 'exceptions', cursor);
      expect(after.items.map((e) => PartnerException.parse(e).id)).toEqual([target.id]);

      const writes = sim.stats().linksWritten;
      const again = await call(`${sim.url}/api/v1/exceptions/${target.id}/link`, jsonInit('PUT', link, key));
      expect(again.status).toBe(200);
      expect(PartnerException.parse(again.body).link).toEqual(link);
      expect(sim.stats().linksWritten).toBe(writes);
      expect((await readAll(sim, 'exceptions', after.cursor)).items).toHaveLength(0);
      // The scenario object itself is never mutated.
      expect(target.link).toBeNull();
    });

    it('answers 404 for an unknown exception and 400 for a bad link body', async () => {
      const missing = await call(`${sim.url}/api/v1/exceptions/EX-NOPE/link`, jsonInit('PUT', link, key));
      expect(missing.status).toBe(404);
      expect(ProblemDetails.parse(missing.body).status).toBe(404);
      const id = scenario.exceptions[0]?.id ?? '';
      for (const bad of [{ ...link, system: 'email' }, { ...link, issueId: '' }, { issueId: 'x' }, 'text']) {
        const res = await call(`${sim.url}/api/v1/exceptions/${id}/link`, jsonInit('PUT', bad, key));
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    });
  });

  describe('admin endpoints', () => {
    it('report stats, set faults, generate activity and change settings over HTTP', async () => {
      const stats = await call<{ requests: Record<string, number>; counts: { exceptions: number } }>(
        `${sim.url}/_sim/stats`,
      );
      expect(stats.status).toBe(200);
      expect(stats.body.requests['xc.exceptionsFeed']).toBeGreaterThan(0);

      const faults = await call(
        `${sim.url}/_sim/faults`,
        jsonInit('PUT', { 'xc.partnersFeed': { errorRate: 1, errorStatuses: [503] } }),
      );
      expect(faults.status).toBe(200);
      expect((await call(`${sim.url}/api/v1/partners`, { headers: key })).status).toBe(503);
      expect((await call(`${sim.url}/_sim/faults`)).body).toEqual({
        'xc.partnersFeed': { errorRate: 1, errorStatuses: [503] },
      });
      expect(
        (await call(`${sim.url}/_sim/faults`, jsonInit('PUT', { 'xc.typo': { errorRate: 1 } }))).status,
      ).toBe(400);
      expect((await call(`${sim.url}/_sim/faults`, jsonInit('PUT', { '*': { errorRate: 5 } }))).status).toBe(
        400,
      );
      await call(`${sim.url}/_sim/faults`, jsonInit('PUT', {}));
      expect((await call(`${sim.url}/api/v1/partners`, { headers: key })).status).toBe(200);

      const count = sim.stats().counts.exceptions;
      const activity = await call<{ exceptions: string[] }>(
        `${sim.url}/_sim/activity`,
        jsonInit('POST', { exceptions: 5 }),
      );
      expect(activity.status).toBe(200);
      expect(activity.body.exceptions).toHaveLength(5);
      expect(sim.stats().counts.exceptions).toBe(count + 5);
      expect((await call(`${sim.url}/_sim/activity`, jsonInit('POST', { exceptions: -1 }))).status).toBe(400);
      expect((await call(`${sim.url}/_sim/activity`, jsonInit('POST', { meteors: 1 }))).status).toBe(400);

      const settings = await call(
        `${sim.url}/_sim/settings`,
        jsonInit('PUT', { activityIntervalMs: 20, activityBatch: { exceptions: 1 } }),
      );
      expect(settings.body).toEqual({ activityIntervalMs: 20, activityBatch: { exceptions: 1 } });
      await new Promise((r) => setTimeout(r, 150));
      await call(`${sim.url}/_sim/settings`, jsonInit('PUT', { activityIntervalMs: null }));
      expect(sim.stats().activityTicks).toBeGreaterThan(0);
      expect(sim.stats().counts.exceptions).toBeGreaterThan(count + 5);

      const injected = await call<{ seq: number }>(
        `${sim.url}/_sim/inject`,
        jsonInit('POST', { feed: 'transactions', item: { broken: true } }),
      );
      expect(injected.body.seq).toBeGreaterThan(0);
    });

    it('needs no API key but never runs faults on itself', async () => {
      sim.setFaults({ '*': { errorRate: 1 } });
      expect((await call(`${sim.url}/_sim/stats`)).status).toBe(200);
    });
  });

  it('serves 100,000 exceptions with O(page) feed reads', async () => {
    const big = buildScenario({ seed: 3, partners: 50, exceptions: 100_000, transactions: 20_000 });
    const s = await startXConnectorSimulator(big);
    try {
      const h = { 'x-api-key': s.credentials.apiKey };
      const head = await call<FeedPage>(`${s.url}/api/v1/exceptions?limit=1000`, { headers: h });
      expect(head.body.items).toHaveLength(1000);
      // Pages deep in the feed are served by cursor (their speed is measured by the benchmarks).
      const deepCursor = String(s.state.exceptions.seqOf('EX-0099000'));
      for (let i = 0; i < 50; i++) {
        const deep = await call<FeedPage>(`${s.url}/api/v1/exceptions?since=${deepCursor}&limit=200`, {
          headers: h,
        });
        expect(deep.body.items).toHaveLength(200);
      }
      s.generateActivity({ exceptions: 10 });
      const tail = await call<FeedPage>(
        `${s.url}/api/v1/exceptions?since=${String(s.state.exceptions.seqOf('EX-0100000'))}`,
        { headers: h },
      );
      expect(tail.body.items).toHaveLength(10);
    } finally {
      await s.close();
    }
  });
});
