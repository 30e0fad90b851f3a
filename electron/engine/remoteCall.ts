// The vocabulary every remote port shares: what a remote call fails with, and how a change feed is read.
// Kept apart from ports.ts so the per-area ports (cases, documents, directory) can use it without
// importing the engine's port map that imports them.
import type { Result } from '../http/result.ts';
import type { FeedPage } from '../../shared/domain/feed.ts';

export interface RemoteError {
  kind: string;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  /** The write may have reached the remote: look it up by correlation reference before trying again. */
  maybeApplied: boolean;
  status?: number;
}

export type Feed = (since: string | undefined, limit: number) => Promise<Result<FeedPage, RemoteError>>;
