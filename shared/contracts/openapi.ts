// Builds the OpenAPI 3.1 document of a REST contract, so the documents an integrator reads are derived
// from the same declarations the adapters and simulators use, and cannot drift from them.
//
// Every schema is zod's *input* shape. The engine parses responses with these schemas, so the input shape
// is exactly what it accepts from a remote: a field with a default may be left out, and unknown fields are
// ignored. For requests it is what the remote must accept (the simulators accept exactly that).
import { z } from 'zod';
import { IssueLink, PartnerException } from '../domain/exception.ts';
import { FeedPage, ProblemDetails } from '../domain/feed.ts';
import { Alert, Issue, NewAlert, NewIssue } from '../domain/issue.ts';
import { IssueUpdate, NewIssueUpdate } from '../domain/issueUpdate.ts';
import { NewWorkflowRun, WorkflowRun } from '../domain/workflowRun.ts';
import {
  Attachment,
  AttachmentPolicy,
  DisputeDocument,
  NewUploadSession,
  UploadSession,
} from '../domain/document.ts';
import { Community, Partner } from '../domain/partner.ts';
import { CASE_SYNC_COMPONENTS, CASE_SYNC_CREATE_LOOKUPS, CASE_SYNC_FEED_ITEMS } from './caseSyncOpenapi.ts';
import { CorrelationRef } from '../domain/primitives.ts';
import { DirectoryRecord, ReferenceRecord } from '../domain/reference.ts';
import { TransactionWire } from '../domain/transaction.ts';
import { API_KEY_HEADER, IDEMPOTENCY_HEADER } from './endpoint.ts';
import type { Endpoint } from './endpoint.ts';
import { TokenRequest, TokenResponse, tradingGridContract } from './tradingGrid.ts';
import { xConnectorContract } from './xconnector.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What the generator needs from a contract; both contract objects satisfy it as declared. */
export interface RestContract {
  readonly title: string;
  readonly auth: 'apiKey' | 'oauth2-client-credentials';
  readonly tokenPath?: string;
  readonly endpoints: Readonly<Record<string, Endpoint>>;
}

const COMPONENTS: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['Partner', Partner],
  ['PartnerException', PartnerException],
  ['IssueLink', IssueLink],
  ['TransactionWire', TransactionWire],
  ['Community', Community],
  ['CorrelationRef', CorrelationRef],
  ['NewIssue', NewIssue],
  ['Issue', Issue],
  ['NewAlert', NewAlert],
  ['Alert', Alert],
  ['NewIssueUpdate', NewIssueUpdate],
  ['IssueUpdate', IssueUpdate],
  ['NewWorkflowRun', NewWorkflowRun],
  ['WorkflowRun', WorkflowRun],
  ['DisputeDocument', DisputeDocument],
  ['AttachmentPolicy', AttachmentPolicy],
  ['NewUploadSession', NewUploadSession],
  ['UploadSession', UploadSession],
  ['Attachment', Attachment],
  ['ReferenceRecord', ReferenceRecord],
  ['DirectoryRecord', DirectoryRecord],
  ...CASE_SYNC_COMPONENTS,
  ['FeedPage', FeedPage],
  ['ProblemDetails', ProblemDetails],
  ['TokenRequest', TokenRequest],
  ['TokenResponse', TokenResponse],
];

const COMPONENT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  CorrelationRef:
    'pd:<kind>:<id>. Written by Partner Desk on every object it creates; the remote stores it and can find the object by it.',
  TransactionWire:
    "status is xConnector's own word, mapped to a normalised status by mappings.xconnector.transactionStatus; a transaction with an unmapped word is quarantined.",
  FeedPage:
    'One page of a change feed. Each item is validated on its own: an invalid item is quarantined and the rest of the page is still synced.',
  ProblemDetails: 'RFC 9457 problem details, sent as application/problem+json with every error status.',
  DirectoryRecord:
    'contentHash is sha256: and the hex SHA-256 of the canonical JSON (keys sorted, no whitespace) of {kind, key, partnerCode, data}, as Partner Desk computed it when it wrote the record. The reconcile recomputes it from the data it reads, so an edit made in Trading Grid shows as drift.',
};

/** The item type of each change feed. FeedPage.items is `unknown` in zod on purpose (see FeedPage). */
export const FEED_ITEMS: Readonly<Record<string, string>> = {
  'xc.partnersFeed': 'Partner',
  'xc.exceptionsFeed': 'PartnerException',
  'xc.transactionsFeed': 'TransactionWire',
  'tg.communitiesFeed': 'Community',
  ...CASE_SYNC_FEED_ITEMS,
  'xc.referenceDataFeed': 'ReferenceRecord',
  'tg.listDirectory': 'DirectoryRecord',
  'xc.documentsFeed': 'DisputeDocument',
};

/** Each create that stores a correlationRef, and the lookup the engine calls before any retry of it. */
export const CREATE_LOOKUPS: Readonly<Record<string, string>> = {
  'tg.createIssue': 'tg.findIssues',
  'tg.createAlert': 'tg.findAlerts',
  ...CASE_SYNC_CREATE_LOOKUPS,
  'tg.updateIssue': 'tg.findIssueUpdates',
  'xc.triggerWorkflow': 'xc.findWorkflowRuns',
  'tg.createUploadSession': 'tg.findUploadSessions',
  'tg.completeUploadSession': 'tg.findAttachments',
};

/** Each upsert (PUT) that stores a correlationRef and contentHash, and the read the engine calls before any retry of it. */
export const UPSERT_LOOKUPS: Readonly<Record<string, string>> = {
  'tg.putDirectoryRecord': 'tg.getDirectoryRecord',
};

/** Endpoints whose request body is form-encoded rather than JSON (RFC 6749 §4.4.2). */
const FORM_BODIES: ReadonlySet<string> = new Set(['tg.token']);

const PARAMETER_DESCRIPTIONS: Readonly<Record<string, string>> = {
  since:
    'Opaque cursor: the nextCursor of the previous page, passed back unchanged. Omitted on the very first read.',
  limit: 'Most items wanted in this page.',
  correlationRef: 'The correlation reference written on the object at creation (pd:<kind>:<id>).',
};

const ERROR_RESPONSES: ReadonlyArray<readonly [string, string, string]> = [
  ['400', 'BadRequest', 'The request does not match the contract.'],
  ['401', 'Unauthorized', 'Credentials are missing, invalid or expired.'],
  ['404', 'NotFound', 'The path names an object that does not exist, or the base URL is wrong.'],
  ['429', 'TooManyRequests', 'Rate limit reached; the request was not carried out. Wait Retry-After.'],
  ['500', 'InternalServerError', 'The system failed; a write may or may not have been carried out.'],
  ['503', 'ServiceUnavailable', 'Unavailable; the request was not carried out. Wait Retry-After when given.'],
];

const SCHEMA_REF = '#/components/schemas/';
const ref = (pointer: string): JsonObject => ({ $ref: pointer });

/** `idempotency-key` → `Idempotency-Key`: header names are case-insensitive, documents use this form. */
function headerName(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts every schema the contract uses in one pass, so shared schemas become `$ref`s to components. */
function convertSchemas(contract: RestContract): {
  components: JsonObject;
  schemaOf: (schema: z.ZodType) => JsonObject;
} {
  const registry = z.registry<{ id: string }>();
  const componentIds = new Map<z.ZodType, string>();
  for (const [id, schema] of COMPONENTS) {
    registry.add(schema, { id });
    componentIds.set(schema, id);
  }
  const localIds = new Map<z.ZodType, string>();
  for (const e of Object.values(contract.endpoints)) {
    for (const schema of [e.params, e.query, e.body, e.response]) {
      if (schema === undefined || componentIds.has(schema) || localIds.has(schema)) continue;
      const id = `~local${localIds.size}`;
      registry.add(schema, { id });
      localIds.set(schema, id);
    }
  }
  const converted = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => SCHEMA_REF + id,
  }).schemas as unknown as Record<string, JsonObject>;
  const body = (id: string): JsonObject => {
    const { $schema: _schema, $id: _id, ...rest } = converted[id] ?? {};
    return rest;
  };
  const components: JsonObject = {};
  for (const [id] of COMPONENTS) {
    const description = COMPONENT_DESCRIPTIONS[id];
    components[id] = description === undefined ? body(id) : { description, ...body(id) };
  }
  const schemaOf = (schema: z.ZodType): JsonObject => {
    const componentId = componentIds.get(schema);
    if (componentId !== undefined) return ref(SCHEMA_REF + componentId);
    const localId = localIds.get(schema);
    if (localId === undefined) throw new Error('schema was not converted');
    return body(localId);
  };
  return { components, schemaOf };
}

function parameters(e: Endpoint, where: 'path' | 'query', schema: JsonObject): JsonObject[] {
  const properties = schema.properties;
  if (!isObject(properties)) throw new Error(`${e.id}: ${where} parameters must be an object schema`);
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(properties).map(([name, propertySchema]) => {
    const description = PARAMETER_DESCRIPTIONS[name];
    return {
      name,
      in: where,
      required: where === 'path' || required.includes(name),
      ...(description === undefined ? {} : { description }),
      schema: propertySchema,
    };
  });
}

/** Raw bytes (`bodyKind` / `responseKind` 'binary'): streamed, never JSON. */
const BINARY_CONTENT: JsonObject = {
  'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
};

function successResponse(e: Endpoint, schemaOf: (schema: z.ZodType) => JsonObject): JsonObject {
  if (e.status === 204) return { description: 'Done; no content.' };
  if (e.responseKind === 'binary') return { description: 'The bytes.', content: BINARY_CONTENT };
  const feedItem = FEED_ITEMS[e.id];
  if (e.response === FeedPage && feedItem === undefined)
    throw new Error(`${e.id}: feed without an item type`);
  const schema =
    feedItem === undefined
      ? schemaOf(e.response)
      : {
          allOf: [
            ref(SCHEMA_REF + 'FeedPage'),
            { properties: { items: { type: 'array', items: ref(SCHEMA_REF + feedItem) } } },
          ],
        };
  return {
    description: feedItem === undefined ? 'Success.' : `One page of the feed; items are ${feedItem}.`,
    content: { 'application/json': { schema } },
  };
}

function partnerDeskNotes(e: Endpoint, contract: RestContract): JsonObject {
  const feedItem = FEED_ITEMS[e.id];
  if (feedItem !== undefined) return { role: 'feed', items: feedItem, cursorParameter: 'since' };
  const lookup = CREATE_LOOKUPS[e.id];
  // A whole file in one request that creates something: retried whole, after a lookup by reference.
  if (e.bodyKind === 'binary' && lookup !== undefined)
    return {
      role: 'create',
      body: 'binary',
      correlationRefField: 'correlationRef',
      lookupBeforeRetry: lookup,
    };
  if (e.bodyKind === 'binary') return { role: 'upload', header: 'Content-Range', resumable: true };
  if (e.responseKind === 'binary') return { role: 'download', header: 'Range', resumable: true };
  if (lookup !== undefined) {
    if (!Object.values(contract.endpoints).some((x) => x.id === lookup)) {
      throw new Error(`${e.id}: lookup ${lookup} is not in the contract`);
    }
    return { role: 'create', correlationRefField: 'correlationRef', lookupBeforeRetry: lookup };
  }
  const read = UPSERT_LOOKUPS[e.id];
  if (read !== undefined) {
    if (!Object.values(contract.endpoints).some((x) => x.id === read))
      throw new Error(`${e.id}: lookup ${read} is not in the contract`);
    return {
      role: 'upsert',
      correlationRefField: 'correlationRef',
      contentHashField: 'contentHash',
      lookupBeforeRetry: read,
    };
  }
  const upserts = Object.entries(UPSERT_LOOKUPS).find(([, find]) => find === e.id)?.[0];
  if (upserts !== undefined) return { role: 'lookup', findsObjectsWrittenBy: upserts };
  if (e.body instanceof z.ZodObject && 'correlationRef' in e.body.shape) {
    throw new Error(`${e.id}: stores a correlationRef but has no lookup in CREATE_LOOKUPS`);
  }
  const creates = Object.entries(CREATE_LOOKUPS).find(([, find]) => find === e.id)?.[0];
  if (creates !== undefined) return { role: 'lookup', findsObjectsCreatedBy: creates };
  if (e.path === contract.tokenPath) return { role: 'token' };
  return { role: e.idempotent ? 'idempotent-write' : 'read' };
}

function operation(e: Endpoint, contract: RestContract, schemaOf: (s: z.ZodType) => JsonObject): JsonObject {
  const pathNames = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
  const pathParams = e.params === undefined ? [] : parameters(e, 'path', schemaOf(e.params));
  const declared = pathParams.map((p) => String(p.name));
  if (pathNames.sort().join() !== declared.sort().join()) {
    throw new Error(`${e.id}: path ${e.path} and its params schema name different parameters`);
  }
  const params: Json[] = [
    ...pathParams,
    ...(e.query === undefined ? [] : parameters(e, 'query', schemaOf(e.query))),
    ...(e.idempotent ? [ref('#/components/parameters/IdempotencyKey')] : []),
  ];
  const body = e.body === undefined ? undefined : schemaOf(e.body);
  const binaryBody =
    e.bodyKind === 'binary' ? { requestBody: { required: true, content: BINARY_CONTENT } } : {};
  const responses: JsonObject = { [String(e.status)]: successResponse(e, schemaOf) };
  for (const [status, name] of ERROR_RESPONSES) responses[status] = ref('#/components/responses/' + name);
  return {
    operationId: e.id,
    summary: e.summary,
    ...(e.path === contract.tokenPath ? { security: [] } : {}),
    ...(params.length === 0 ? {} : { parameters: params }),
    ...(body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: {
              [FORM_BODIES.has(e.id) ? 'application/x-www-form-urlencoded' : 'application/json']: {
                schema: body,
              },
            },
          },
        }),
    ...binaryBody,
    responses,
    'x-partner-desk': partnerDeskNotes(e, contract),
  };
}

function securityScheme(contract: RestContract): [string, JsonObject] {
  if (contract.auth === 'apiKey') {
    return ['apiKey', { type: 'apiKey', in: 'header', name: headerName(API_KEY_HEADER) }];
  }
  if (contract.tokenPath === undefined) throw new Error('an oauth2 contract needs a tokenPath');
  return [
    'oauth2',
    {
      type: 'oauth2',
      description: 'Client-credentials grant; bearer tokens expire after expires_in seconds.',
      flows: { clientCredentials: { tokenUrl: contract.tokenPath, scopes: {} } },
    },
  ];
}

/** The document-level `x-partner-desk` extension: what the engine relies on, beyond the schemas. */
function engineReliesOn(contract: RestContract): JsonObject {
  const ids = new Set(Object.values(contract.endpoints).map((e) => e.id));
  const feeds = Object.keys(FEED_ITEMS).filter((id) => ids.has(id));
  const lookups = Object.entries(CREATE_LOOKUPS).filter(([id]) => ids.has(id));
  const upsertReads = Object.entries(UPSERT_LOOKUPS).filter(([id]) => ids.has(id));
  const idempotent = Object.values(contract.endpoints).filter((e) => e.idempotent);
  return {
    schemaShape:
      'input: a response field with a default may be omitted (the default applies); unknown fields are ignored.',
    ...(feeds.length === 0
      ? {}
      : {
          cursor: {
            feeds,
            parameter: 'since',
            opaque: true,
            note: 'since is the nextCursor of the previous page, passed back unchanged and never interpreted. The engine stores nextCursor in the same database transaction as the data the page produced, and asks for the next page while hasMore is true.',
          },
        }),
    ...(idempotent.length === 0
      ? {}
      : {
          idempotencyKey: {
            header: headerName(IDEMPOTENCY_HEADER),
            operations: idempotent.map((e) => e.id),
            note: 'The same key is sent on every retry of one write. The engine does not rely on the remote honouring it.',
          },
        }),
    ...(lookups.length === 0
      ? {}
      : {
          correlationRef: {
            format: 'pd:<kind>:<id>',
            lookups: Object.fromEntries(lookups),
            note: 'Each create stores correlationRef on the object it creates. Before any retry of a create, the engine calls the lookup with that correlationRef and creates the object only if the lookup returns no item. A create answered 429 or 503 was not carried out and is sent again without a lookup.',
          },
        }),
    ...(upsertReads.length === 0
      ? {}
      : {
          upsert: {
            lookups: Object.fromEntries(upsertReads),
            note: 'Each upsert stores correlationRef and contentHash on the record it writes. Before any retry of an upsert, the engine reads the record and sends the write again only if the data it holds does not hash to contentHash.',
          },
        }),
  };
}

/** The component schemas reachable from `from`: each document carries only the schemas it uses. */
function referencedSchemas(schemas: JsonObject, from: Json): JsonObject {
  const used = new Set<string>();
  const visit = (node: Json | undefined): void => {
    if (Array.isArray(node)) for (const n of node) visit(n);
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key !== '$ref' || typeof value !== 'string') visit(value);
        else if (value.startsWith(SCHEMA_REF) && !used.has(value.slice(SCHEMA_REF.length))) {
          used.add(value.slice(SCHEMA_REF.length));
          visit(schemas[value.slice(SCHEMA_REF.length)]);
        }
      }
    }
  };
  visit(from);
  return Object.fromEntries(Object.entries(schemas).filter(([id]) => used.has(id)));
}

/** The OpenAPI 3.1.0 document of one contract. `version` is the Partner Desk version it describes. */
export function buildOpenApi(contract: RestContract, version: string): JsonObject {
  const { components, schemaOf } = convertSchemas(contract);
  const paths: JsonObject = {};
  for (const e of Object.values(contract.endpoints)) {
    const path = e.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const item = paths[path];
    const pathItem: JsonObject = isObject(item) ? item : {};
    pathItem[e.method.toLowerCase()] = operation(e, contract, schemaOf);
    paths[path] = pathItem;
  }
  const [schemeName, scheme] = securityScheme(contract);
  const problem = { 'application/problem+json': { schema: ref(SCHEMA_REF + 'ProblemDetails') } };
  const retryAfter = { 'Retry-After': ref('#/components/headers/RetryAfter') };
  const responses: JsonObject = {};
  for (const [status, name, description] of ERROR_RESPONSES) {
    responses[name] = {
      description,
      ...(status === '429' || status === '503' ? { headers: retryAfter } : {}),
      content: problem,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: contract.title,
      version,
      description:
        'The subset of this system Partner Desk uses. Generated from shared/contracts; see docs/contracts.md.',
    },
    servers: [{ url: '/', description: 'The base URL set in Partner Desk settings for this system.' }],
    security: [{ [schemeName]: [] }],
    paths,
    components: {
      schemas: referencedSchemas(components, { paths, responses }),
      parameters: {
        IdempotencyKey: {
          name: headerName(IDEMPOTENCY_HEADER),
          in: 'header',
          required: true,
          description: 'Unique per logical write and the same on every retry of it.',
          schema: { type: 'string', minLength: 1 },
        },
      },
      headers: {
        RetryAfter: {
          description: 'Seconds to wait, or an HTTP-date (RFC 9110 §10.2.3).',
          schema: { type: 'string' },
        },
      },
      responses,
      securitySchemes: { [schemeName]: scheme },
    },
    'x-partner-desk': engineReliesOn(contract),
  };
}

const ROOT_KEY_ORDER = ['openapi', 'info', 'servers', 'security', 'paths', 'components'];

function sortKeys(value: Json, root: boolean): Json {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, false));
  if (!isObject(value)) return value;
  const rank = (k: string): number => (root && ROOT_KEY_ORDER.includes(k) ? ROOT_KEY_ORDER.indexOf(k) : 99);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: JsonObject = {};
  for (const k of keys) out[k] = sortKeys(value[k] ?? null, false);
  return out;
}

/** The committed form of a document: stable key order, two-space indent, trailing newline. */
export function serializeOpenApi(doc: JsonObject): string {
  return JSON.stringify(sortKeys(doc, true), null, 2) + '\n';
}

/** Both documents, by path from the project root. */
export function openApiDocuments(version: string): { file: string; text: string }[] {
  return [
    {
      file: 'docs/openapi/xconnector.openapi.json',
      text: serializeOpenApi(buildOpenApi(xConnectorContract, version)),
    },
    {
      file: 'docs/openapi/tradinggrid.openapi.json',
      text: serializeOpenApi(buildOpenApi(tradingGridContract, version)),
    },
  ];
}
