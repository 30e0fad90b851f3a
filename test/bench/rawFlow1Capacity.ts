// The simulators' raw capacity for the calls flow 1 makes — read the exceptions feed, create one issue
// per exception, write the link back — made by a bare HTTP client at the same concurrency, with no
// engine in between. The reference the engine's flow-1 rate is measured against.
import { Pool } from 'undici';
import { startSimulators } from '../../electron/simulators/index.ts';

export async function rawFlow1Capacity(o: {
  partners: number;
  exceptions: number;
  concurrency: number;
}): Promise<number> {
  const sims = await startSimulators({
    seed: 5,
    partners: o.partners,
    exceptions: o.exceptions,
    transactions: 0,
    now: Date.UTC(2026, 0, 1),
    validateResponses: false,
  });
  const tg = new Pool(sims.tradingGrid.url, { connections: o.concurrency });
  const xc = new Pool(sims.xconnector.url, { connections: o.concurrency });
  const apiKey = { 'x-api-key': sims.credentials.xconnectorApiKey };
  try {
    const started = performance.now();
    const tokenRes = await tg.request({
      path: '/oauth2/token',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sims.credentials.tradingGridClientId,
        client_secret: sims.credentials.tradingGridClientSecret,
      }).toString(),
    });
    const { access_token } = (await tokenRes.body.json()) as { access_token: string };
    const community = new Map(
      sims.scenario.partners.map((p) => [
        p.id,
        sims.scenario.communities.find((c) => c.partnerCode === p.partnerCode)!.id,
      ]),
    );
    const exceptions: { id: string; partnerId: string; summary: string }[] = [];
    for (let since = '0', more = true; more;) {
      const res = await xc.request({
        path: `/api/v1/exceptions?since=${since}&limit=1000`,
        method: 'GET',
        headers: apiKey,
      });
      const page = (await res.body.json()) as {
        items: { id: string; partnerId: string; summary: string }[];
        nextCursor: string;
        hasMore: boolean;
      };
      exceptions.push(...page.items);
      since = page.nextCursor;
      more = page.hasMore && page.items.length > 0;
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        while (next < exceptions.length) {
          const e = exceptions[next++]!;
          const communityId = community.get(e.partnerId)!;
          const created = await tg.request({
            path: `/api/v1/communities/${communityId}/issues`,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${access_token}`,
              'idempotency-key': `raw-${e.id}`,
            },
            body: JSON.stringify({
              title: e.summary,
              description: e.summary,
              type: 'SHIPMENT_EXCEPTION',
              priority: 'medium',
              supportTier: 1,
              correlationRef: `pd:exc:${e.id}`,
              externalRefs: [],
            }),
          });
          const issue = (await created.body.json()) as { id: string };
          if (created.statusCode !== 201) throw new Error(`raw create answered ${created.statusCode}`);
          const linked = await xc.request({
            path: `/api/v1/exceptions/${encodeURIComponent(e.id)}/link`,
            method: 'PUT',
            headers: { ...apiKey, 'content-type': 'application/json', 'idempotency-key': `raw-link-${e.id}` },
            body: JSON.stringify({ system: 'trading-grid', issueId: issue.id, communityId }),
          });
          await linked.body.dump();
          if (linked.statusCode !== 200) throw new Error(`raw link answered ${linked.statusCode}`);
        }
      }),
    );
    return exceptions.length / ((performance.now() - started) / 1000);
  } finally {
    await Promise.all([tg.close(), xc.close()]);
    await sims.close();
  }
}
