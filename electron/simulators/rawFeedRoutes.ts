// The admin route that puts arbitrary raw items into any change feed of a simulator, so tests can feed
// the engine hostile payloads (wrong types, huge strings, prototype keys, deep junk) through the real
// HTTP path. Each simulator registers it with the feeds it serves; raw items never reach its own state.
import { z } from 'zod';
import { endpoint } from '../../shared/contracts/endpoint.ts';
import { HttpError, route, type Route } from './router.ts';

/** Anything a raw item can be appended to: a SeqFeed, or a state that keeps its own counter. */
export interface RawItemSink {
  putRaw(key: string, item: unknown): number;
}

const injectRawItems = endpoint({
  id: 'sim.injectRawFeedItems',
  method: 'POST',
  path: '/_sim/feeds/:feed/raw',
  summary: 'Append arbitrary (possibly malformed) items to the end of one change feed, in order.',
  params: z.object({ feed: z.string().min(1).max(64) }),
  body: z.object({ items: z.array(z.unknown()).min(1).max(1000) }).strict(),
  response: z.object({ seqs: z.array(z.number().int()) }),
  status: 200,
  idempotent: false,
});

export function rawFeedRoutes(feeds: Readonly<Record<string, RawItemSink>>): Route[] {
  let injected = 0;
  return [
    route(
      injectRawItems,
      ({ params, body }) => {
        const sink = Object.hasOwn(feeds, params.feed) ? feeds[params.feed] : undefined;
        if (!sink)
          throw new HttpError(
            404,
            'Unknown feed',
            `this simulator serves the feeds ${Object.keys(feeds).join(', ')}; not ${params.feed}`,
          );
        const seqs = body.items.map((item) => sink.putRaw(`raw-feed:${++injected}`, item));
        return { body: { seqs } };
      },
      { admin: true },
    ),
  ];
}
