// Trading Grid attachments over HTTP: the published attachment policy, resumable upload sessions and
// the lookups by correlation reference. JSON calls go through a client of their own; chunk bodies stream
// through a separate transfer pool, so a 1 GB upload never holds a slot the issue and alert calls need.
import { IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { tradingGridContract } from '../../../shared/contracts/tradingGrid.ts';
import { CONTENT_SHA256_HEADER } from '../../../shared/contracts/tradingGridCases.ts';
import type { EngineSettings } from '../../../shared/config/engineSettings.ts';
import { createBinaryTransfer } from '../../http/binaryTransfer.ts';
import { createHttpClient } from '../../http/httpClient.ts';
import type { AuthProvider, Logger } from '../../http/httpClient.ts';
import { err, ok } from '../../http/result.ts';
import type { Clock } from '../../http/time.ts';
import type { TradingGridAttachmentPort } from '../../documents/documentPorts.ts';
import type { CredentialSource } from '../credentialSource.ts';
import { checkIdempotencyKey } from '../requestOptions.ts';
import { createOAuthTokenProvider } from './oauthTokenProvider.ts';

export interface TradingGridAttachmentClientOptions {
  settings: EngineSettings['tradingGrid'];
  credentials: CredentialSource;
  clock?: Clock;
  logger?: Logger;
}

export interface TradingGridAttachmentClient extends TradingGridAttachmentPort {
  close(): Promise<void>;
}

export function createTradingGridAttachmentClient(
  options: TradingGridAttachmentClientOptions,
): TradingGridAttachmentClient {
  const { settings } = options;
  const e = tradingGridContract.endpoints;
  const auth: AuthProvider = {
    headers: () => tokens.headers(),
    invalidate: (rejected) => tokens.invalidate(rejected),
  };
  const common = {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
  const http = createHttpClient({
    baseUrl: settings.baseUrl,
    policy: settings.http,
    systemName: 'Trading Grid',
    auth,
    ...common,
  });
  const tokens = createOAuthTokenProvider({
    http,
    clientId: settings.clientId,
    clientSecretName: settings.clientSecretSecret,
    credentials: options.credentials,
    ...common,
  });
  const transfer = createBinaryTransfer({
    baseUrl: settings.baseUrl,
    systemName: 'Trading Grid',
    auth,
    policy: settings.http,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

  return {
    attachmentPolicy: (signal) => http.call(e.attachmentPolicy, withSignal(signal)),
    async createUploadSession(issueId, session, idempotencyKey, signal) {
      const refused = checkIdempotencyKey(idempotencyKey, e.createUploadSession.id, 'Trading Grid');
      if (refused) return err(refused);
      return http.call(e.createUploadSession, {
        params: { issueId },
        body: session,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        ...withSignal(signal),
      });
    },
    async findUploadSessions(correlationRef, signal) {
      const r = await http.call(e.findUploadSessions, { query: { correlationRef }, ...withSignal(signal) });
      // Exact matches only: a server that ignored the filter must not hand us someone else's session.
      return r.ok ? ok(r.value.items.filter((s) => s.correlationRef === correlationRef)) : r;
    },
    getUploadSession: (sessionId, signal) =>
      http.call(e.getUploadSession, { params: { sessionId }, ...withSignal(signal) }),
    uploadChunk: (sessionId, chunk) =>
      transfer.upload(e.uploadChunk, {
        params: { sessionId },
        headers: { 'content-range': `bytes ${chunk.start}-${chunk.end}/${chunk.total}` },
        body: chunk.body,
        contentLength: chunk.end - chunk.start + 1,
        ...(chunk.onProgress ? { onProgress: chunk.onProgress } : {}),
        ...withSignal(chunk.signal),
      }),
    async completeUploadSession(sessionId, idempotencyKey, signal) {
      const refused = checkIdempotencyKey(idempotencyKey, e.completeUploadSession.id, 'Trading Grid');
      if (refused) return err(refused);
      return http.call(e.completeUploadSession, {
        params: { sessionId },
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        ...withSignal(signal),
      });
    },
    async findAttachmentsByRef(correlationRef, signal) {
      const r = await http.call(e.findAttachments, { query: { correlationRef }, ...withSignal(signal) });
      return r.ok ? ok(r.value.items.filter((a) => a.correlationRef === correlationRef)) : r;
    },
    // A partner's file (flows 5 and 7), through the same transfer pool, from an offset when resuming.
    async downloadPartnerFile(attachmentId, fromByte, signal) {
      const r = await transfer.download(e.commentAttachmentContent, {
        params: { attachmentId },
        ...(fromByte > 0 ? { headers: { range: `bytes=${fromByte}-` } } : {}),
        ...withSignal(signal),
      });
      if (!r.ok) return r;
      const stated = r.value.headers[CONTENT_SHA256_HEADER];
      const sha256 = typeof stated === 'string' && /^[0-9a-f]{64}$/.test(stated) ? stated : null;
      return ok({ partial: r.value.status === 206, body: r.value.body, sha256 });
    },
    async close() {
      await Promise.all([http.close(), transfer.close()]);
    },
  };
}
