import { afterEach, describe, expect, it } from 'vitest';
import { EngineSettings } from '../../../shared/config/engineSettings.ts';
import type { NewAlert, NewIssue } from '../../../shared/domain/issue.ts';
import { json, policy, recordingSleep, startServer } from '../../http/testing.ts';
import type { Handler, LocalServer } from '../../http/testing.ts';
import { memoryCredentialSource } from '../credentialSource.ts';
import { createTradingGridClient } from './tradingGridClient.ts';
import type { TradingGridClient } from './tradingGridClient.ts';

const at = '2025-03-01T12:00:00Z';
const newIssue: NewIssue = {
  title: 'Invoice 42 price mismatch',
  description: 'Expected 100.00 USD, invoiced 120.00 USD',
  type: 'INVOICE_DISPUTE',
  priority: 'high',
  supportTier: 1,
  correlationRef: 'pd:exception:E-1',
  externalRefs: [{ system: 'xconnector', kind: 'exception', id: 'E-1' }],
};
const newAlert: NewAlert = {
  severity: 'error',
  title: '810 rejected',
  message: 'The invoice was rejected: missing field',
  correlationRef: 'pd:transaction:T-1',
  transactionRef: { id: 'T-1', documentType: '810', controlNumber: '42' },
  errors: [],
};

let servers: LocalServer[] = [];
let clients: TradingGridClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

interface TgServer {
  tokensIssued: number;
  /** Tokens the API still accepts. */
  valid: Set<string>;
}

/** A tiny Trading Grid: the token endpoint plus whatever `api` answers for bearer-authenticated calls. */
function tradingGrid(state: TgServer, api: Handler): Handler {
  return (req, res, body, i) => {
    if (req.url === '/oauth2/token') {
      state.tokensIssued += 1;
      const token = `tok-${state.tokensIssued}`;
      state.valid.add(token);
      return json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
    }
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!state.valid.has(token)) return json(res, 401, { error: 'invalid_token' });
    return api(req, res, body, i);
  };
}

async function setup(api: Handler, state: TgServer = { tokensIssued: 0, valid: new Set() }) {
  const server = await startServer(tradingGrid(state, api));
  servers.push(server);
  const settings = EngineSettings.parse({
    xconnector: { baseUrl: server.url },
    tradingGrid: { baseUrl: server.url, clientId: 'desk' },
  }).tradingGrid;
  const client = createTradingGridClient({
    settings: { ...settings, http: policy() },
    credentials: memoryCredentialSource({ 'tradingGrid.clientSecret': 'secret' }),
    sleep: recordingSleep().sleep,
  });
  clients.push(client);
  return { server, client, state };
}

const apiRequests = (server: LocalServer) => server.requests.filter((r) => r.url !== '/oauth2/token');

describe('Trading Grid client', () => {
  it('creates an issue with a bearer token and the Idempotency-Key', async () => {
    const { server, client } = await setup((req, res, body) =>
      json(res, 201, {
        ...(JSON.parse(body) as object),
        id: 'I-1',
        communityId: 'C-1',
        status: 'open',
        createdAt: at,
        updatedAt: at,
      }),
    );
    const r = await client.createIssue('C-1', newIssue, 'tg.createIssue:exc:E-1');
    expect(r.ok && r.value).toMatchObject({
      id: 'I-1',
      communityId: 'C-1',
      correlationRef: 'pd:exception:E-1',
    });
    const [req] = apiRequests(server);
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/api/v1/communities/C-1/issues');
    expect(req?.headers.authorization).toBe('Bearer tok-1');
    expect(req?.headers['idempotency-key']).toBe('tg.createIssue:exc:E-1');
    expect(JSON.parse(req?.body ?? '')).toEqual(newIssue);
  });

  it('creates an alert', async () => {
    const { server, client } = await setup((_req, res, body) =>
      json(res, 201, { ...(JSON.parse(body) as object), id: 'A-1', communityId: 'C-1', createdAt: at }),
    );
    const r = await client.createAlert('C-1', newAlert, 'tg.createAlert:T-1');
    expect(r.ok && r.value.id).toBe('A-1');
    expect(apiRequests(server)[0]?.url).toBe('/api/v1/communities/C-1/alerts');
  });

  it('finds issues and alerts by correlation reference, keeping only exact matches', async () => {
    const issue = (id: string, ref: string) => ({
      ...newIssue,
      id,
      correlationRef: ref,
      communityId: 'C-1',
      status: 'open',
      createdAt: at,
      updatedAt: at,
    });
    const alert = (id: string, ref: string) => ({
      ...newAlert,
      id,
      correlationRef: ref,
      communityId: 'C-1',
      createdAt: at,
    });
    const { server, client } = await setup((req, res) =>
      req.url?.startsWith('/api/v1/issues')
        ? // A server that ignores the filter must not make us think our issue exists.
          json(res, 200, { items: [issue('I-1', 'pd:exception:E-1'), issue('I-2', 'pd:exception:E-10')] })
        : json(res, 200, { items: [alert('A-1', 'pd:transaction:T-9')] }),
    );
    const issues = await client.findIssuesByRef('pd:exception:E-1');
    expect(issues.ok && issues.value.map((i) => i.id)).toEqual(['I-1']);
    const alerts = await client.findAlertsByRef('pd:transaction:T-1');
    expect(alerts).toEqual({ ok: true, value: [] });
    expect(apiRequests(server).map((r) => r.url)).toEqual([
      '/api/v1/issues?correlationRef=pd%3Aexception%3AE-1',
      '/api/v1/alerts?correlationRef=pd%3Atransaction%3AT-1',
    ]);
  });

  it('reads the communities feed', async () => {
    const { server, client } = await setup((_req, res) =>
      json(res, 200, { items: [], nextCursor: 'c9', hasMore: false }),
    );
    expect(await client.communitiesFeed('c8', 20)).toEqual({
      ok: true,
      value: { items: [], nextCursor: 'c9', hasMore: false },
    });
    expect(apiRequests(server)[0]?.url).toBe('/api/v1/communities?since=c8&limit=20');
  });

  it('a burst of 401s after the token was revoked causes exactly one refresh', async () => {
    const state: TgServer = { tokensIssued: 0, valid: new Set() };
    const { server, client } = await setup(
      (_req, res) => json(res, 200, { items: [], nextCursor: 'c', hasMore: false }),
      state,
    );
    expect((await client.communitiesFeed()).ok).toBe(true);
    state.valid.clear(); // the server revokes tok-1
    const results = await Promise.all(Array.from({ length: 8 }, () => client.communitiesFeed()));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(state.tokensIssued).toBe(2);
    expect(server.requests.filter((r) => r.url === '/oauth2/token')).toHaveLength(2);
  });

  it('refuses a create body that breaks the contract, without sending it', async () => {
    const { server, client } = await setup((_req, res) => json(res, 201, {}));
    const r = await client.createIssue('C-1', { ...newIssue, correlationRef: 'not a ref' }, 'k');
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'bad_request', maybeApplied: false });
    expect(r.ok ? '' : r.error.message).toContain('correlationRef is not in the expected format');
    expect(server.requests).toHaveLength(0);
  });

  it('test connection obtains a token and reads one community', async () => {
    const { server, client } = await setup((_req, res) =>
      json(res, 200, { items: [], nextCursor: '', hasMore: false }),
    );
    expect(await client.testConnection()).toEqual({ ok: true, value: undefined });
    expect(server.requests.map((r) => r.url)).toEqual(['/oauth2/token', '/api/v1/communities?limit=1']);
    expect(client.tokenState().hasToken).toBe(true);
  });
});
