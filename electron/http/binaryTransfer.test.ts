import { afterEach, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { endpoint } from '../../shared/contracts/endpoint.ts';
import { createBinaryTransfer } from './binaryTransfer.ts';
import type { AuthProvider } from './httpClient.ts';
import { ok } from './result.ts';
import { json, policy, startServer } from './testing.ts';
import type { Handler, LocalServer } from './testing.ts';

const putBytes = endpoint({
  id: 'test.putBytes',
  method: 'PUT',
  path: '/blobs/:id/content',
  summary: 'Bytes of a blob',
  params: z.object({ id: z.string().min(1) }),
  bodyKind: 'binary',
  response: z.object({ received: z.number() }),
  status: 200,
  idempotent: false,
});
const getBytes = endpoint({
  id: 'test.getBytes',
  method: 'GET',
  path: '/blobs/:id/content',
  summary: 'Bytes of a blob',
  params: z.object({ id: z.string().min(1) }),
  response: z.unknown(),
  responseKind: 'binary',
  status: 200,
  idempotent: false,
});

let servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function serve(handler: Handler) {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

/** Hands out `token-1`, then `token-2` after a refusal. */
function rotatingAuth(): AuthProvider & { refreshes: number } {
  let n = 1;
  const auth = {
    refreshes: 0,
    headers: async () => ok({ authorization: `Bearer token-${n}` }),
    invalidate: () => {
      n++;
      auth.refreshes++;
    },
  };
  return auth;
}

const source = (bytes: Buffer) => () =>
  Readable.from([bytes.subarray(0, bytes.length / 2), bytes.subarray(bytes.length / 2)]);

describe('binary transfers', () => {
  it('streams an upload body with its length, reporting the bytes sent', async () => {
    const server = await serve((req, res, body) => json(res, 200, { received: Buffer.byteLength(body) }));
    const t = createBinaryTransfer({
      baseUrl: server.url,
      systemName: 'Trading Grid',
      auth: rotatingAuth(),
      policy: policy(),
    });
    const bytes = Buffer.alloc(200_000, 'a');
    const seen: number[] = [];
    const r = await t.upload(putBytes, {
      params: { id: 'b 1' },
      headers: { 'content-range': 'bytes 0-199999/200000' },
      body: source(bytes),
      contentLength: bytes.length,
      onProgress: (n) => seen.push(n),
    });
    expect(r).toEqual({ ok: true, value: { received: 200_000 } });
    expect(server.requests[0]).toMatchObject({
      method: 'PUT',
      url: '/blobs/b%201/content',
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': '200000',
        'content-range': 'bytes 0-199999/200000',
      },
    });
    expect(seen.at(-1)).toBe(200_000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    await t.close();
  });

  it('refreshes refused credentials once and sends the body again from the start', async () => {
    const server = await serve((req, res, body) =>
      req.headers.authorization === 'Bearer token-2'
        ? json(res, 200, { received: body.length })
        : json(res, 401, { title: 'expired' }),
    );
    const auth = rotatingAuth();
    const t = createBinaryTransfer({
      baseUrl: server.url,
      systemName: 'Trading Grid',
      auth,
      policy: policy(),
    });
    const r = await t.upload(putBytes, {
      params: { id: 'x' },
      body: source(Buffer.from('hello')),
      contentLength: 5,
    });
    expect(r).toEqual({ ok: true, value: { received: 5 } });
    expect(auth.refreshes).toBe(1);
    expect(server.requests.map((q) => q.body)).toEqual(['hello', 'hello']);
    await t.close();
  });

  it('reports an error status as a value with the problem detail, and a broken connection as maybe applied', async () => {
    const server = await serve((req, res) =>
      json(res, 409, { title: 'Upload offset mismatch', detail: 'the session holds 10 bytes' }),
    );
    const t = createBinaryTransfer({
      baseUrl: server.url,
      systemName: 'Trading Grid',
      auth: rotatingAuth(),
      policy: policy(),
    });
    const r = await t.upload(putBytes, {
      params: { id: 'x' },
      body: source(Buffer.from('abcd')),
      contentLength: 4,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({
      kind: 'conflict',
      status: 409,
      message: expect.stringContaining('the session holds 10 bytes'),
    });
    await server.close();
    const gone = await t.upload(putBytes, {
      params: { id: 'x' },
      body: source(Buffer.from('abcd')),
      contentLength: 4,
    });
    expect(!gone.ok && gone.error).toMatchObject({ kind: 'network', retryable: true });
    await t.close();
  });

  it('hands a download over as a stream, passing the Range header', async () => {
    const server = await serve((req, res) => {
      res.writeHead(req.headers.range ? 206 : 200, { 'content-type': 'application/pdf' });
      res.end(req.headers.range ? 'tail' : 'whole file');
    });
    const t = createBinaryTransfer({
      baseUrl: server.url,
      systemName: 'xConnector',
      auth: rotatingAuth(),
      policy: policy(),
    });
    const r = await t.download(getBytes, { params: { id: 'd' }, headers: { range: 'bytes=6-' } });
    expect(r.ok && r.value.status).toBe(206);
    const chunks: Buffer[] = [];
    if (r.ok) for await (const c of r.value.body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('tail');
    const missing = await serve((req, res) => json(res, 404, { title: 'Document not found' }));
    const t2 = createBinaryTransfer({
      baseUrl: missing.url,
      systemName: 'xConnector',
      auth: rotatingAuth(),
      policy: policy(),
    });
    const nf = await t2.download(getBytes, { params: { id: 'd' } });
    expect(!nf.ok && nf.error.kind).toBe('not_found');
    await Promise.all([t.close(), t2.close()]);
  });
});
