// xConnector documents over HTTP: the documents feed (JSON) and each document's bytes, streamed through
// a transfer pool of their own and asked from an offset with a Range header when a download resumes.
import { xConnectorContract } from '../../../shared/contracts/xconnector.ts';
import { IDEMPOTENCY_HEADER } from '../../../shared/contracts/endpoint.ts';
import { checkIdempotencyKey } from '../requestOptions.ts';
import type { EngineSettings } from '../../../shared/config/engineSettings.ts';
import { createBinaryTransfer } from '../../http/binaryTransfer.ts';
import { createHttpClient } from '../../http/httpClient.ts';
import type { Logger } from '../../http/httpClient.ts';
import { err, ok } from '../../http/result.ts';
import type { Clock } from '../../http/time.ts';
import type { XConnectorDocumentPort } from '../../documents/documentPorts.ts';
import type { CredentialSource } from '../credentialSource.ts';
import { createApiKeyAuth } from './apiKeyAuth.ts';

export interface XConnectorDocumentClientOptions {
  settings: EngineSettings['xconnector'];
  credentials: CredentialSource;
  clock?: Clock;
  logger?: Logger;
}

export interface XConnectorDocumentClient extends XConnectorDocumentPort {
  close(): Promise<void>;
}

export function createXConnectorDocumentClient(
  options: XConnectorDocumentClientOptions,
): XConnectorDocumentClient {
  const { settings } = options;
  const e = xConnectorContract.endpoints;
  const auth = createApiKeyAuth({ credentials: options.credentials, secretName: settings.apiKeySecret });
  const http = createHttpClient({
    baseUrl: settings.baseUrl,
    policy: settings.http,
    systemName: 'xConnector',
    auth,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const transfer = createBinaryTransfer({
    baseUrl: settings.baseUrl,
    systemName: 'xConnector',
    auth,
    policy: settings.http,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    documentsFeed: (since, limit) =>
      http.call(e.documentsFeed, { query: { ...(since !== undefined ? { since } : {}), limit } }),
    async downloadDocument(documentId, fromByte, signal) {
      const r = await transfer.download(e.documentContent, {
        params: { id: documentId },
        ...(fromByte > 0 ? { headers: { range: `bytes=${fromByte}-` } } : {}),
        ...(signal ? { signal } : {}),
      });
      return r.ok ? ok({ partial: r.value.status === 206, body: r.value.body }) : r;
    },
    // A partner's file (flows 5 and 7): the whole file in one streamed request; a retry looks it up first.
    async uploadPartnerFile(target, file, idempotencyKey, body, signal) {
      const endpoint = target.kind === 'case' ? e.uploadCaseFile : e.uploadRouteMessageFile;
      const refused = checkIdempotencyKey(idempotencyKey, endpoint.id, 'xConnector');
      if (refused) return err(refused);
      return transfer.upload(endpoint, {
        params: { id: target.id },
        query: file,
        headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
        body,
        contentLength: file.sizeBytes,
        ...(signal ? { signal } : {}),
      });
    },
    async findPartnerFilesByRef(correlationRef, signal) {
      const r = await http.call(e.findPartnerFiles, {
        query: { correlationRef },
        ...(signal ? { signal } : {}),
      });
      return r.ok ? ok(r.value.items.filter((f) => f.correlationRef === correlationRef)) : r;
    },
    async close() {
      await Promise.all([http.close(), transfer.close()]);
    },
  };
}
