import { describe, expect, it } from 'vitest';
import type { FeedPage } from '../../shared/domain/feed.ts';
import { Community } from '../../shared/domain/partner.ts';
import { startSimulators } from './index.ts';
import { call, fetchToken } from './testSupport.ts';

describe('startSimulators', () => {
  it('starts both servers on one world joined by partnerCode, with random credentials', async () => {
    const world = { seed: 21, partners: 8, exceptions: 10, transactions: 10, now: Date.UTC(2025, 9, 1) };
    const a = await startSimulators(world);
    const b = await startSimulators(world);
    try {
      expect(a.xconnector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.tradingGrid.url).not.toBe(a.xconnector.url);
      expect(a.credentials.xconnectorApiKey).not.toBe(b.credentials.xconnectorApiKey);
      expect(a.credentials.tradingGridClientSecret).not.toBe(b.credentials.tradingGridClientSecret);
      // Same seed: same partners and communities.
      expect(a.scenario.partners).toEqual(b.scenario.partners);
      expect(a.scenario.communities).toEqual(b.scenario.communities);
      for (const feed of ['partners', 'exceptions', 'transactions']) {
        const read = async (s: typeof a): Promise<unknown> =>
          (
            await call(`${s.xconnector.url}/api/v1/${feed}?limit=1000`, {
              headers: { 'x-api-key': s.credentials.xconnectorApiKey },
            })
          ).body;
        expect(await read(a)).toEqual(await read(b));
      }

      const token = await fetchToken(a.tradingGrid.sim);
      const communities = await call<FeedPage>(`${a.tradingGrid.url}/api/v1/communities?limit=100`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const partners = await call<FeedPage>(`${a.xconnector.url}/api/v1/partners?limit=100`, {
        headers: { 'x-api-key': a.credentials.xconnectorApiKey },
      });
      const codes = (items: unknown[]): string[] =>
        items.map((i) => (i as { partnerCode: string }).partnerCode).sort();
      expect(codes(communities.body.items)).toEqual(codes(partners.body.items));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('uses given credentials and settings', async () => {
    const sims = await startSimulators({
      seed: 1,
      partners: 2,
      exceptions: 0,
      transactions: 0,
      credentials: {
        xconnectorApiKey: 'xc-test',
        tradingGridClientId: 'id-test',
        tradingGridClientSecret: 'secret-test',
      },
      tokenTtlSeconds: 5,
      honourIdempotencyKeys: false,
    });
    try {
      expect(sims.xconnector.sim.credentials.apiKey).toBe('xc-test');
      expect(sims.tradingGrid.sim.credentials).toEqual({ clientId: 'id-test', clientSecret: 'secret-test' });
      expect(sims.tradingGrid.sim.settings()).toEqual({ honourIdempotencyKeys: false, tokenTtlSeconds: 5 });
    } finally {
      await sims.close();
    }
  });

  it('gives a partner added by xConnector activity its Trading Grid community', async () => {
    const sims = await startSimulators({ seed: 2, partners: 3, exceptions: 0, transactions: 0 });
    try {
      const { partners } = sims.xconnector.sim.generateActivity({ newPartners: 2 });
      expect(partners).toHaveLength(2);
      const token = await fetchToken(sims.tradingGrid.sim);
      const page = await call<FeedPage>(`${sims.tradingGrid.url}/api/v1/communities`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const all = page.body.items.map((c) => Community.parse(c));
      expect(all).toHaveLength(5);
      const codes = partners.map((id) => sims.xconnector.sim.state.partners.get(id)?.partnerCode);
      expect(all.map((c) => c.partnerCode)).toEqual(expect.arrayContaining(codes));
    } finally {
      await sims.close();
    }
  });

  it('closes promptly even with keep-alive connections open and activity running', async () => {
    const sims = await startSimulators({
      seed: 3,
      partners: 2,
      exceptions: 5,
      transactions: 5,
      activityIntervalMs: 20,
    });
    await call(`${sims.xconnector.url}/api/v1/partners`, {
      headers: { 'x-api-key': sims.credentials.xconnectorApiKey },
    });
    await fetchToken(sims.tradingGrid.sim);
    await sims.close();
    await expect(fetch(`${sims.xconnector.url}/api/v1/partners`)).rejects.toThrow();
    await sims.close(); // closing twice is harmless
  });
});
