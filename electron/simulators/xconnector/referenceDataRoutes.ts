// xConnector's reference-data routes: the change feed the contract declares, and admin endpoints that
// generate reference-data activity or put a malformed record in the feed.
import { z } from 'zod';
import { endpoint } from '../../../shared/contracts/endpoint.ts';
import { xConnectorReferenceDataEndpoints } from '../../../shared/contracts/referenceData.ts';
import { route, type Route } from '../router.ts';
import { feedReply } from '../requestParts.ts';
import type { ReferenceDataState } from './referenceDataState.ts';

const Count = z.number().int().min(0).max(100_000).optional();
export const ReferenceActivityRequest = z
  .object({ changes: Count, deletes: Count, adds: Count, resends: Count, unknownPartner: Count })
  .strict();

const admin = {
  activity: endpoint({
    id: 'sim.referenceActivity',
    method: 'POST',
    path: '/_sim/reference-data/activity',
    summary: 'Edit, delete, add or re-send reference records now.',
    body: ReferenceActivityRequest,
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
  inject: endpoint({
    id: 'sim.referenceInject',
    method: 'POST',
    path: '/_sim/reference-data/inject',
    summary: 'Append an arbitrary (malformed) item to the reference-data feed.',
    body: z.object({ item: z.unknown() }).strict(),
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
};

export function referenceDataRoutes(state: ReferenceDataState): Route[] {
  return [
    route(xConnectorReferenceDataEndpoints.referenceDataFeed, ({ query }) =>
      feedReply(state, query.since, query.limit),
    ),
    route(admin.activity, ({ body }) => ({ body: state.generateActivity(body) }), { admin: true }),
    route(admin.inject, ({ body }) => ({ body: { seq: state.injectRaw(body.item) } }), { admin: true }),
  ];
}
