import { describe, expect, it } from 'vitest';
// A test may read the committed documents; the code under shared/ itself never touches the file system.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FeedPage, FeedQuery } from '../domain/feed.ts';
import { endpoint } from './endpoint.ts';
import type { Endpoint } from './endpoint.ts';
import { buildOpenApi, CREATE_LOOKUPS, FEED_ITEMS, openApiDocuments, serializeOpenApi } from './openapi.ts';
import type { Json, JsonObject, RestContract } from './openapi.ts';
import { tradingGridContract } from './tradingGrid.ts';
import { xConnectorContract } from './xconnector.ts';

const root = new URL('../../', import.meta.url);
const version = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string })
  .version;

const systems: { name: string; file: string; contract: RestContract }[] = [
  { name: 'xConnector', file: 'docs/openapi/xconnector.openapi.json', contract: xConnectorContract },
  { name: 'Trading Grid', file: 'docs/openapi/tradinggrid.openapi.json', contract: tradingGridContract },
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function obj(value: Json | undefined): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value;
}

function resolvePointer(doc: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

function allRefs(node: Json, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) allRefs(n, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else allRefs(v, found);
    }
  }
  return found;
}

/** Follows a `$ref` (one hop is all these documents use) to the object it names. */
function deref(doc: JsonObject, node: Json | undefined): JsonObject {
  const o = obj(node);
  return typeof o.$ref === 'string' ? obj(resolvePointer(doc, o.$ref)) : o;
}

function operationOf(doc: JsonObject, e: Endpoint): JsonObject {
  const path = e.path.replace(/:([A-Za-z]+)/g, '{$1}');
  return obj(obj(obj(doc.paths)[path])[e.method.toLowerCase()]);
}

describe('OpenAPI documents of the contracts', () => {
  const generated = openApiDocuments(version);

  for (const { name, file, contract } of systems) {
    const doc = buildOpenApi(contract, version);
    const endpoints = Object.values(contract.endpoints);

    describe(name, () => {
      it(`is committed as ${file}, exactly as the generator writes it now`, () => {
        const text = generated.find((d) => d.file === file)?.text;
        expect(text).toBe(serializeOpenApi(doc));
        const committed = readFileSync(new URL(file, root), 'utf8');
        expect(committed, `${file} is stale: run npm run openapi`).toBe(text);
      });

      it('has the top-level fields OpenAPI 3.1 requires', () => {
        expect(doc.openapi).toBe('3.1.0');
        const info = obj(doc.info);
        expect(info.title).toBe(contract.title);
        expect(info.version).toBe(version);
        for (const path of Object.keys(obj(doc.paths))) expect(path.startsWith('/')).toBe(true);
      });

      it('resolves every $ref inside the document', () => {
        const refs = allRefs(doc);
        expect(refs.length).toBeGreaterThan(0);
        for (const ref of refs) expect(resolvePointer(doc, ref), ref).toBeDefined();
      });

      it('keeps no JSON Schema document keywords that belong to a standalone schema', () => {
        const text = JSON.stringify(doc);
        expect(text).not.toContain('"$schema"');
        expect(text).not.toContain('"$id"');
        expect(text).not.toContain('~local');
      });

      it('declares every contract endpoint with its method, operationId and success status', () => {
        const operations = Object.values(obj(doc.paths)).flatMap((item) =>
          Object.entries(obj(item)).filter(([method]) => METHODS.includes(method)),
        );
        expect(operations).toHaveLength(endpoints.length);
        for (const e of endpoints) {
          const op = operationOf(doc, e);
          expect(op.operationId).toBe(e.id);
          const statuses = Object.keys(obj(op.responses));
          expect(
            statuses.filter((s) => s.startsWith('2')),
            e.id,
          ).toEqual([String(e.status)]);
          for (const response of Object.values(obj(op.responses))) {
            expect(typeof deref(doc, response).description).toBe('string');
          }
        }
      });

      it('declares each path template parameter as a required path parameter', () => {
        for (const e of endpoints) {
          const inPath = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
          const params = ((operationOf(doc, e).parameters ?? []) as Json[]).map((p) => deref(doc, p));
          const declared = params.filter((p) => p.in === 'path');
          expect(declared.map((p) => p.name).sort()).toEqual([...inPath].sort());
          for (const p of declared) expect(p.required).toBe(true);
        }
      });

      it('requires Idempotency-Key on idempotent endpoints, and only there', () => {
        for (const e of endpoints) {
          const params = ((operationOf(doc, e).parameters ?? []) as Json[]).map((p) => deref(doc, p));
          const key = params.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
          if (e.idempotent) expect(key?.required, e.id).toBe(true);
          else expect(key, e.id).toBeUndefined();
        }
      });

      it('answers errors with problem details, and 429 with Retry-After', () => {
        for (const e of endpoints) {
          const responses = obj(operationOf(doc, e).responses);
          for (const status of ['400', '401', '404', '429', '500', '503']) {
            const response = deref(doc, responses[status]);
            const schema = obj(obj(obj(response.content)['application/problem+json']).schema);
            expect(schema.$ref).toBe('#/components/schemas/ProblemDetails');
          }
          expect(obj(deref(doc, responses['429']).headers)['Retry-After']).toBeDefined();
        }
      });

      it('names the item type of every feed, matching the summary', () => {
        for (const e of endpoints) {
          const item = FEED_ITEMS[e.id];
          expect(item !== undefined, e.id).toBe(e.response === FeedPage);
          if (item === undefined) continue;
          expect(e.summary).toContain(`(items are ${item}`);
          const schema = obj(
            obj(obj(obj(operationOf(doc, e).responses)['200']).content)['application/json'],
          ).schema;
          const [page, typed] = obj(schema).allOf as JsonObject[];
          expect(page).toEqual({ $ref: '#/components/schemas/FeedPage' });
          expect(obj(obj(obj(typed).properties).items).items).toEqual({
            $ref: `#/components/schemas/${item}`,
          });
        }
      });

      it('gives every create a lookup by correlationRef', () => {
        for (const [create, lookup] of Object.entries(CREATE_LOOKUPS)) {
          const e = endpoints.find((x) => x.id === create);
          if (e === undefined) continue;
          expect(obj(operationOf(doc, e)['x-partner-desk']).lookupBeforeRetry).toBe(lookup);
          const find = endpoints.find((x) => x.id === lookup);
          expect(find?.method).toBe('GET');
          const params = ((operationOf(doc, find as Endpoint).parameters ?? []) as Json[]).map((p) =>
            deref(doc, p),
          );
          expect(params.find((p) => p.name === 'correlationRef')).toMatchObject({
            in: 'query',
            required: true,
          });
        }
      });
    });
  }

  it('puts the shared item schemas under components/schemas', () => {
    const names = new Set(
      systems.flatMap(({ contract }) =>
        Object.keys(obj(obj(buildOpenApi(contract, version).components).schemas)),
      ),
    );
    for (const n of [
      'Partner',
      'PartnerException',
      'TransactionWire',
      'Community',
      'Issue',
      'NewIssue',
      'Alert',
      'NewAlert',
      'FeedPage',
      'ProblemDetails',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it('describes the auth of each system', () => {
    const xc = obj(obj(buildOpenApi(xConnectorContract, version).components).securitySchemes);
    expect(xc.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    const tgDoc = buildOpenApi(tradingGridContract, version);
    const tg = obj(obj(obj(tgDoc.components).securitySchemes).oauth2);
    expect(obj(obj(tg.flows).clientCredentials).tokenUrl).toBe('/oauth2/token');
    expect(tgDoc.security).toEqual([{ oauth2: [] }]);
    expect(operationOf(tgDoc, tradingGridContract.endpoints.token).security).toEqual([]);
  });

  it('documents a response field with a default as optional, as the engine accepts it', () => {
    const doc = buildOpenApi(xConnectorContract, version);
    const exception = obj(obj(obj(doc.components).schemas).PartnerException);
    expect(exception.required).not.toContain('references');
    expect(exception.additionalProperties).toBeUndefined();
  });

  it('writes keys in a stable order whatever order they were built in', () => {
    const a = serializeOpenApi({
      openapi: '3.1.0',
      paths: {},
      info: { version: '1', title: 't' },
      b: 1,
      a: 2,
    });
    const b = serializeOpenApi({
      a: 2,
      b: 1,
      info: { title: 't', version: '1' },
      paths: {},
      openapi: '3.1.0',
    });
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(a) as object)).toEqual(['openapi', 'info', 'paths', 'a', 'b']);
  });

  it('is matched by docs/contracts.md, which names every endpoint with its method and path', () => {
    const guide = readFileSync(new URL('docs/contracts.md', root), 'utf8');
    for (const { contract } of systems) {
      for (const e of Object.values(contract.endpoints)) {
        expect(guide, e.id).toContain(`\`${e.id}\``);
        expect(guide, e.id).toContain(`${e.method} ${e.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
      }
    }
  });

  it('refuses a feed whose item type is not declared', () => {
    const contract: RestContract = {
      title: 't',
      auth: 'apiKey',
      endpoints: {
        feed: endpoint({
          id: 'x.unknownFeed',
          method: 'GET',
          path: '/feed',
          summary: 'items are ?',
          query: FeedQuery,
          response: FeedPage,
          status: 200,
          idempotent: false,
        }),
      },
    };
    expect(() => buildOpenApi(contract, '1')).toThrow(/feed without an item type/);
  });

  it('refuses a path whose parameters differ from its params schema', () => {
    const contract: RestContract = {
      title: 't',
      auth: 'apiKey',
      endpoints: {
        get: endpoint({
          id: 'x.get',
          method: 'GET',
          path: '/things/:thingId',
          summary: 'one thing',
          params: z.object({ id: z.string() }),
          response: z.object({}),
          status: 200,
          idempotent: false,
        }),
      },
    };
    expect(() => buildOpenApi(contract, '1')).toThrow(/name different parameters/);
  });
});
