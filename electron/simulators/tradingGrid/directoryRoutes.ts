// Trading Grid's reference-data directory routes: the paged listing, reading, putting and deleting one
// record as the contract declares, and an admin endpoint that causes drift (records edited or deleted
// on the Trading Grid side) the way a person working in Trading Grid would.
import { z } from 'zod';
import { endpoint } from '../../../shared/contracts/endpoint.ts';
import { tradingGridDirectoryEndpoints as e } from '../../../shared/contracts/referenceData.ts';
import { REFERENCE_DATA } from '../../../shared/domain/reference.ts';
import { HttpError, route, type Route } from '../router.ts';
import { feedReply, idempotencyKeyOf, replayHeaders } from '../requestParts.ts';
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

export function directoryRoutes(directory: DirectoryState): Route[] {
  return [
    route(e.listDirectory, ({ query }) =>
      feedReply(
        { page: (since, limit) => directory.page(since, limit, query.kind) },
        query.since,
        query.limit,
      ),
    ),
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
      const outcome = directory.put(params.kind, params.key, body, idempotencyKeyOf(req));
      return { body: outcome.record, headers: replayHeaders(outcome.replayed) };
    }),
    route(e.deleteDirectoryRecord, ({ params, req }) => {
      const outcome = directory.remove(params.kind, params.key, idempotencyKeyOf(req));
      if (outcome === 'absent')
        throw new HttpError(404, 'Record not found', `no ${params.kind} record ${params.key}`);
      return { headers: replayHeaders(outcome === 'replayed') };
    }),
    route(driftEndpoint, ({ body }) => ({ body: directory.randomDrift(body) }), { admin: true }),
  ];
}
