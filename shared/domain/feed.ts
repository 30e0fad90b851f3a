// One page of a change feed. Items stay `unknown` here on purpose: each is parsed on its own, so one
// malformed item is quarantined while the rest of the page is synced.
import { z } from 'zod';

export const FeedQuery = z.object({
  since: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type FeedQuery = z.infer<typeof FeedQuery>;

/** Most items a feed page or a lookup may hold (a page is never asked for more). */
export const MAX_PAGE_ITEMS = 1000;

// The length is checked before the items are, so a hostile answer with a million items is refused unread.
export const FeedPage = z.object({
  items: z.array(z.unknown()).max(MAX_PAGE_ITEMS),
  nextCursor: z.string().max(64),
  hasMore: z.boolean(),
});
export type FeedPage = z.infer<typeof FeedPage>;

export const LookupByRef = z.object({ correlationRef: z.string().min(1).max(256) });

export const ProblemDetails = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;
