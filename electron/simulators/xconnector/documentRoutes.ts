// The xConnector simulator's document routes: the documents feed, each document's bytes (with
// `Range: bytes=<from>-` answered 206, so an interrupted download can continue), and an admin route
// that turns exceptions into disputes.
import { z } from 'zod';
import { endpoint } from '../../../shared/contracts/endpoint.ts';
import { xConnectorContract } from '../../../shared/contracts/xconnector.ts';
import { HttpError, route, type Reply, type Route } from '../router.ts';
import { byteRangeReply } from '../byteRangeReply.ts';
import { feedReply } from '../requestParts.ts';
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

export function documentRoutes(documents: DisputeDocuments): Route[] {
  const e = xConnectorContract.endpoints;
  return [
    route(e.documentsFeed, ({ query }) => feedReply(documents, query.since, query.limit)),
    route(e.documentContent, ({ params, headers }): Reply => {
      const content = documents.content(params.id);
      const doc = documents.get(params.id);
      if (!content || !doc)
        throw new HttpError(404, 'Document not found', `no document with id ${params.id}`);
      return byteRangeReply(content, doc.contentType, headers.range);
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
