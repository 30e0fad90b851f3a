// Trading Grid's reference-data directory routes: the paged listing, reading, putting and deleting one
// record as the contract declares, and an admin endpoint that causes drift (records edited or deleted
// on the Trading Grid side) the way a person working in Trading Grid would.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { endpoint, IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { tradingGridDirectoryEndpoints as e } from '../../../shared/contracts/referenceData.ts';
import type { FeedPage } from '../../../shared/domain/feed.ts';
import { REFERENCE_DATA } from '../../../shared/domain/reference.ts';
import { HttpError, route, type Route } from '../router.ts';
import type { DirectoryState } from './directoryState.ts';

const Count = z.number().int().min(0).max(100_000).optional();
export const DriftRequest = z.object({ edits: Count, deletes: Count }).strict();

const driftEndpoint = endpoint({
  id: 'sim.directoryDrift',
  method: 'POST',
  path: '/_sim/directory/drift',
  summary: 'Edit or delete directory records at random, directly on the Trading Grid side.',
  body: DriftRequest,
  response: z.unknown(),
  status: 200,
  idempotent: false,
});

const IdempotencyKey = z.string().min(1).max(255);

function idempotencyKey(req: IncomingMessage): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(400, 'Invalid Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters');
  return parsed.data;
}

/** A replayed write answers as the first did, and says so in a header. */
function replayHeaders(replayed: boolean): Record<string, string> {
  return replayed ? { 'idempotent-replayed': 'true' } : {};
}

export function directoryRoutes(directory: DirectoryState): Route[] {
  return [
    route(e.listDirectory, ({ query }) => {
      const since = query.since;
      if (since !== undefined && since !== '' && !/^\d{1,15}$/.test(since))
        throw new HttpError(
          400,
          'Invalid cursor',
          `cursor ${JSON.stringify(since)} was not issued by this server`,
        );
      const slice = directory.page(since ? Number(since) : 0, query.limit, query.kind);
      const body: FeedPage = {
        items: slice.items,
        nextCursor: slice.lastSeq !== undefined ? String(slice.lastSeq) : since || '0',
        hasMore: slice.hasMore,
      };
      return { body };
    }),
    route(e.getDirectoryRecord, ({ params }) => {
      const record = directory.get(params.kind, params.key);
      if (!record) throw new HttpError(404, 'Record not found', `no ${params.kind} record ${params.key}`);
      return { body: record };
    }),
    route(e.putDirectoryRecord, ({ params, body, req }) => {
      const fits = REFERENCE_DATA[params.kind].safeParse(body.data);
      if (!fits.success)
        throw new HttpError(
          400,
          'Data does not fit the kind',
          `data is not a valid ${params.kind}: ${fits.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`,
        );
      const outcome = directory.put(params.kind, params.key, body, idempotencyKey(req));
      return { body: outcome.record, headers: replayHeaders(outcome.replayed) };
    }),
    route(e.deleteDirectoryRecord, ({ params, req }) => {
      const outcome = directory.remove(params.kind, params.key, idempotencyKey(req));
      if (outcome === 'absent')
        throw new HttpError(404, 'Record not found', `no ${params.kind} record ${params.key}`);
      return { headers: replayHeaders(outcome === 'replayed') };
    }),
    route(driftEndpoint, ({ body }) => ({ body: directory.randomDrift(body) }), { admin: true }),
  ];
}
