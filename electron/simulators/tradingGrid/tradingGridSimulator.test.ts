import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenResponse } from '../../../shared/contracts/tradingGrid.ts';
import { FeedPage, ProblemDetails } from '../../../shared/domain/feed.ts';
import { Alert, Issue } from '../../../shared/domain/issue.ts';
import { Community } from '../../../shared/domain/partner.ts';
import { buildScenario } from '../scenario.ts';
import { call, fetchToken, jsonInit, newAlert, newIssue, pool } from '../testSupport.ts';
import { startTradingGridSimulator, type TradingGridSimulator } from './tradingGridSimulator.ts';

const scenario = buildScenario({ seed: 11, partners: 12, exceptions: 0, transactions: 0 });
const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('Trading Grid simulator', () => {
  let sim: TradingGridSimulator;
  let bearer: Record<string, string>;
  let community: string;
  beforeAll(async () => {
    sim = await startTradingGridSimulator(scenario);
    bearer = { authorization: `Bearer ${await fetchToken(sim)}` };
    community = scenario.communities[0]?.id ?? '';
  });
  afterAll(() => sim.close());

  describe('OAuth2 client credentials', () => {
    it('issues a bearer token for the right form-encoded credentials', async () => {
      const { clientId, clientSecret } = sim.credentials;
      const res = await call(
        `${sim.url}/oauth2/token`,
        form({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
      );
      expect(res.status).toBe(200);
      expect(TokenResponse.parse(res.body)).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('also accepts the credentials in a Basic header (RFC 6749 2.3.1)', async () => {
      const { clientId, clientSecret } = sim.credentials;
      const basic = Buffer.from(
        `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
      ).toString('base64');
      const res = await call(`${sim.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
        body: 'grant_type=client_credentials',
      });
      expect(res.status).toBe(200);
    });

    it('refuses wrong credentials with 401 invalid_client', async () => {
      const { clientId } = sim.credentials;
      const res = await call(
        `${sim.url}/oauth2/token`,
        form({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'wrong' }),
      );
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'invalid_client' });
      const unknown = await call(
        `${sim.url}/oauth2/token`,
        form({ grant_type: 'client_credentials', client_id: 'someone', client_secret: 'else' }),
      );
      expect(unknown.status).toBe(401);
      expect(sim.stats().clientAuthFailures).toBeGreaterThanOrEqual(2);
    });

    it('answers 400 for an unsupported grant or a missing field', async () => {
      const { clientId, clientSecret } = sim.credentials;
      const grant = await call(
        `${sim.url}/oauth2/token`,
        form({ grant_type: 'password', client_id: clientId, client_secret: clientSecret }),
      );
      expect(grant.status).toBe(400);
      expect(grant.body).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
      const missing = await call(`${sim.url}/oauth2/token`, form({ grant_type: 'client_credentials' }));
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ error: 'invalid_request' });
    });

    it('refuses a missing, unknown or expired bearer token with 401', async () => {
      const missing = await call(`${sim.url}/api/v1/communities`);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const unknown = await call(`${sim.url}/api/v1/communities`, {
        headers: { authorization: 'Bearer made-up' },
      });
      expect(unknown.status).toBe(401);
      expect(unknown.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(ProblemDetails.parse(unknown.body).status).toBe(401);

      const short = await startTradingGridSimulator(scenario, { tokenTtlSeconds: 1 });
      try {
        const token = await fetchToken(short);
        const ok = await call(`${short.url}/api/v1/communities`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(ok.status).toBe(200);
        await new Promise((r) => setTimeout(r, 1100));
        const expired = await call<{ detail: string }>(`${short.url}/api/v1/communities`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(expired.status).toBe(401);
        expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
        expect(expired.body.detail).toContain('expired');
        // A new token works again.
        const fresh = await fetchToken(short);
        expect(
          (await call(`${short.url}/api/v1/communities`, { headers: { authorization: `Bearer ${fresh}` } }))
            .status,
        ).toBe(200);
      } finally {
        await short.close();
      }
    });

    it('can revoke every token and change the TTL at run time', async () => {
      const s = await startTradingGridSimulator(scenario);
      try {
        const token = await fetchToken(s);
        const revoked = await call<{ revoked: number }>(`${s.url}/_sim/tokens/revoke`, { method: 'POST' });
        expect(revoked.body.revoked).toBe(1);
        expect(
          (await call(`${s.url}/api/v1/communities`, { headers: { authorization: `Bearer ${token}` } }))
            .status,
        ).toBe(401);
        const settings = await call(`${s.url}/_sim/settings`, jsonInit('PUT', { tokenTtlSeconds: 2 }));
        expect(settings.body).toEqual({ honourIdempotencyKeys: true, tokenTtlSeconds: 2 });
        const res = await call(
          `${s.url}/oauth2/token`,
          form({ grant_type: 'client_credentials', ...creds(s) }),
        );
        expect(TokenResponse.parse(res.body).expires_in).toBe(2);
        expect((await call(`${s.url}/_sim/settings`, jsonInit('PUT', { tokenTtlSeconds: 0 }))).status).toBe(
          400,
        );
      } finally {
        await s.close();
      }
    });
  });

  describe('communities feed', () => {
    it('lists one community per partner by cursor, and new ones after the cursor', async () => {
      const seen: Community[] = [];
      let cursor = '0';
      for (;;) {
        const res = await call(`${sim.url}/api/v1/communities?since=${cursor}&limit=5`, { headers: bearer });
        const page = FeedPage.parse(res.body);
        seen.push(...page.items.map((c) => Community.parse(c)));
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      expect(seen.map((c) => c.partnerCode).sort()).toEqual(
        scenario.partners.map((p) => p.partnerCode).sort(),
      );
      const added = sim.addCommunity({ name: 'Brand New Stores', partnerCode: 'BRAND_NEW_STORES' });
      expect(sim.addCommunity({ name: 'Again', partnerCode: 'BRAND_NEW_STORES' })).toEqual(added);
      const next = await call<FeedPage>(`${sim.url}/api/v1/communities?since=${cursor}`, { headers: bearer });
      expect(next.body.items).toEqual([added]);
    });

    it('adds communities for partners xConnector does not know through /_sim/activity', async () => {
      const before = sim.stats().communities;
      const res = await call<{ communities: Community[] }>(
        `${sim.url}/_sim/activity`,
        jsonInit('POST', { communities: 2 }),
      );
      expect(res.status).toBe(200);
      expect(res.body.communities).toHaveLength(2);
      for (const c of res.body.communities) {
        expect(Community.parse(c).partnerCode).not.toBeOneOf(scenario.partners.map((p) => p.partnerCode));
      }
      expect(sim.stats().communities).toBe(before + 2);
      expect((await call(`${sim.url}/_sim/activity`, jsonInit('POST', { issues: 2 }))).status).toBe(400);
    });
  });

  describe('issues and alerts', () => {
    it('creates an issue in a community, storing correlationRef, found again by it', async () => {
      const body = newIssue('create-1');
      const res = await call(
        `${sim.url}/api/v1/communities/${community}/issues`,
        jsonInit('POST', body, { ...bearer, 'idempotency-key': 'k-create-1' }),
      );
      expect(res.status).toBe(201);
      const issue = Issue.parse(res.body);
      expect(issue).toMatchObject({
        communityId: community,
        correlationRef: body.correlationRef,
        status: 'OPEN',
        title: body.title,
      });
      const found = await call<{ items: Issue[] }>(
        `${sim.url}/api/v1/issues?correlationRef=${encodeURIComponent(body.correlationRef)}`,
        { headers: bearer },
      );
      expect(found.status).toBe(200);
      expect(found.body.items).toEqual([issue]);
      const none = await call<{ items: Issue[] }>(
        `${sim.url}/api/v1/issues?correlationRef=pd:exception:none`,
        { headers: bearer },
      );
      expect(none.body).toEqual({ items: [] });
    });

    it('takes updates on issues partners opened, as on its own (an SLA escalation of a partner case)', async () => {
      const issueId = sim.issueFeed.partnerOpensIssue(community)!;
      const before = sim.issueFeed.snapshot(issueId)!;
      const res = await call(
        `${sim.url}/api/v1/issues/${issueId}/updates`,
        jsonInit(
          'POST',
          {
            priority: 'urgent',
            supportTier: 2,
            comment: 'Escalated: SLA breached',
            correlationRef: 'pd:sla:p-1',
          },
          { ...bearer, 'idempotency-key': 'k-upd-partner-1' },
        ),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ issueId, priority: 'urgent', supportTier: 2 });
      const after = sim.issueFeed.snapshot(issueId)!;
      expect(after).toMatchObject({ priority: 'urgent', title: before.title });
      expect(after.updatedAt >= before.updatedAt).toBe(true);
      const unknown = await call(
        `${sim.url}/api/v1/issues/PISS-none/updates`,
        jsonInit('POST', { priority: 'high', comment: 'x', correlationRef: 'pd:sla:p-2' }, bearer),
      );
      expect(unknown.status).toBe(404);
    });

    it('creates an alert and finds it by correlationRef', async () => {
      const body = newAlert('alert-1');
      const res = await call(
        `${sim.url}/api/v1/communities/${community}/alerts`,
        jsonInit('POST', body, { ...bearer, 'idempotency-key': 'k-alert-1' }),
      );
      expect(res.status).toBe(201);
      const alert = Alert.parse(res.body);
      const found = await call<{ items: Alert[] }>(
        `${sim.url}/api/v1/alerts?correlationRef=${encodeURIComponent(body.correlationRef)}`,
        { headers: bearer },
      );
      expect(found.body.items).toEqual([alert]);
      expect(sim.alerts()).toContainEqual(alert);
    });

    it('answers 404 for an unknown community and 400 for bad bodies or a missing correlationRef', async () => {
      const missing = await call(
        `${sim.url}/api/v1/communities/C-NOPE/issues`,
        jsonInit('POST', newIssue('x'), bearer),
      );
      expect(missing.status).toBe(404);
      expect(ProblemDetails.parse(missing.body).status).toBe(404);
      const alertMissing = await call(
        `${sim.url}/api/v1/communities/C-NOPE/alerts`,
        jsonInit('POST', newAlert('x'), bearer),
      );
      expect(alertMissing.status).toBe(404);
      const count = sim.stats().issuesCreated;
      for (const bad of [
        { ...newIssue('bad'), correlationRef: 'not-a-ref' },
        { ...newIssue('bad'), priority: 'whenever' },
        { ...newIssue('bad'), title: '' },
        { title: 'only a title' },
      ]) {
        const res = await call(
          `${sim.url}/api/v1/communities/${community}/issues`,
          jsonInit('POST', bad, bearer),
        );
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(ProblemDetails.parse(res.body).title).toBe('Invalid request body');
      }
      expect(sim.stats().issuesCreated).toBe(count);
      expect((await call(`${sim.url}/api/v1/issues`, { headers: bearer })).status).toBe(400);
      expect((await call(`${sim.url}/api/v1/alerts?correlationRef=`, { headers: bearer })).status).toBe(400);
    });

    it('honours Idempotency-Key by default: a repeat answers 201 with the first object and creates nothing', async () => {
      const url = `${sim.url}/api/v1/communities/${community}/issues`;
      const init = jsonInit('POST', newIssue('idem-1'), { ...bearer, 'idempotency-key': 'k-idem-1' });
      const first = await call<Issue>(url, init);
      const count = sim.stats().issuesCreated;
      const second = await call<Issue>(url, init);
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(sim.stats().issuesCreated).toBe(count);
      expect(sim.stats().idempotentReplays).toBeGreaterThanOrEqual(1);
      expect(sim.duplicates()).toEqual([]);
    });

    it('when told to ignore Idempotency-Key, creates duplicates and counts them', async () => {
      const s = await startTradingGridSimulator(scenario, { honourIdempotencyKeys: false });
      try {
        const auth = { authorization: `Bearer ${await fetchToken(s)}` };
        const url = `${s.url}/api/v1/communities/${community}/issues`;
        const init = jsonInit('POST', newIssue('dup-1'), { ...auth, 'idempotency-key': 'k-dup-1' });
        const a = await call<Issue>(url, init);
        const b = await call<Issue>(url, init);
        expect(a.status).toBe(201);
        expect(b.status).toBe(201);
        expect(b.body.id).not.toBe(a.body.id);
        expect(s.duplicates()).toEqual(['pd:exception:EX-dup-1']);
        const found = await call<{ items: Issue[] }>(
          `${s.url}/api/v1/issues?correlationRef=pd:exception:EX-dup-1`,
          { headers: auth },
        );
        expect(found.body.items.map((i) => i.id)).toEqual([a.body.id, b.body.id]);
        expect((await call<{ duplicates: string[] }>(`${s.url}/_sim/stats`)).body.duplicates).toEqual([
          'pd:exception:EX-dup-1',
        ]);

        // Switching back on at run time makes keys count again from then on.
        await call(`${s.url}/_sim/settings`, jsonInit('PUT', { honourIdempotencyKeys: true }));
        const initAlert = jsonInit('POST', newAlert('dup-2'), { ...auth, 'idempotency-key': 'k-dup-2' });
        const x = await call<Alert>(`${s.url}/api/v1/communities/${community}/alerts`, initAlert);
        const y = await call<Alert>(`${s.url}/api/v1/communities/${community}/alerts`, initAlert);
        expect(y.body.id).toBe(x.body.id);
        expect(s.stats().alertsCreated).toBe(1);
      } finally {
        await s.close();
      }
    });

    // Speed is the benchmark's business (npm run bench); this checks the counts hold at volume.
    it('creates 10,000 issues with exact counts and no duplicates', { timeout: 120_000 }, async () => {
      const s = await startTradingGridSimulator(scenario);
      try {
        const auth = { authorization: `Bearer ${await fetchToken(s)}` };
        const communities = scenario.communities.map((c) => c.id);
        const statuses = await pool(
          Array.from({ length: 10_000 }, (_, i) => i),
          32,
          async (i) =>
            await fetch(`${s.url}/api/v1/communities/${communities[i % communities.length]}/issues`, {
              method: 'POST',
              headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `bulk-${i}` },
              body: JSON.stringify(newIssue(`bulk-${i}`)),
            }).then(async (r) => {
              await r.arrayBuffer();
              return r.status;
            }),
        );
        expect(statuses.every((st) => st === 201)).toBe(true);
        expect(s.stats().issuesCreated).toBe(10_000);
        expect(s.duplicates()).toEqual([]);
      } finally {
        await s.close();
      }
    });
  });
});

function creds(s: TradingGridSimulator): { client_id: string; client_secret: string } {
  return { client_id: s.credentials.clientId, client_secret: s.credentials.clientSecret };
}
