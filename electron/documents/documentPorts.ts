// What flow 2 needs from each remote system: Trading Grid's attachment policy and resumable upload
// sessions, and xConnector's documents feed and document bytes. Kept apart from the other ports so the
// byte-moving connections (and their pools) belong to the documents alone.
import type { Readable } from 'node:stream';
import type { Result } from '../http/result.ts';
import type { Feed, RemoteError } from '../engine/remoteCall.ts';
import type {
  Attachment,
  AttachmentPolicy,
  NewUploadSession,
  UploadSession,
} from '../../shared/domain/document.ts';
import type { DocumentBytes } from './documentBytes.ts';
import type { PartnerFileDownloadPort, PartnerFileUploadPort } from './partnerFilePorts.ts';

export interface ChunkToSend {
  /** First byte's offset in the file. */
  start: number;
  /** Last byte's offset (inclusive). */
  end: number;
  /** Size of the whole file. */
  total: number;
  /** Opens the chunk's bytes; may be called again if the request has to be repeated before sending. */
  body(): Readable;
  onProgress?(sentBytes: number): void;
  signal?: AbortSignal;
}

export interface TradingGridAttachmentPort extends PartnerFileDownloadPort {
  attachmentPolicy(signal?: AbortSignal): Promise<Result<AttachmentPolicy, RemoteError>>;
  createUploadSession(
    issueId: string,
    session: NewUploadSession,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<Result<UploadSession, RemoteError>>;
  /** Sessions carrying exactly this correlation reference (empty when none). */
  findUploadSessions(
    correlationRef: string,
    signal?: AbortSignal,
  ): Promise<Result<UploadSession[], RemoteError>>;
  getUploadSession(sessionId: string, signal?: AbortSignal): Promise<Result<UploadSession, RemoteError>>;
  uploadChunk(sessionId: string, chunk: ChunkToSend): Promise<Result<UploadSession, RemoteError>>;
  completeUploadSession(
    sessionId: string,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<Result<Attachment, RemoteError>>;
  /** Attachments carrying exactly this correlation reference (empty when none). */
  findAttachmentsByRef(
    correlationRef: string,
    signal?: AbortSignal,
  ): Promise<Result<Attachment[], RemoteError>>;
}

export type { DocumentBytes } from './documentBytes.ts';

export interface XConnectorDocumentPort extends PartnerFileUploadPort {
  documentsFeed: Feed;
  /** The document's bytes from `fromByte` on (a server that ignores ranges sends them all). */
  downloadDocument(
    documentId: string,
    fromByte: number,
    signal?: AbortSignal,
  ): Promise<Result<DocumentBytes, RemoteError>>;
}

export interface DocumentPorts {
  tradingGrid: TradingGridAttachmentPort;
  xconnector: XConnectorDocumentPort;
  close(): Promise<void>;
}
