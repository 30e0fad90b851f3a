// The reference-data part of both contracts (flow 6): xConnector's change feed of reference records,
// and Trading Grid's reference-data directory. Spread into xConnectorContract and tradingGridContract.
//
// Directory writes are idempotent by nature (PUT replaces the record, DELETE removes it); they still
// carry an Idempotency-Key, and each stored record carries our correlation reference and the content
// hash we computed, so a retry can first read the record and see whether the earlier attempt landed.
import { z } from 'zod';
import { FeedPage, FeedQuery } from '../domain/feed.ts';
import { DirectoryRecord, DirectoryUpsert, ReferenceKey, ReferenceKind } from '../domain/reference.ts';
import { endpoint } from './endpoint.ts';

const RecordParams = z.object({ kind: ReferenceKind, key: ReferenceKey });

/** The directory listing: a full read starts without `since` and follows `nextCursor` while `hasMore`. */
export const DirectoryQuery = FeedQuery.extend({ kind: ReferenceKind.optional() });

export const xConnectorReferenceDataEndpoints = {
  referenceDataFeed: endpoint({
    id: 'xc.referenceDataFeed',
    method: 'GET',
    path: '/api/v1/reference-data',
    summary:
      'Partner IDs, ship-to locations, item codes and contacts created, changed or deleted since the cursor (items are ReferenceRecord; a delete is a record with deleted: true).',
    query: FeedQuery,
    response: FeedPage,
    status: 200,
    idempotent: false,
  }),
} as const;

export const tradingGridDirectoryEndpoints = {
  listDirectory: endpoint({
    id: 'tg.listDirectory',
    method: 'GET',
    path: '/api/v1/directory',
    summary:
      'Records of the reference-data directory in the order they last changed, after the cursor, optionally of one kind (items are DirectoryRecord). Deleted records are not listed.',
    query: DirectoryQuery,
    response: FeedPage,
    status: 200,
    idempotent: false,
  }),
  getDirectoryRecord: endpoint({
    id: 'tg.getDirectoryRecord',
    method: 'GET',
    path: '/api/v1/directory/:kind/:key',
    summary: 'One directory record (404 when there is none).',
    params: RecordParams,
    response: DirectoryRecord,
    status: 200,
    idempotent: false,
  }),
  putDirectoryRecord: endpoint({
    id: 'tg.putDirectoryRecord',
    method: 'PUT',
    path: '/api/v1/directory/:kind/:key',
    summary:
      'Create or replace one directory record (data must fit the kind). Stores correlationRef and contentHash on the record; the same body twice changes nothing.',
    params: RecordParams,
    body: DirectoryUpsert,
    response: DirectoryRecord,
    status: 200,
    idempotent: true,
  }),
  deleteDirectoryRecord: endpoint({
    id: 'tg.deleteDirectoryRecord',
    method: 'DELETE',
    path: '/api/v1/directory/:kind/:key',
    summary: 'Remove one directory record (404 when there is none, which Partner Desk takes as done).',
    params: RecordParams,
    response: z.unknown(),
    status: 204,
    idempotent: true,
  }),
} as const;
