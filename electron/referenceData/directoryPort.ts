// What flow 6 needs from Trading Grid's reference-data directory. The HTTP connector implements it
// (electron/connectors/tradingGrid/directoryCalls.ts); tests may wrap it.
import type { Result } from '../http/result.ts';
import type { FeedPage } from '../../shared/domain/feed.ts';
import type { DirectoryRecord, DirectoryUpsert, ReferenceKind } from '../../shared/domain/reference.ts';
import type { RemoteError } from '../engine/remoteCall.ts';

export interface DirectoryPort {
  /** One page of the directory in change order; a full read starts with `since` undefined. */
  list(since: string | undefined, limit: number): Promise<Result<FeedPage, RemoteError>>;
  /** The record, or null when the directory has none under this kind and key. */
  get(kind: ReferenceKind, key: string): Promise<Result<DirectoryRecord | null, RemoteError>>;
  put(
    kind: ReferenceKind,
    key: string,
    upsert: DirectoryUpsert,
    idempotencyKey: string,
  ): Promise<Result<DirectoryRecord, RemoteError>>;
  /** `absent` when there was nothing to delete: the outcome wanted, so not an error. */
  remove(
    kind: ReferenceKind,
    key: string,
    idempotencyKey: string,
  ): Promise<Result<'deleted' | 'absent', RemoteError>>;
}
