import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, noAuth } from '../../http/httpClient.ts';
import type { HttpClient } from '../../http/httpClient.ts';
import {
  fakeClock,
  json,
  policy,
  recordingLogger,
  recordingSleep,
  startServer,
  until,
} from '../../http/testing.ts';
import type { FakeClock, Handler, LocalServer } from '../../http/testing.ts';
import { memoryCredentialSource } from '../credentialSource.ts';
import { createOAuthTokenProvider, refreshTime } from './oauthTokenProvider.ts';
import type { OAuthTokenProvider } from './oauthTokenProvider.ts';

const SECRET = 's3cr3t-client-secret';

let servers: LocalServer[] = [];
let clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

/** A token server handing out tok-1, tok-2, … with the given lifetime. */
function issuing(expiresIn: number): Handler {
  let n = 0;
  return (req, res, body) => {
    const form = new URLSearchParams(body);
    if (req.url !== '/oauth2/token' || req.method !== 'POST') return json(res, 404, {});
    if (form.get('client_id') !== 'desk' || form.get('client_secret') !== SECRET) {
      return json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    n += 1;
    json(res, 200, { access_token: `tok-${n}`, token_type: 'Bearer', expires_in: expiresIn });
  };
}

async function setup(
  handler: Handler,
  opts: { clock?: FakeClock; secret?: string | null; maxRetries?: number } = {},
): Promise<{
  server: LocalServer;
  provider: OAuthTokenProvider;
  clock: FakeClock;
  logger: ReturnType<typeof recordingLogger>;
}> {
  const server = await startServer(handler);
  servers.push(server);
  const clock = opts.clock ?? fakeClock();
  const logger = recordingLogger();
  const http = createHttpClient({
    baseUrl: server.url,
    policy: policy({ maxRetries: opts.maxRetries ?? 2 }),
    systemName: 'Trading Grid',
    auth: noAuth,
    clock,
    sleep: recordingSleep().sleep,
    logger,
  });
  clients.push(http);
  const secret = opts.secret === undefined ? SECRET : opts.secret;
  const provider = createOAuthTokenProvider({
    http,
    clientId: 'desk',
    clientSecretName: 'tradingGrid.clientSecret',
    credentials: memoryCredentialSource(secret === null ? {} : { 'tradingGrid.clientSecret': secret }),
    clock,
    logger,
  });
  return { server, provider, clock, logger };
}

describe('OAuth token provider', () => {
  it('fetches a token with a form-encoded client-credentials grant and caches it', async () => {
    const { server, provider } = await setup(issuing(3600));
    for (let i = 0; i < 3; i += 1) {
      expect(await provider.headers()).toEqual({ ok: true, value: { authorization: 'Bearer tok-1' } });
    }
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'desk',
      client_secret: SECRET,
    });
    expect(req?.headers.authorization).toBeUndefined();
  });

  it('refreshes 30 s before expiry for long-lived tokens', async () => {
    const { server, provider, clock } = await setup(issuing(3600));
    await provider.headers();
    clock.advance(3570_000 - 1);
    expect(await provider.headers()).toEqual({ ok: true, value: { authorization: 'Bearer tok-1' } });
    clock.advance(1);
    expect(await provider.headers()).toEqual({ ok: true, value: { authorization: 'Bearer tok-2' } });
    expect(server.requests).toHaveLength(2);
  });

  it('refreshes at 90 % of the lifetime for short-lived tokens', async () => {
    expect(refreshTime(0, 100_000)).toBe(90_000);
    expect(refreshTime(0, 3_600_000)).toBe(3_570_000);
    const { server, provider, clock } = await setup(issuing(100));
    await provider.headers();
    clock.advance(89_999);
    await provider.headers();
    expect(server.requests).toHaveLength(1);
    clock.advance(1);
    expect(await provider.headers()).toEqual({ ok: true, value: { authorization: 'Bearer tok-2' } });
  });

  it('fetches a new token after invalidate(), ignoring a stale rejection', async () => {
    const { server, provider } = await setup(issuing(3600));
    await provider.headers();
    provider.invalidate({ authorization: 'Bearer tok-1' });
    expect(await provider.headers()).toEqual({ ok: true, value: { authorization: 'Bearer tok-2' } });
    // A request that still carried tok-1 reports its 401 late: tok-2 is kept.
    provider.invalidate({ authorization: 'Bearer tok-1' });
    expect(await provider.headers()).toEqual({ ok: true, value: { authorization: 'Bearer tok-2' } });
    expect(server.requests).toHaveLength(2);
  });

  it('concurrent callers share one refresh', async () => {
    const release: (() => void)[] = [];
    const inner = issuing(3600);
    const { server, provider, clock } = await setup((req, res, body, i) => {
      release.push(() => void inner(req, res, body, i));
    });
    const first = Array.from({ length: 10 }, () => provider.headers());
    await until(() => release.length === 1);
    release.shift()?.();
    const results = await Promise.all(first);
    expect(results.every((r) => r.ok && r.value.authorization === 'Bearer tok-1')).toBe(true);

    clock.advance(3600_000); // expired: every caller needs the next token
    const second = Array.from({ length: 10 }, () => provider.headers());
    await until(() => release.length === 1);
    release.shift()?.();
    const again = await Promise.all(second);
    expect(again.every((r) => r.ok && r.value.authorization === 'Bearer tok-2')).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(provider.state().fetches).toBe(2);
  });

  it('invalid_client → unauthorized, not retried, with a message a person can act on', async () => {
    const { server, provider, logger } = await setup(issuing(3600), { secret: 'wrong-secret' });
    const r = await provider.headers();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      kind: 'unauthorized',
      retryable: false,
      maybeApplied: false,
      remoteCode: 'invalid_client',
    });
    expect(r.error.message).toBe(
      'Trading Grid refused the client credentials: check the client ID and secret in Settings → Connections',
    );
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(logger.entries)).not.toContain('wrong-secret');
  });

  it('invalid_client sent as 400 is also a credentials problem', async () => {
    const { provider } = await setup((_req, res) => json(res, 400, { error: 'invalid_client' }));
    const r = await provider.headers();
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'unauthorized', retryable: false });
  });

  it('a rate-limited or failing token endpoint is retried, then reported as retryable', async () => {
    const inner = issuing(3600);
    const flaky = await setup((req, res, body, i) =>
      i === 0 ? json(res, 429, {}, { 'retry-after': '1' }) : inner(req, res, body, i),
    );
    expect(await flaky.provider.headers()).toEqual({ ok: true, value: { authorization: 'Bearer tok-1' } });
    expect(flaky.server.requests).toHaveLength(2);

    const down = await setup((_req, res) => json(res, 503, {}), { maxRetries: 2 });
    const r = await down.provider.headers();
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'server',
      status: 503,
      retryable: true,
      endpointId: 'tg.token',
    });
    expect(down.server.requests).toHaveLength(3);
  });

  it('keeps using a still-valid token when an early refresh fails for a passing reason', async () => {
    const inner = issuing(3600);
    const { provider, clock, server } = await setup(
      (req, res, body, i) => (i === 0 ? inner(req, res, body, i) : json(res, 503, {})),
      { maxRetries: 0 },
    );
    await provider.headers();
    clock.advance(3580_000); // inside the refresh window, not yet expired
    expect(await provider.headers()).toEqual({ ok: true, value: { authorization: 'Bearer tok-1' } });
    clock.advance(20_000); // now expired
    const r = await provider.headers();
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'server', retryable: true });
    expect(server.requests).toHaveLength(3);
  });

  it('a missing client secret is reported without calling the server', async () => {
    const { server, provider } = await setup(issuing(3600), { secret: null });
    const r = await provider.headers();
    expect(r.ok ? null : r.error).toMatchObject({
      kind: 'unauthorized',
      retryable: false,
      message: 'No Trading Grid client secret is stored: add it in Settings → Connections',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('an unusable token response is invalid_response and never echoes the token', async () => {
    const { provider } = await setup((_req, res) =>
      json(res, 200, { access_token: 'LEAKED-TOKEN-VALUE', token_type: 'mac', expires_in: 60 }),
    );
    const r = await provider.headers();
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalid_response' });
    expect(r.ok ? '' : r.error.message).not.toContain('LEAKED-TOKEN-VALUE');
    expect(r.ok ? '' : r.error.message).toContain('token_type must be "Bearer"');
  });

  it('refuses a token that could not be sent in a header', async () => {
    const { provider } = await setup((_req, res) =>
      json(res, 200, { access_token: 'abc\r\nX-Evil: 1', token_type: 'Bearer', expires_in: 60 }),
    );
    const r = await provider.headers();
    expect(r.ok ? null : r.error).toMatchObject({ kind: 'invalid_response' });
  });
});
