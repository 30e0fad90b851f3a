// Every JSON answer of both systems, mutated and replaced with junk, served over real HTTP to the real
// HTTP client that every connector call goes through: the answer is either understood (and then fits
// its contract) or refused as invalid_response with a message a person can act on. Nothing throws.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../shared/contracts/endpoint.ts';
import { HttpPolicy } from '../../shared/config/engineSettings.ts';
import { Readable } from 'node:stream';
import { createBinaryTransfer, type BinaryTransfer } from '../../electron/http/binaryTransfer.ts';
import { createHttpClient, noAuth, type HttpClient } from '../../electron/http/httpClient.ts';
import { startServer, type LocalServer } from '../../electron/http/testing.ts';
import { expectClearMessage } from './clearError.ts';
import { deepJsonText, hostileVariantOf, prototypesClean } from './hostileJson.ts';
import { responseSamples } from './responseSamples.ts';
import { inboundEndpoints } from './inboundEndpoints.ts';

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

// No retries (the answer is the same every time) and no rate limit: the answers are under test here.
const POLICY = HttpPolicy.parse({ maxRetries: 0, timeoutMs: 30_000, ratePerSecond: 10_000, burst: 10_000 });

let answer: Answer = { status: 200, contentType: 'application/json', body: '{}' };
let server: LocalServer;
let client: HttpClient;
let uploads: BinaryTransfer;

beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(answer.status, {
      'content-type': answer.contentType,
      'content-length': Buffer.byteLength(answer.body),
    });
    res.end(answer.body);
  });
  client = createHttpClient({
    baseUrl: server.url,
    policy: POLICY,
    systemName: 'Trading Grid',
    auth: noAuth,
  });
  uploads = createBinaryTransfer({
    baseUrl: server.url,
    policy: POLICY,
    systemName: 'Trading Grid',
    auth: noAuth,
  });
});

afterAll(async () => {
  await client.close();
  await uploads.close();
  await server.close();
});

/** The endpoint as declared, minus the request side: the answer is what is under test here. */
function answerOnly(e: Endpoint): Endpoint {
  return {
    id: e.id,
    method: e.method,
    path: `/fuzz/${e.id}`,
    summary: e.summary,
    response: e.response,
    status: e.status,
    idempotent: e.idempotent,
    ...(e.bodyKind ? { bodyKind: e.bodyKind } : {}),
  };
}

/** Bodies that are not the JSON of a mutated answer: cut, wrapped, binary, empty, absurdly deep. */
function junkBodies(validText: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: validText.length - 1 }).map((n) => validText.slice(0, n)),
    fc.constantFrom(
      '',
      ' ',
      'null',
      'true',
      '0',
      '"text"',
      '[]',
      'NaN',
      '\uFEFF' + validText,
      validText + 'garbage',
    ),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
  );
}

const jsonEndpoints = inboundEndpoints.filter((e) => Object.hasOwn(responseSamples, e.id));

describe('bad input: every answer of both systems is understood or refused with a clear error', () => {
  for (const e of jsonEndpoints) {
    it(`${e.id}: a mutated, cut or junk answer never throws`, async () => {
      const valid = responseSamples[e.id];
      const validText = JSON.stringify(valid);
      const bodies = fc.oneof(
        { weight: 3, arbitrary: hostileVariantOf(valid).map((v) => JSON.stringify(v) ?? '') },
        { weight: 1, arbitrary: junkBodies(validText) },
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          answer = { status: e.status === 204 ? 200 : e.status, contentType: 'application/json', body };
          // Uploads answer through the streaming client, everything else through the JSON one.
          const result =
            e.bodyKind === 'binary'
              ? await uploads.upload(answerOnly(e), {
                  body: () => Readable.from([Buffer.from('x')]),
                  contentLength: 1,
                })
              : await client.call(answerOnly(e));
          if (result.ok) {
            expect(e.response.safeParse(result.value).success).toBe(true);
          } else {
            expect(result.error.kind).toBe('invalid_response');
            expect(result.error.retryable).toBe(false);
            expectClearMessage(result.error.message);
            expect(result.error.message).toContain('Trading Grid');
          }
          expect(prototypesClean()).toBe(true);
        }),
        { numRuns: 100 },
      );
    });
  }
});

/** A list far longer than any page or lookup may hold, of items that are all malformed. */
const MANY_ITEMS = `{"items":[${'{"id":"x"},'.repeat(100_000)}{}],"nextCursor":"1","hasMore":false}`;
/** Answers no real system would send: absurdly deep, megabytes of one string. */
const GIANT_BODIES = [deepJsonText(100_000), JSON.stringify({ id: 'x'.repeat(10_000_000) })];

describe('bad input: giant answers are refused without reading them item by item', () => {
  it('refuses a list of 100,000 malformed items on every endpoint that answers a list', async () => {
    for (const e of jsonEndpoints) {
      const sample = responseSamples[e.id] as Record<string, unknown>;
      if (!Array.isArray(sample.items)) continue;
      answer = { status: e.status, contentType: 'application/json', body: MANY_ITEMS };
      const result = await client.call(answerOnly(e));
      expect(result.ok, `${e.id} accepted 100,000 items`).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/items has too many entries \(more than 1000\)/);
    }
  }, 120_000);

  it('refuses absurdly deep and overlong answers with a clear error', async () => {
    for (const id of ['xc.exceptionsFeed', 'tg.createIssue', 'tg.token']) {
      const e = jsonEndpoints.find((x) => x.id === id) as Endpoint;
      for (const body of GIANT_BODIES) {
        answer = { status: e.status, contentType: 'application/json', body };
        const result = await client.call(answerOnly(e));
        expect(result.ok, `${e.id} accepted a giant answer`).toBe(false);
        if (!result.ok) expectClearMessage(result.error.message);
      }
    }
  }, 60_000);
});

const SECRET = 'S3cr3t-t0ken-value-1234567890';

describe('bad input: error answers are explained, whatever their body', () => {
  it('any status and any error body gives a typed error with a clear, bounded, secret-free message', async () => {
    const errorBody = fc.oneof(
      fc
        .record({
          type: fc.option(fc.string(), { nil: undefined }),
          title: fc.oneof(fc.string(), fc.constant('x'.repeat(100_000))),
          status: fc.integer(),
          detail: fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.constant(`"access_token":"${SECRET}"`),
            fc.constant('\u0000\u001b[31mred'),
          ),
        })
        .map((o) => JSON.stringify(o)),
      fc
        .record({ error: fc.string(), error_description: fc.string({ unit: 'binary' }) })
        .map((o) => JSON.stringify(o)),
      fc.constantFrom(
        '',
        '<html><body>Bad gateway</body></html>',
        `client_secret=${SECRET}&x=1`,
        deepJsonText(100_000),
        'x'.repeat(1_000_000),
      ),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    );
    const statuses = fc.constantFrom(
      400,
      401,
      403,
      404,
      405,
      409,
      410,
      413,
      418,
      422,
      429,
      500,
      502,
      503,
      504,
      301,
      302,
    );
    const e = jsonEndpoints.find((x) => x.id === 'tg.createIssue') as Endpoint;
    await fc.assert(
      fc.asyncProperty(statuses, errorBody, async (status, body) => {
        answer = { status, contentType: 'application/problem+json', body };
        const result = await client.call(answerOnly(e));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.status ?? status).toBe(status);
        expectClearMessage(result.error.message);
        expect(result.error.message).not.toContain(SECRET);
      }),
      { numRuns: 150 },
    );
  });
});
