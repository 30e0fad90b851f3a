import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint } from '../../shared/contracts/endpoint.ts';
import { createHttpClient, noAuth } from './httpClient.ts';
import type { AuthProvider, HttpClient, HttpClientOptions } from './httpClient.ts';
import { ok } from './result.ts';
import { fakeClock, json, policy, recordingLogger, recordingSleep, startServer, until } from './testing.ts';
import type { Handler, LocalServer } from './testing.ts';

const Thing = z.object({ id: z.string().max(128), name: z.string() });

const getThing = endpoint({
  id: 'test.getThing',
  method: 'GET',
  path: '/things/:id',
  summary: 'Read a thing',
  params: z.object({ id: z.string().min(1) }),
  response: Thing,
  status: 200,
  idempotent: false,
});

const listThings = endpoint({
  id: 'test.listThings',
  method: 'GET',
  path: '/things',
  summary: 'List things',
  query: z.object({
    since: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  }),
  response: z.object({ items: z.array(Thing) }),
  status: 200,
  idempotent: false,
});

const createThing = endpoint({
  id: 'test.createThing',
  method: 'POST',
  path: '/things',
  summary: 'Create a thing',
  body: z.object({ name: z.string().min(1) }),
  response: Thing,
  status: 201,
  idempotent: true,
});

const putThing = endpoint({
  id: 'test.putThing',
  method: 'PUT',
  path: '/things/:id',
  summary: 'Replace a thing',
  params: z.object({ id: z.string().min(1) }),
  body: z.object({ name: z.string().min(1) }),
  response: Thing,
  status: 200,
  idempotent: true,
});

let servers: LocalServer[] = [];
let clients: HttpClient[] = [];

afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

async function serve(handler: Handler): Promise<LocalServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function client(server: { url: string }, overrides: Partial<HttpClientOptions> = {}): HttpClient {
  const c = createHttpClient({
    baseUrl: server.url,
    policy: policy(),
    systemName: 'xConnector',
    auth: noAuth,
    random: () => 1,
    sleep: recordingSleep().sleep,
    ...overrides,
  });
  clients.push(c);
  return c;
}

describe('http client: success path', () => {
  it('fills path params, builds the query, and validates the response', async () => {
    const server = await serve((_req, res) => json(res, 200, { items: [{ id: 'a', name: 'A' }] }));
    const c = client(server, { baseUrl: `${server.url}/base/` });
    const r = await c.call(listThings, { query: { since: 'c 1', limit: 5 } });
    expect(r).toEqual({ ok: true, value: { items: [{ id: 'a', name: 'A' }] } });
    expect(server.requests[0]?.url).toBe('/base/things?since=c+1&limit=5');
    expect(server.requests[0]?.headers.accept).toBe('application/json');

    const one = await c.call(getThing, { params: { id: 'a/../b' } });
    expect(one.ok).toBe(false); // the handler's answer does not fit Thing: fine, we check the path
    expect(server.requests[1]?.url).toBe('/base/things/a%2F..%2Fb');
  });

  it('sends a JSON body and accepts 200 or 201 for a create', async () => {
    const server = await serve((_req, res, body, i) =>
      json(res, i === 0 ? 201 : 200, { id: 't1', name: (JSON.parse(body) as { name: string }).name }),
    );
    const c = client(server);
    const r1 = await c.call(createThing, { body: { name: 'x' }, headers: { 'idempotency-key': 'k1' } });
    const r2 = await c.call(createThing, { body: { name: 'y' } });
    expect(r1).toEqual({ ok: true, value: { id: 't1', name: 'x' } });
    expect(r2).toEqual({ ok: true, value: { id: 't1', name: 'y' } });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[0]?.headers['idempotency-key']).toBe('k1');
  });

  it('refuses to send a request that breaks the contract', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const c = client(server);
    const r = await c.call(listThings, { query: { limit: 5000 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'bad_request', retryable: false, maybeApplied: false });
    expect(r.error.message).toContain('limit is too large');
    expect(server.requests).toHaveLength(0);
  });
});

describe('http client: retries', () => {
  it('retries a GET on 503 with exponential backoff, then succeeds', async () => {
    const server = await serve((_req, res, _b, i) =>
      i < 2 ? json(res, 503, { title: 'busy' }) : json(res, 200, { id: 'a', name: 'A' }),
    );
    const rec = recordingSleep();
    const logger = recordingLogger();
    const c = client(server, { sleep: rec.sleep, logger, policy: policy({ backoffBaseMs: 100 }) });
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(r.ok).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(rec.waits).toEqual([100, 200]); // random = 1: the full cap, base·2^attempt
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
    expect(c.stats()).toMatchObject({ calls: 1, requests: 3, retries: 2, successes: 1, failures: 0 });
  });

  it('gives up after maxRetries with a retryable server error', async () => {
    const server = await serve((_req, res) => json(res, 502, {}));
    const c = client(server, { policy: policy({ maxRetries: 2 }) });
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(server.requests).toHaveLength(3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      kind: 'server',
      status: 502,
      retryable: true,
      maybeApplied: false,
      endpointId: 'test.getThing',
    });
    expect(r.error.message).toContain('xConnector');
    expect(r.error.message).toContain('GET /things/a (test.getThing)');
  });

  it('honours Retry-After in seconds when it is longer than the backoff', async () => {
    const server = await serve((_req, res, _b, i) =>
      i === 0 ? json(res, 503, {}, { 'retry-after': '3' }) : json(res, 200, { id: 'a', name: 'A' }),
    );
    const rec = recordingSleep();
    const c = client(server, { sleep: rec.sleep, random: () => 0 });
    expect((await c.call(getThing, { params: { id: 'a' } })).ok).toBe(true);
    expect(rec.waits).toEqual([3000]);
  });

  it('honours Retry-After as an HTTP-date, read against the injected clock', async () => {
    const clock = fakeClock();
    const server = await serve((_req, res, _b, i) =>
      i === 0
        ? json(res, 429, {}, { 'retry-after': new Date(clock.now() + 5000).toUTCString() })
        : json(res, 200, { id: 'a', name: 'A' }),
    );
    const rec = recordingSleep();
    const c = client(server, { sleep: rec.sleep, clock, random: () => 0.5 });
    expect((await c.call(getThing, { params: { id: 'a' } })).ok).toBe(true);
    expect(rec.waits).toEqual([5000]);
  });

  it('leaves a Retry-After longer than the backoff maximum to the caller', async () => {
    const server = await serve((_req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    const c = client(server, { policy: policy({ backoffMaxMs: 10_000 }) });
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(server.requests).toHaveLength(1);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      kind: 'rate_limited',
      retryable: true,
      retryAfterMs: 3_600_000,
      maybeApplied: false,
    });
  });

  it('never retries a POST after a connection reset, and says it may have been applied', async () => {
    const server = await serve((req) => {
      req.socket.destroy();
    });
    const rec = recordingSleep();
    const c = client(server, { sleep: rec.sleep });
    const r = await c.call(createThing, { body: { name: 'x' } });
    expect(server.requests).toHaveLength(1);
    expect(rec.waits).toEqual([]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      kind: 'network',
      retryable: true,
      maybeApplied: true,
      endpointId: 'test.createThing',
    });
    expect(r.error.message).toContain('may have been applied');
  });

  it('never retries a POST after a 500 or 504 (maybe applied)', async () => {
    for (const status of [500, 504]) {
      const server = await serve((_req, res) => json(res, status, {}));
      const c = client(server);
      const r = await c.call(createThing, { body: { name: 'x' } });
      expect(server.requests).toHaveLength(1);
      expect(r.ok ? null : r.error).toMatchObject({
        kind: 'server',
        status,
        retryable: true,
        maybeApplied: true,
      });
    }
  });

  it('retries a POST after 429 (it was not applied)', async () => {
    const server = await serve((_req, res, _b, i) =>
      i === 0 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 201, { id: 't1', name: 'x' }),
    );
    const rec = recordingSleep();
    const c = client(server, { sleep: rec.sleep, random: () => 0 });
    const r = await c.call(createThing, { body: { name: 'x' } });
    expect(r).toEqual({ ok: true, value: { id: 't1', name: 'x' } });
    expect(server.requests).toHaveLength(2);
    expect(rec.waits).toEqual([1000]);
  });

  it('retries a POST whose connection was refused (nothing was sent)', async () => {
    const gone = await startServer(() => {});
    await gone.close();
    const rec = recordingSleep();
    const c = client(gone, { sleep: rec.sleep, policy: policy({ maxRetries: 2 }) });
    const r = await c.call(createThing, { body: { name: 'x' } });
    expect(rec.waits).toHaveLength(2);
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'network', retryable: true, maybeApplied: false });
    expect(r.ok ? '' : r.error.message).toContain('could not be reached');
  });

  it('retries a PUT after a connection reset (idempotent by HTTP semantics)', async () => {
    const server = await serve((req, res, _b, i) => {
      if (i === 0) req.socket.destroy();
      else json(res, 200, { id: 'a', name: 'x' });
    });
    const c = client(server);
    const r = await c.call(putThing, { params: { id: 'a' }, body: { name: 'x' } });
    expect(r.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });
});

describe('http client: timeouts, cancellation, bad answers', () => {
  it('reports a timeout when the server does not answer in time', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const c = client(server, { policy: policy({ timeoutMs: 150, maxRetries: 0 }) });
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'timeout', retryable: true, maybeApplied: false });
    expect(r.ok ? '' : r.error.message).toContain(
      'did not answer GET /things/a (test.getThing) within 0.15 s',
    );
  });

  it('a POST that timed out is not retried and may have been applied', async () => {
    const server = await serve(() => {});
    const c = client(server, { policy: policy({ timeoutMs: 150, maxRetries: 3 }) });
    const r = await c.call(createThing, { body: { name: 'x' } });
    expect(server.requests).toHaveLength(1);
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'timeout', maybeApplied: true });
  });

  it('an AbortSignal cancels a request in flight', async () => {
    const server = await serve(() => {});
    const c = client(server);
    const ac = new AbortController();
    const pending = c.call(getThing, { params: { id: 'a' }, signal: ac.signal });
    await until(() => server.requests.length === 1);
    ac.abort();
    const r = await pending;
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'cancelled', maybeApplied: false });
  });

  it('invalid JSON → invalid_response with a sanitised start of the body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>\u0000\u001b[31mMaintenance</html>');
    });
    const c = client(server);
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalid_response', retryable: false, status: 200 });
    const msg = r.ok ? '' : r.error.message;
    expect(msg).toContain('not valid JSON');
    expect(msg).toContain('<html> [31mMaintenance</html>');
    expect([...msg].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
  });

  it('schema mismatch → invalid_response naming the field, never echoing a secret', async () => {
    const server = await serve((_req, res) => json(res, 200, { id: 7, access_token: 'TOPSECRET-123' }));
    const c = client(server);
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalid_response' });
    const msg = r.ok ? '' : r.error.message;
    expect(msg).toContain('id should be a string, not a number');
    expect(msg).toContain('name is missing');
    expect(msg).not.toContain('TOPSECRET');
  });

  it('a create whose 201 body is unreadable may have been applied', async () => {
    const server = await serve((_req, res) => json(res, 201, { nope: true }));
    const c = client(server);
    const r = await c.call(createThing, { body: { name: 'x' } });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalid_response', maybeApplied: true });
    expect(server.requests).toHaveLength(1);
  });

  it('an empty success body is invalid_response', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const c = client(server);
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(r.ok ? '' : r.error.message).toContain('the body is empty');
  });

  it('a header value that cannot be sent is refused locally, not retried', async () => {
    const server = await serve((_req, res) => json(res, 200, { id: 'a', name: 'A' }));
    const rec = recordingSleep();
    const c = client(server, { sleep: rec.sleep });
    const r = await c.call(getThing, { params: { id: 'a' }, headers: { 'x-bad': 'a\r\nb' } });
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'bad_request',
      retryable: false,
      maybeApplied: false,
    });
    expect(rec.waits).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a response larger than the limit', async () => {
    const server = await serve((_req, res) => json(res, 200, { id: 'a', name: 'x'.repeat(10_000) }));
    const c = client(server, { maxResponseBytes: 1000 });
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalid_response' });
  });

  it('maps 4xx statuses and carries the problem detail', async () => {
    const cases: [number, string][] = [
      [400, 'bad_request'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [409, 'conflict'],
      [422, 'bad_request'],
    ];
    const server = await serve((req, res) => {
      const status = Number(req.url?.split('/')[2]);
      json(res, status, { title: 'Nope', detail: 'community c9 is archived', code: 'ARCHIVED' });
    });
    const c = client(server);
    for (const [status, kind] of cases) {
      const r = await c.call(getThing, { params: { id: String(status) } });
      expect(r.ok ? null : r.error).toMatchObject({
        kind,
        status,
        retryable: false,
        maybeApplied: false,
        remoteCode: 'ARCHIVED',
      });
      expect(r.ok ? '' : r.error.message).toContain('community c9 is archived');
    }
    expect(server.requests).toHaveLength(cases.length);
  });

  it('a closed client refuses further calls as cancelled', async () => {
    const server = await serve((_req, res) => json(res, 200, { id: 'a', name: 'A' }));
    const c = client(server);
    await c.close();
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'cancelled' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('http client: 401 handling', () => {
  function countingAuth(): AuthProvider & { invalidations: number; issued: number } {
    const a = {
      invalidations: 0,
      issued: 0,
      current: null as string | null,
      headers() {
        if (a.current === null) {
          a.issued += 1;
          a.current = `tok-${a.issued}`;
        }
        return Promise.resolve(ok({ authorization: `Bearer ${a.current}` }));
      },
      invalidate() {
        a.invalidations += 1;
        a.current = null;
      },
    };
    return a;
  }

  it('refreshes the credentials once and succeeds', async () => {
    const server = await serve((req, res) =>
      req.headers.authorization === 'Bearer tok-2'
        ? json(res, 200, { id: 'a', name: 'A' })
        : json(res, 401, {}),
    );
    const auth = countingAuth();
    const c = client(server, { auth, systemName: 'Trading Grid' });
    expect((await c.call(getThing, { params: { id: 'a' } })).ok).toBe(true);
    expect(auth.invalidations).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it('stops after one refresh with a message a person can act on', async () => {
    const server = await serve((_req, res) => json(res, 401, { error: 'invalid_token' }));
    const auth = countingAuth();
    const logger = recordingLogger();
    const c = client(server, { auth, systemName: 'Trading Grid', logger });
    const r = await c.call(getThing, { params: { id: 'a' } });
    expect(server.requests).toHaveLength(2);
    expect(auth.invalidations).toBe(1);
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'unauthorized',
      status: 401,
      retryable: false,
      maybeApplied: false,
    });
    expect(r.ok ? '' : r.error.message).toBe(
      'Trading Grid refused the client credentials: check the client ID and secret in Settings → Connections',
    );
    // Nothing logged carries the credentials.
    expect(JSON.stringify(logger.entries)).not.toContain('tok-');
  });
});

describe('http client: rate and concurrency limits', () => {
  it('keeps requests within the token bucket (server-observed, on the injected clock)', async () => {
    const clock = fakeClock();
    const t0 = clock.now();
    const seenAt: number[] = [];
    const server = await serve((_req, res) => {
      seenAt.push(clock.now() - t0);
      json(res, 200, { id: 'a', name: 'A' });
    });
    // The bucket's waits move the fake clock, but only once every request already granted has reached the
    // server, so the server stamps each request with the time the bucket let it go.
    const sleep = async (ms: number) => {
      await until(() => c.stats().inFlight === 0);
      clock.advance(ms);
    };
    const c = client(server, {
      clock,
      sleep,
      policy: policy({ ratePerSecond: 10, burst: 5, concurrency: 64 }),
    });
    const results = await Promise.all(
      Array.from({ length: 25 }, () => c.call(getThing, { params: { id: 'a' } })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    // 5 at once (the burst), then one every 100 ms (10 per second).
    expect(seenAt).toEqual([0, 0, 0, 0, 0, ...Array.from({ length: 20 }, (_, i) => (i + 1) * 100)]);
    for (let i = 0; i < seenAt.length; i += 1) {
      for (let j = i; j < seenAt.length; j += 1) {
        expect(j - i + 1).toBeLessThanOrEqual(
          5 + (10 * ((seenAt[j] as number) - (seenAt[i] as number))) / 1000,
        );
      }
    }
  });

  it('never has more than `concurrency` requests in flight at the server', async () => {
    const limit = 3;
    const total = 20;
    let inFlight = 0;
    let maxInFlight = 0;
    const held: (() => void)[] = [];
    const server = await serve((_req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      held.push(() => {
        inFlight -= 1;
        json(res, 200, { id: 'a', name: 'A' });
      });
      // Release a batch once the client has filled every slot (or nothing more can arrive).
      if (inFlight === limit || server.requests.length === total)
        for (const release of held.splice(0)) release();
    });
    const c = client(server, { policy: policy({ concurrency: limit }) });
    const results = await Promise.all(
      Array.from({ length: total }, () => c.call(getThing, { params: { id: 'a' } })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.requests).toHaveLength(total);
    expect(maxInFlight).toBe(limit);
  });
});
