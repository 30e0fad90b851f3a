// The xConnector simulator's document routes: the documents feed, each document's bytes (with
// `Range: bytes=<from>-` answered 206, so an interrupted download can continue), and an admin route
// that turns exceptions into disputes.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { endpoint } from '../../../shared/contracts/endpoint.ts';
import { xConnectorContract } from '../../../shared/contracts/xconnector.ts';
import type { FeedPage } from '../../../shared/domain/feed.ts';
import { HttpError, route, type Reply, type Route } from '../router.ts';
import type { DisputeDocuments } from './documentState.ts';

export const DisputeRequest = z
  .object({
    count: z.number().int().min(0).max(10_000).optional(),
    exceptionIds: z.array(z.string().min(1).max(128)).max(10_000).optional(),
  })
  .strict();

const documentAdmin = {
  disputes: endpoint({
    id: 'sim.disputes',
    method: 'POST',
    path: '/_sim/disputes',
    summary: 'Turn exceptions into disputes now: `count` chosen ones, or the named `exceptionIds`.',
    body: DisputeRequest,
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
};

const RANGE = /^bytes=(\d{1,15})-(\d{1,15})?$/;

/** Streams in small slices, as a real server sends a file, rather than one write of the whole buffer. */
function slices(content: Buffer): Readable {
  const size = 64 * 1024;
  let at = 0;
  return new Readable({
    read() {
      if (at >= content.length) return void this.push(null);
      this.push(content.subarray(at, at + size));
      at += size;
    },
  });
}

export function documentRoutes(documents: DisputeDocuments): Route[] {
  const e = xConnectorContract.endpoints;
  return [
    route(e.documentsFeed, ({ query }) => {
      const since = query.since;
      if (since !== undefined && since !== '' && !/^\d{1,15}$/.test(since))
        throw new HttpError(
          400,
          'Invalid cursor',
          `cursor ${JSON.stringify(since)} was not issued by this server`,
        );
      const slice = documents.page(since ? Number(since) : 0, query.limit);
      const body: FeedPage = {
        items: slice.items,
        nextCursor: slice.lastSeq !== undefined ? String(slice.lastSeq) : since || '0',
        hasMore: slice.hasMore,
      };
      return { body };
    }),
    route(e.documentContent, ({ params, headers }): Reply => {
      const content = documents.content(params.id);
      const doc = documents.get(params.id);
      if (!content || !doc)
        throw new HttpError(404, 'Document not found', `no document with id ${params.id}`);
      const type = doc.contentType;
      const range = headers.range === undefined ? null : RANGE.exec(headers.range);
      if (headers.range !== undefined && !range)
        throw new HttpError(416, 'Range not satisfiable', 'only "bytes=<from>-[<to>]" is understood');
      if (!range)
        return {
          bytes: slices(content),
          contentType: type,
          headers: { 'content-length': String(content.length) },
        };
      const from = Number(range[1]);
      const to = Math.min(range[2] === undefined ? content.length - 1 : Number(range[2]), content.length - 1);
      if (from >= content.length || from > to)
        throw new HttpError(416, 'Range not satisfiable', `the document has ${content.length} bytes`, {
          'content-range': `bytes */${content.length}`,
        });
      const part = content.subarray(from, to + 1);
      return {
        status: 206,
        bytes: slices(part),
        contentType: type,
        headers: {
          'content-length': String(part.length),
          'content-range': `bytes ${from}-${to}/${content.length}`,
          'accept-ranges': 'bytes',
        },
      };
    }),
    route(
      documentAdmin.disputes,
      ({ body }) => {
        const opened = [
          ...documents.openDisputes(body.count ?? 0),
          ...(body.exceptionIds ?? []).filter((id) => {
            try {
              documents.openDispute(id);
              return true;
            } catch {
              return false;
            }
          }),
        ];
        return { body: { opened, documents: opened.flatMap((id) => documents.documentsOf(id)) } };
      },
      { admin: true },
    ),
  ];
}
