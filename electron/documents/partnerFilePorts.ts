// What moving a partner's file into xConnector (flows 5 and 7) needs from each system: the bytes of a
// Trading Grid comment attachment (from an offset, so an interrupted download continues), and
// xConnector's upload of a whole file to a case or routed message with its lookup by reference.
// Flow 2's document clients implement them on their own byte-moving connections.
import type { Readable } from 'node:stream';
import type { Result } from '../http/result.ts';
import type { RemoteError } from '../engine/remoteCall.ts';
import type { NewPartnerFile, PartnerFile, PartnerFileTarget } from '../../shared/domain/partnerFile.ts';
import type { DocumentBytes } from './documentBytes.ts';

export interface PartnerFileBytes extends DocumentBytes {
  /** The whole file's SHA-256 as Trading Grid states it in a header, when it does. */
  sha256: string | null;
}

export interface PartnerFileDownloadPort {
  downloadPartnerFile(
    attachmentId: string,
    fromByte: number,
    signal?: AbortSignal,
  ): Promise<Result<PartnerFileBytes, RemoteError>>;
}

export interface PartnerFileUploadPort {
  uploadPartnerFile(
    target: { kind: PartnerFileTarget; id: string },
    file: NewPartnerFile,
    idempotencyKey: string,
    body: () => Readable,
    signal?: AbortSignal,
  ): Promise<Result<PartnerFile, RemoteError>>;
  /** Files carrying exactly this correlation reference (empty when none). */
  findPartnerFilesByRef(
    correlationRef: string,
    signal?: AbortSignal,
  ): Promise<Result<PartnerFile[], RemoteError>>;
}
