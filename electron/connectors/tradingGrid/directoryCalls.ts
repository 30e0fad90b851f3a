// Trading Grid's reference-data directory over HTTP (flow 6): the paged listing the reconcile reads,
// reading one record, and the idempotent PUT and DELETE that push xConnector's changes.
import { IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { tradingGridDirectoryEndpoints as endpoints } from '../../../shared/contracts/referenceData.ts';
import type { FeedPage } from '../../../shared/domain/feed.ts';
import type { DirectoryRecord, DirectoryUpsert, ReferenceKind } from '../../../shared/domain/reference.ts';
import type { HttpClient } from '../../http/httpClient.ts';
import type { HttpError } from '../../http/httpError.ts';
import { err, ok, type Result } from '../../http/result.ts';
import { checkIdempotencyKey } from '../requestOptions.ts';

export interface DirectoryCalls {
  list(since: string | undefined, limit: number, kind?: ReferenceKind): Promise<Result<FeedPage, HttpError>>;
  get(kind: ReferenceKind, key: string): Promise<Result<DirectoryRecord | null, HttpError>>;
  put(
    kind: ReferenceKind,
    key: string,
    upsert: DirectoryUpsert,
    idempotencyKey: string,
  ): Promise<Result<DirectoryRecord, HttpError>>;
  remove(
    kind: ReferenceKind,
    key: string,
    idempotencyKey: string,
  ): Promise<Result<'deleted' | 'absent', HttpError>>;
}

export function createDirectoryCalls(http: HttpClient): DirectoryCalls {
  return {
    list: (since, limit, kind) =>
      http.call(endpoints.listDirectory, {
        query: { ...(since !== undefined ? { since } : {}), limit, ...(kind ? { kind } : {}) },
      }),

    async get(kind, key) {
      const r = await http.call(endpoints.getDirectoryRecord, { params: { kind, key } });
      if (r.ok) return r;
      return r.error.kind === 'not_found' ? ok(null) : r;
    },

    async put(kind, key, upsert, idempotencyKey) {
      const refused = checkIdempotencyKey(idempotencyKey, endpoints.putDirectoryRecord.id, 'Trading Grid');
      if (refused) return err(refused);
      return http.call(endpoints.putDirectoryRecord, {
        params: { kind, key },
        body: upsert,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      });
    },

    async remove(kind, key, idempotencyKey) {
      const refused = checkIdempotencyKey(idempotencyKey, endpoints.deleteDirectoryRecord.id, 'Trading Grid');
      if (refused) return err(refused);
      const r = await http.call(endpoints.deleteDirectoryRecord, {
        params: { kind, key },
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      });
      if (r.ok) return ok('deleted' as const);
      // Nothing to delete is the outcome a delete wants: an earlier attempt, or someone else, did it.
      return r.error.kind === 'not_found' ? ok('absent' as const) : r;
    },
  };
}
