// The simulators' admin route that feeds the property tests: raw items go to the end of the named feed,
// in order, exactly as given; an unknown feed is refused, naming the ones there are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type RunningSimulators } from '../../electron/simulators/index.ts';

let sims: RunningSimulators;
beforeAll(async () => {
  sims = await startSimulators({ seed: 3, partners: 2, exceptions: 1, transactions: 1 });
});
afterAll(() => sims?.close());

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('simulators: raw feed items', () => {
  it('appends raw items to the named feed, where the engine reads them as they are', async () => {
    const items = [{ id: 'junk-1' }, 'not even an object', null];
    const res = await post(`${sims.tradingGrid.url}/_sim/feeds/communities/raw`, { items });
    expect(res.status).toBe(200);
    const { seqs } = (await res.json()) as { seqs: number[] };
    expect(seqs).toHaveLength(3);
    const page = await fetch(`${sims.tradingGrid.url}/api/v1/communities?since=${seqs[0]! - 1}`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(((await page.json()) as { items: unknown[] }).items).toEqual([
      { id: 'junk-1' },
      'not even an object',
      null,
    ]);
  });

  it('refuses a feed the simulator does not serve, naming those it does', async () => {
    const res = await post(`${sims.xconnector.url}/_sim/feeds/nope/raw`, { items: [1] });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/partners, exceptions, transactions/);
    expect((await post(`${sims.xconnector.url}/_sim/feeds/partners/raw`, { items: [] })).status).toBe(400);
  });
});

async function token(): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sims.credentials.tradingGridClientId,
    client_secret: sims.credentials.tradingGridClientSecret,
  });
  const res = await fetch(`${sims.tradingGrid.url}/oauth2/token`, { method: 'POST', body: form });
  return ((await res.json()) as { access_token: string }).access_token;
}
