// Parts of a request every simulator route reads the same way: the Idempotency-Key header, and a
// feed page answered from a cursor this server issued.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER } from '../../shared/contracts/endpoint.ts';
import type { FeedPage } from '../../shared/domain/feed.ts';
import { HttpError, type Reply } from './router.ts';
import type { FeedSlice } from './seqFeed.ts';

const IdempotencyKey = z.string().min(1).max(255);

/** The request's Idempotency-Key, undefined when absent; 400 when it is not a usable key. */
export function idempotencyKeyOf(req: IncomingMessage): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(400, 'Invalid Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters');
  return parsed.data;
}

/** A replayed create answers 201 again with the first object, and says so in a header. */
export const replayHeaders = (replayed: boolean): Record<string, string> =>
  replayed ? { 'idempotent-replayed': 'true' } : {};

/** Anything that pages by sequence number: a SeqFeed, or a state that filters one (by kind, by feed). */
export interface PagedFeed {
  page(since: number, limit: number): FeedSlice;
}

/** One page of a feed after `since` (a sequence number this server issued; anything else is 400). */
export function feedReply(feed: PagedFeed, since: string | undefined, limit: number): Reply {
  if (since !== undefined && since !== '' && !/^\d{1,15}$/.test(since))
    throw new HttpError(
      400,
      'Invalid cursor',
      `cursor ${JSON.stringify(since)} was not issued by this server`,
    );
  const slice = feed.page(since ? Number(since) : 0, limit);
  const body: FeedPage = {
    items: slice.items,
    nextCursor: slice.lastSeq !== undefined ? String(slice.lastSeq) : since || '0',
    hasMore: slice.hasMore,
  };
  return { body };
}
