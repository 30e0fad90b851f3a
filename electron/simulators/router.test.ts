import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint } from '../../shared/contracts/endpoint.ts';
import { ProblemDetails } from '../../shared/domain/feed.ts';
import { FaultInjector } from './faults.ts';
import { Rng } from './rng.ts';
import { HttpError, Router, problem, route } from './router.ts';
import { listen, type RunningServer } from './server.ts';
import { call, jsonInit } from './testSupport.ts';

const Thing = z.object({ name: z.string().min(1), size: z.number().int() });
const echo = endpoint({
  id: 't.echo',
  method: 'POST',
  path: '/things/:id',
  summary: 'echo',
  params: z.object({ id: z.string().min(2) }),
  query: z.object({ flag: z.enum(['on', 'off']).optional() }),
  body: Thing,
  response: z.object({ id: z.string(), flag: z.string().optional(), thing: Thing }),
  status: 201,
  idempotent: false,
});
const lie = endpoint({
  id: 't.lie',
  method: 'GET',
  path: '/lie',
  summary: 'bad response',
  response: z.object({ n: z.number() }),
  status: 200,
  idempotent: false,
});
const boom = endpoint({
  id: 't.boom',
  method: 'GET',
  path: '/boom',
  summary: 'throws',
  response: z.unknown(),
  status: 200,
  idempotent: false,
});

describe('Router', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const faults = new FaultInjector(new Rng(1), ['t.echo', 't.lie', 't.boom']);
    const router = new Router({
      faults,
      maxBodyBytes: 1024,
      validateResponses: true,
      auth: (req) => (req.headers['x-token'] === 'ok' ? undefined : problem(401, 'Unauthorized')),
      routes: [
        route(echo, ({ params, query, body }) => ({
          body: { id: params.id, flag: query.flag, thing: body },
        })),
        route(lie, () => ({ body: { n: 'not a number' } })),
        route(boom, () => {
          throw new HttpError(409, 'Conflict', 'it clashed');
        }),
      ],
    });
    server = await listen(router);
  });
  afterAll(() => server.close());

  const auth = { 'x-token': 'ok' };

  it('matches method and :params, parses query and JSON body, answers the endpoint status', async () => {
    const res = await call(
      `${server.url}/things/ab%2Fc?flag=on`,
      jsonInit('POST', { name: 'box', size: 3 }, auth),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'ab/c', flag: 'on', thing: { name: 'box', size: 3 } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 404 for unknown paths and 405 (with Allow) for a known path and another method', async () => {
    const notFound = await call(`${server.url}/nope`, { headers: auth });
    expect(notFound.status).toBe(404);
    expect(ProblemDetails.parse(notFound.body).status).toBe(404);
    const wrongMethod = await call(`${server.url}/things/ab`, { headers: auth });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('asks the auth hook before anything else about the request', async () => {
    const res = await call(`${server.url}/things/ab`, jsonInit('POST', { name: 'box', size: 3 }));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 400 problem+json naming what is wrong in params, query or body', async () => {
    const badParam = await call(`${server.url}/things/a`, jsonInit('POST', { name: 'box', size: 3 }, auth));
    expect(badParam.status).toBe(400);
    expect(ProblemDetails.parse(badParam.body)).toMatchObject({
      status: 400,
      title: 'Invalid request params',
    });
    const badQuery = await call(
      `${server.url}/things/ab?flag=maybe`,
      jsonInit('POST', { name: 'box', size: 3 }, auth),
    );
    expect(badQuery.status).toBe(400);
    const badBody = await call<{ detail: string }>(
      `${server.url}/things/ab`,
      jsonInit('POST', { name: '', size: 1.5 }, auth),
    );
    expect(badBody.status).toBe(400);
    expect(badBody.body.detail).toContain('size');
    const malformed = await call(`${server.url}/things/ab`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ title: 'Malformed JSON body' });
    const noBody = await call(`${server.url}/things/ab`, { method: 'POST', headers: auth });
    expect(noBody.status).toBe(400);
  });

  it('refuses oversized bodies with 413 and unknown media types with 415', async () => {
    const big = await call(
      `${server.url}/things/ab`,
      jsonInit('POST', { name: 'x'.repeat(5000), size: 1 }, auth),
    );
    expect(big.status).toBe(413);
    const xml = await call(`${server.url}/things/ab`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/xml' },
      body: '<thing/>',
    });
    expect(xml.status).toBe(415);
  });

  it('turns thrown HttpErrors into problems, and refuses to send a response that breaks the contract', async () => {
    const clash = await call(`${server.url}/boom`, { headers: auth });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ title: 'Conflict', detail: 'it clashed', status: 409 });
    const lying = await call(`${server.url}/lie`, { headers: auth });
    expect(lying.status).toBe(500);
  });
});
