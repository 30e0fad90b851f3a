import { afterEach, describe, expect, it } from 'vitest';
import { EngineSettings } from '../../../shared/config/engineSettings.ts';
import { json, policy, recordingLogger, recordingSleep, startServer } from '../../http/testing.ts';
import type { Handler, LocalServer } from '../../http/testing.ts';
import { memoryCredentialSource } from '../credentialSource.ts';
import type { MemoryCredentialSource } from '../credentialSource.ts';
import { createXConnectorClient } from './xConnectorClient.ts';
import type { XConnectorClient } from './xConnectorClient.ts';

const KEY = 'xc-api-key-0123456789';
const at = '2025-03-01T12:00:00Z';
const exception = {
  id: 'E-1',
  kind: 'shipment',
  partnerId: 'P-1',
  severity: 'high',
  summary: 'ASN missing',
  detectedAt: at,
  updatedAt: at,
};

let servers: LocalServer[] = [];
let clients: XConnectorClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

async function setup(
  handler: Handler,
  credentials: MemoryCredentialSource = memoryCredentialSource({ 'xconnector.apiKey': KEY }),
) {
  const server = await startServer(handler);
  servers.push(server);
  const settings = EngineSettings.parse({
    xconnector: { baseUrl: server.url },
    tradingGrid: { baseUrl: server.url, clientId: 'desk' },
  }).xconnector;
  const logger = recordingLogger();
  const client = createXConnectorClient({
    settings: { ...settings, http: policy() },
    credentials,
    logger,
    sleep: recordingSleep().sleep,
  });
  clients.push(client);
  return { server, client, credentials, logger };
}

/** Accepts only the current key from the credential store. */
function keyed(valid: () => string, inner: Handler): Handler {
  return (req, res, body, i) =>
    req.headers['x-api-key'] === valid() ? inner(req, res, body, i) : json(res, 401, {});
}

describe('xConnector client', () => {
  it('reads each feed by cursor with the API key', async () => {
    const { server, client } = await setup(
      keyed(
        () => KEY,
        (_req, res) => json(res, 200, { items: [{ any: 'thing' }], nextCursor: 'c2', hasMore: false }),
      ),
    );
    expect(await client.partnersFeed('c1', 50)).toEqual({
      ok: true,
      value: { items: [{ any: 'thing' }], nextCursor: 'c2', hasMore: false },
    });
    expect((await client.exceptionsFeed(undefined, 10)).ok).toBe(true);
    expect((await client.transactionsFeed()).ok).toBe(true);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/partners?since=c1&limit=50',
      '/api/v1/exceptions?limit=10',
      '/api/v1/transactions?limit=200',
    ]);
    expect(server.requests.every((r) => r.headers['x-api-key'] === KEY)).toBe(true);
  });

  it('links an exception with PUT and the Idempotency-Key header', async () => {
    const { server, client } = await setup((_req, res, body) =>
      json(res, 200, { ...exception, link: JSON.parse(body) as unknown }),
    );
    const link = { system: 'trading-grid' as const, issueId: 'I-9', communityId: 'C-1' };
    const r = await client.linkException('E-1', link, 'xc.linkException:exc:E-1');
    expect(r.ok && r.value.link).toEqual(link);
    const req = server.requests[0];
    expect(req?.method).toBe('PUT');
    expect(req?.url).toBe('/api/v1/exceptions/E-1/link');
    expect(req?.headers['idempotency-key']).toBe('xc.linkException:exc:E-1');
  });

  it('refuses an idempotency key that is not header-safe, without sending', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, exception));
    const r = await client.linkException(
      'E-1',
      { system: 'trading-grid', issueId: 'I', communityId: 'C' },
      'bad key\n',
    );
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'bad_request', maybeApplied: false });
    expect(server.requests).toHaveLength(0);
  });

  it('without a stored key: a clear error and no request', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, {}), memoryCredentialSource({}));
    const r = await client.partnersFeed();
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'unauthorized',
      retryable: false,
      message: 'No xConnector API key is stored: add it in Settings → Connections',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('after a 401, reads the key again (the user replaced it) and succeeds', async () => {
    const credentials = memoryCredentialSource({ 'xconnector.apiKey': 'old-key' });
    const { server, client } = await setup(
      keyed(
        () => KEY,
        (_req, res) => json(res, 200, { items: [], nextCursor: 'c', hasMore: false }),
      ),
      credentials,
    );
    // The first call fills the cache with the old key; then the user stores the new one.
    expect((await client.partnersFeed()).ok).toBe(false);
    credentials.set('xconnector.apiKey', KEY);
    expect((await client.partnersFeed()).ok).toBe(true);
    // Call 1: old key, refused, re-read (still old), refused. Call 2: cached old key refused once, then
    // the re-read finds the new key.
    expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual([
      'old-key',
      'old-key',
      'old-key',
      KEY,
    ]);
  });

  it('a refused key ends in a message that never contains the key', async () => {
    const { client, logger } = await setup((_req, res) => json(res, 401, { message: 'bad key' }));
    const r = await client.testConnection();
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'unauthorized', status: 401, retryable: false });
    expect(r.ok ? '' : r.error.message).toBe(
      'xConnector refused the API key: check the API key in Settings → Connections',
    );
    expect(JSON.stringify(logger.entries)).not.toContain(KEY);
    expect(JSON.stringify(r)).not.toContain(KEY);
  });
});
