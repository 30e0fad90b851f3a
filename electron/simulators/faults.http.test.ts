// Every fault kind, over real HTTP against the running simulators, is injected and counted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProblemDetails } from '../../shared/domain/feed.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { startSimulators, type RunningSimulators } from './index.ts';
import { call, fetchToken, jsonInit, newIssue } from './testSupport.ts';

describe('fault injection over HTTP', () => {
  let sims: RunningSimulators;
  let tg: string;
  let xc: string;
  let bearer: Record<string, string>;
  let key: Record<string, string>;
  let community: string;

  beforeAll(async () => {
    sims = await startSimulators({ seed: 5, partners: 5, exceptions: 20, transactions: 20 });
    tg = sims.tradingGrid.url;
    xc = sims.xconnector.url;
    bearer = { authorization: `Bearer ${await fetchToken(sims.tradingGrid.sim)}` };
    key = { 'x-api-key': sims.credentials.xconnectorApiKey };
    community = sims.scenario.communities[0]?.id ?? '';
  });
  afterAll(() => sims.close());
  afterEach(() => {
    sims.tradingGrid.sim.setFaults({});
    sims.xconnector.sim.setFaults({});
  });

  const createIssue = (n: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(
      `${tg}/api/v1/communities/${community}/issues`,
      jsonInit('POST', newIssue(n), { ...bearer, 'idempotency-key': `k-${n}`, ...headers }),
    );

  it('errorRate answers one of the configured 5xx statuses with a problem body', async () => {
    sims.xconnector.sim.setFaults({ 'xc.exceptionsFeed': { errorRate: 1, errorStatuses: [500, 503] } });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const res = await call(`${xc}/api/v1/exceptions`, { headers: key });
      statuses.add(res.status);
      expect(ProblemDetails.parse(res.body).status).toBe(res.status);
    }
    expect(statuses).toEqual(new Set([500, 503]));
    expect(sims.xconnector.sim.stats().faults.error['xc.exceptionsFeed']).toBe(20);
    // Other endpoints are untouched.
    expect((await call(`${xc}/api/v1/partners`, { headers: key })).status).toBe(200);
  });

  it('throttleRate answers 429 with the configured Retry-After, 0 included', async () => {
    sims.tradingGrid.sim.setFaults({ 'tg.findIssues': { throttleRate: 1, retryAfterSeconds: 0 } });
    const res = await call(`${tg}/api/v1/issues?correlationRef=pd:exception:x`, { headers: bearer });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('0');
    sims.tradingGrid.sim.setFaults({ '*': { throttleRate: 1, retryAfterSeconds: 7 } });
    const again = await call(`${tg}/api/v1/issues?correlationRef=pd:exception:x`, { headers: bearer });
    expect(again.headers.get('retry-after')).toBe('7');
    expect(sims.tradingGrid.sim.faults.total('throttle', 'tg.findIssues')).toBe(2);
  });

  it('requestsPerSecond is a real token bucket: the burst passes, the rest get 429 + Retry-After', async () => {
    sims.xconnector.sim.setFaults({ 'xc.partnersFeed': { requestsPerSecond: 2, burst: 3 } });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await call(`${xc}/api/v1/partners`, { headers: key });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 600));
    expect((await call(`${xc}/api/v1/partners`, { headers: key })).status).toBe(200);
    expect(sims.xconnector.sim.faults.total('rateLimit')).toBeGreaterThanOrEqual(2);
  });

  it('latencyMs delays answers by an amount in [min, max]', async () => {
    sims.xconnector.sim.setFaults({ '*': { latencyMs: { min: 150, max: 200 } } });
    const started = performance.now();
    const res = await call(`${xc}/api/v1/transactions?limit=1`, { headers: key });
    const took = performance.now() - started;
    expect(res.status).toBe(200);
    expect(took).toBeGreaterThanOrEqual(140);
    expect(sims.xconnector.sim.faults.total('latency', 'xc.transactionsFeed')).toBe(1);
  });

  it('resetRate destroys the socket before handling: the client errors and nothing is created', async () => {
    sims.tradingGrid.sim.setFaults({ 'tg.createIssue': { resetRate: 1 } });
    const before = sims.tradingGrid.sim.stats().issuesCreated;
    await expect(createIssue('reset-1')).rejects.toThrow();
    expect(sims.tradingGrid.sim.stats().issuesCreated).toBe(before);
    expect(sims.tradingGrid.sim.stats().faults.reset['tg.createIssue']).toBe(1);
  });

  it('lostResponseRate applies the write, then drops the answer: the object exists although the client saw an error', async () => {
    sims.tradingGrid.sim.setFaults({ 'tg.createIssue': { lostResponseRate: 1 } });
    await expect(createIssue('lost-1')).rejects.toThrow();
    expect(sims.tradingGrid.sim.stats().faults.lostResponse['tg.createIssue']).toBe(1);
    sims.tradingGrid.sim.setFaults({});
    const found = await call<{ items: Issue[] }>(
      `${tg}/api/v1/issues?correlationRef=pd:exception:EX-lost-1`,
      { headers: bearer },
    );
    expect(found.body.items).toHaveLength(1);
    // The retry with the same key gets the same issue back: exactly one exists.
    const retry = await createIssue('lost-1');
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as Issue).id).toBe(found.body.items[0]?.id);
    expect(sims.tradingGrid.sim.duplicates()).toEqual([]);
  });

  it('lost responses on the xConnector link also apply the link', async () => {
    const id = sims.scenario.exceptions[0]?.id ?? '';
    sims.xconnector.sim.setFaults({ 'xc.linkException': { lostResponseRate: 1 } });
    const link = { system: 'trading-grid', issueId: 'ISS-9', communityId: community };
    await expect(fetch(`${xc}/api/v1/exceptions/${id}/link`, jsonInit('PUT', link, key))).rejects.toThrow();
    expect(sims.xconnector.sim.state.exceptions.get(id)?.link).toEqual(link);
    expect(sims.xconnector.sim.stats().linksWritten).toBe(1);
  });

  it('faults can be set over HTTP and the counts read back from /_sim/stats', async () => {
    const put = await call(
      `${tg}/_sim/faults`,
      jsonInit('PUT', { 'tg.communitiesFeed': { errorRate: 1, errorStatuses: [502] } }),
    );
    expect(put.status).toBe(200);
    expect((await call(`${tg}/api/v1/communities`, { headers: bearer })).status).toBe(502);
    const stats = await call<{ faults: { error: Record<string, number> }; faultsTotal: number }>(
      `${tg}/_sim/stats`,
    );
    expect(stats.body.faults.error['tg.communitiesFeed']).toBe(1);
    expect(stats.body.faultsTotal).toBeGreaterThanOrEqual(1);
    const reset = await call<{ faultsTotal: number }>(`${tg}/_sim/stats/reset`, { method: 'POST' });
    expect(reset.body.faultsTotal).toBe(0);
  });

  it('faults come after auth: a refused request is not counted as a fault', async () => {
    sims.xconnector.sim.setFaults({ '*': { errorRate: 1 } });
    const before = sims.xconnector.sim.faults.total();
    expect((await call(`${xc}/api/v1/exceptions`)).status).toBe(401);
    expect(sims.xconnector.sim.faults.total()).toBe(before);
  });
});
