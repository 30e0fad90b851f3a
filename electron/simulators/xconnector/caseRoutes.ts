// xConnector's case-management and inbound-route endpoints, served from CaseState, plus the admin
// endpoints that generate case activity and switch idempotency-key honouring. Partner files arrive as
// streamed bodies (see casePartnerFiles.ts).
import { z } from 'zod';
import { endpoint } from '../../../shared/contracts/endpoint.ts';
import { xConnectorCaseEndpoints as e } from '../../../shared/contracts/xconnectorCases.ts';
import { HttpError, route, type Route } from '../router.ts';
import { feedReply, idempotencyKeyOf, replayHeaders } from '../requestParts.ts';
import type { CaseState } from './caseState.ts';
import type { IncomingMessage } from 'node:http';
import type { NewPartnerFile, PartnerFile, PartnerFileTarget } from '../../../shared/domain/partnerFile.ts';

const Count = z.number().int().min(0).max(100_000).optional();
export const CaseActivityRequest = z
  .object({
    newCases: Count,
    caseSteps: Count,
    caseComments: Count,
    unmappedSteps: Count,
    caseAttachments: Count,
  })
  .strict();
export const CaseSettingsRequest = z.object({ honourIdempotencyKeys: z.boolean().optional() }).strict();

const admin = {
  activity: endpoint({
    id: 'sim.caseActivity',
    method: 'POST',
    path: '/_sim/cases/activity',
    summary: 'Generate internal-case activity now: new cases, steps, comments, documents, unmapped steps.',
    body: CaseActivityRequest,
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
  settings: endpoint({
    id: 'sim.caseSettings',
    method: 'PUT',
    path: '/_sim/cases/settings',
    summary: 'Whether comment, step and route-message creates honour Idempotency-Key.',
    body: CaseSettingsRequest,
    response: z.unknown(),
    status: 200,
    idempotent: true,
  }),
};

async function receiveFile(
  cases: CaseState,
  target: PartnerFileTarget,
  targetId: string,
  meta: NewPartnerFile,
  req: IncomingMessage,
): Promise<{ kind: 'stored' | 'replayed'; file: PartnerFile; content: Buffer | null }> {
  const out = await cases.partnerFiles.receive(
    target,
    targetId,
    meta,
    req,
    idempotencyKeyOf(req),
    cases.honourIdempotencyKeys,
    new Date().toISOString(),
  );
  if (out.kind === 'aborted') throw new HttpError(400, 'Body cut short', 'the connection closed mid-body');
  if (out.kind === 'mismatch') throw new HttpError(422, 'Content does not match', out.detail);
  return out.kind === 'stored' ? out : { kind: 'replayed', file: out.file, content: null };
}

function notFound(id: string): never {
  throw new HttpError(404, 'Case not found', `no internal case with id ${id}`);
}

export function caseRoutes(cases: CaseState): Route[] {
  return [
    route(e.casesFeed, ({ query }) => feedReply(cases.cases, query.since, query.limit)),
    route(e.linkCase, ({ params, body }) => ({ body: cases.link(params.id, body) ?? notFound(params.id) })),
    route(e.updateCaseDetails, ({ params, body }) => ({
      body: cases.updateDetails(params.id, body) ?? notFound(params.id),
    })),
    route(e.createCaseComment, ({ params, body, req }) => {
      const out = cases.createComment(params.id, body, idempotencyKeyOf(req)) ?? notFound(params.id);
      return { body: out.object, headers: replayHeaders(out.replayed) };
    }),
    route(e.findCaseComments, ({ query }) => ({
      body: { items: cases.comments.find(query.correlationRef) },
    })),
    route(e.addCaseStep, ({ params, body, req }) => {
      const out = cases.addStep(params.id, body, idempotencyKeyOf(req)) ?? notFound(params.id);
      return { body: out.object, headers: replayHeaders(out.replayed) };
    }),
    route(e.findCaseSteps, ({ query }) => ({ body: { items: cases.steps.find(query.correlationRef) } })),
    route(e.routeMessage, ({ params, body, req }) => {
      const out = cases.routeMessage(params.route, body, idempotencyKeyOf(req));
      return { body: out.object, headers: replayHeaders(out.replayed) };
    }),
    route(e.findRouteMessages, ({ query }) => ({ body: { items: cases.routed.find(query.correlationRef) } })),
    route(e.uploadCaseFile, async ({ params, query, req }) => {
      if (!cases.get(params.id)) notFound(params.id);
      const out = await receiveFile(cases, 'case', params.id, query, req);
      if (out.kind === 'stored') cases.attachPartnerFile(params.id, out.file, out.content);
      return { body: out.file, headers: replayHeaders(out.kind === 'replayed') };
    }),
    route(e.uploadRouteMessageFile, async ({ params, query, req }) => {
      if (!cases.routedMessage(params.id))
        throw new HttpError(404, 'Message not found', `no routed message with id ${params.id}`);
      const out = await receiveFile(cases, 'route-message', params.id, query, req);
      return { body: out.file, headers: replayHeaders(out.kind === 'replayed') };
    }),
    route(e.findPartnerFiles, ({ query }) => ({
      body: { items: cases.partnerFiles.byRef.find(query.correlationRef) },
    })),
    route(admin.activity, ({ body }) => ({ body: cases.generateActivity(body) }), { admin: true }),
    route(
      admin.settings,
      ({ body }) => {
        if (body.honourIdempotencyKeys !== undefined)
          cases.honourIdempotencyKeys = body.honourIdempotencyKeys;
        return { body: { honourIdempotencyKeys: cases.honourIdempotencyKeys } };
      },
      { admin: true },
    ),
  ];
}
