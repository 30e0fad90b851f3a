// The Trading Grid simulator's attachment routes: the published policy, resumable upload sessions
// (create, find by correlationRef, read the offset, PUT chunks with Content-Range, complete), the
// attachment lookup, and an admin route to change the policy and the upload faults at run time.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER, endpoint } from '../../../shared/contracts/endpoint.ts';
import { tradingGridContract } from '../../../shared/contracts/tradingGrid.ts';
import { HttpError, route, type Route } from '../router.ts';
import { AttachmentSimSettings, type AttachmentState } from './attachmentState.ts';

export interface AttachmentRouteDeps {
  attachments: AttachmentState;
  issueExists(issueId: string): boolean;
  honourIdempotencyKeys(): boolean;
}

const attachmentAdmin = {
  settings: endpoint({
    id: 'sim.attachmentSettings',
    method: 'PUT',
    path: '/_sim/attachments',
    summary: 'Change the attachment policy and upload behaviour (throttle, mid-body resets) at run time.',
    body: AttachmentSimSettings.partial(),
    response: z.unknown(),
    status: 200,
    idempotent: true,
  }),
  read: endpoint({
    id: 'sim.attachments',
    method: 'GET',
    path: '/_sim/attachments',
    summary: 'Attachment settings, counters and every attachment.',
    response: z.unknown(),
    status: 200,
    idempotent: false,
  }),
};

const CONTENT_RANGE = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/;

function words(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}

function idempotencyKey(req: IncomingMessage): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.length < 1 || raw.length > 255)
    throw new HttpError(400, 'Invalid Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters');
  return raw;
}

function sessionGone(id: string): HttpError {
  return new HttpError(404, 'Upload session not found', `no open upload session ${id}; it may have expired`);
}

export function attachmentRoutes(deps: AttachmentRouteDeps): Route[] {
  const e = tradingGridContract.endpoints;
  const state = deps.attachments;
  return [
    route(e.attachmentPolicy, () => ({ body: state.policy() })),
    route(e.createUploadSession, ({ params, body, req }) => {
      if (!deps.issueExists(params.issueId))
        throw new HttpError(404, 'Issue not found', `no issue with id ${params.issueId}`);
      const policy = state.settings;
      if (body.sizeBytes > policy.maxBytes)
        throw new HttpError(
          413,
          'Attachment too large',
          `the file is ${words(body.sizeBytes)}; attachments may be at most ${words(policy.maxBytes)}`,
        );
      if (!policy.allowedContentTypes.includes(body.contentType))
        throw new HttpError(415, 'Attachment type not accepted', `${body.contentType} is not accepted`);
      const outcome = state.createSession(
        params.issueId,
        body,
        idempotencyKey(req),
        deps.honourIdempotencyKeys(),
      );
      return {
        body: outcome.session,
        headers: outcome.replayed ? { 'idempotent-replayed': 'true' } : ({} as Record<string, string>),
      };
    }),
    route(e.findUploadSessions, ({ query }) => ({
      body: { items: state.findSessions(query.correlationRef) },
    })),
    route(e.getUploadSession, ({ params }) => {
      const session = state.session(params.sessionId);
      if (!session) throw sessionGone(params.sessionId);
      return { body: session };
    }),
    route(e.uploadChunk, async ({ params, req }) => {
      const session = state.session(params.sessionId);
      if (!session) throw sessionGone(params.sessionId);
      const range = CONTENT_RANGE.exec(String(req.headers['content-range'] ?? ''));
      if (!range)
        throw new HttpError(
          400,
          'Invalid Content-Range',
          'Content-Range must be "bytes <start>-<end>/<total>"',
        );
      const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
      if (total !== session.sizeBytes || start > end || end >= total)
        throw new HttpError(
          400,
          'Invalid Content-Range',
          `the range ${start}-${end}/${total} does not fit an upload of ${session.sizeBytes} bytes`,
        );
      const length = Number(req.headers['content-length'] ?? NaN);
      if (length !== end - start + 1)
        throw new HttpError(
          400,
          'Invalid Content-Length',
          'Content-Length must equal the length of the range',
        );
      const outcome = await state.receive(params.sessionId, start, req, () => req.socket.destroy());
      switch (outcome.kind) {
        case 'not_found':
          throw sessionGone(params.sessionId);
        case 'busy':
          throw new HttpError(409, 'Upload in progress', 'another request is writing to this session');
        case 'offset_mismatch':
          throw new HttpError(
            409,
            'Upload offset mismatch',
            `the chunk starts at ${start} but the session holds ${outcome.session.receivedBytes} bytes`,
            {},
            { receivedBytes: outcome.session.receivedBytes },
          );
        case 'completed':
        case 'ok':
          return { body: outcome.session };
      }
    }),
    route(e.completeUploadSession, ({ params }) => {
      const outcome = state.complete(params.sessionId);
      switch (outcome.kind) {
        case 'not_found':
          throw sessionGone(params.sessionId);
        case 'incomplete':
          throw new HttpError(
            409,
            'Upload incomplete',
            `the session holds ${outcome.session.receivedBytes} of ${outcome.session.sizeBytes} bytes`,
            {},
            { receivedBytes: outcome.session.receivedBytes },
          );
        case 'hash_mismatch':
          throw new HttpError(
            422,
            'Content does not match',
            `the uploaded bytes have SHA-256 ${outcome.actual}, not the declared ${outcome.expected}; nothing was attached`,
            {},
            { code: 'hash_mismatch' },
          );
        case 'ok':
          return { body: outcome.attachment, status: outcome.replayed ? 200 : 201 };
      }
    }),
    route(e.findAttachments, ({ query }) => ({
      body: { items: state.findAttachments(query.correlationRef) },
    })),
    route(attachmentAdmin.settings, ({ body }) => ({ body: state.updateSettings(body) }), { admin: true }),
    route(
      attachmentAdmin.read,
      () => ({
        body: {
          settings: state.settings,
          stats: state.stats(),
          attachments: [...state.attachments.values()],
        },
      }),
      { admin: true },
    ),
  ];
}
