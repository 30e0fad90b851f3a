// Moves one file a partner attached in Trading Grid into xConnector (flows 5 and 7); the outbox
// operation `xc.uploadPartnerFile` calls this. Flow 2's pieces do the work the other way round:
//
//   1. an earlier attempt (or an earlier installation) may have stored it: look it up by reference;
//   2. the bytes are copied from Trading Grid into the spool folder (streamed to disk, continued with a
//      Range request after a break) and verified against the declared size and SHA-256;
//   3. what the bytes are is judged by name and content against the document file types, and the
//      configured limits for partner files;
//   4. the verified file streams from disk to xConnector in one request with the idempotency key.
//
// A file that cannot be passed on (gone, corrupt, too large, a type not allowed) ends with a refused
// outcome and its reason for the case's timeline; trouble on the way goes back to the outbox, which
// tries again later, from the part already downloaded.
import { createReadStream } from 'node:fs';
import type { EngineSettings } from '../../shared/config/engineSettings.ts';
import type { PartnerFile, PartnerFileTarget, NewPartnerFile } from '../../shared/domain/partnerFile.ts';
import type { RemoteError } from '../engine/ports.ts';
import { err, ok, type Result } from '../http/result.ts';
import type { Logger } from '../logging/logger.ts';
import type { OutboxEntry } from '../store/outboxStore.ts';
import type { Delivered } from '../sync/delivered.ts';
import { byteWords } from './byteWords.ts';
import { readBufferFor } from './contentHash.ts';
import type { DocumentPorts } from './documentPorts.ts';
import { earliest } from '../sync/createOnce.ts';
import { haltableTransfer, type OutboxTransfer, type Step } from './outboxTransfer.ts';
import { removeSpooled, spoolDocument } from './spool.ts';
import { spooledFileType, spoolStep, type Spooled } from './spooledSource.ts';

/** The outbox operation that moves one partner file. */
export const UPLOAD_PARTNER_FILE = 'xc.uploadPartnerFile';
/** Where partners' files wait, verified, until xConnector has them (inside the data folder). */
export const PARTNER_FILE_SPOOL = 'partner-file-spool';

export interface PartnerFilePayload {
  /** The desk case the file belongs to. */
  caseId: string;
  /** Trading Grid's attachment id (where the bytes are). */
  attachmentId: string;
  target: { kind: PartnerFileTarget; id: string };
  file: NewPartnerFile;
  /** Who attached it, and where it goes in words, for the timeline. */
  author: string;
  label: string;
  /** Look it up before the first attempt: an earlier installation may have stored it. */
  lookFirst: boolean;
}

export type PartnerFileOutcome =
  { outcome: 'delivered'; file: PartnerFile } | { outcome: 'refused'; reason: string };

/** Delivers partners' files for the outbox; `halt` stops the transfers in flight, which the outbox resumes later. */
export type PartnerFileTransfer = OutboxTransfer;

export function createPartnerFileTransfer(deps: {
  ports: DocumentPorts;
  settings: EngineSettings;
  spoolDir: string;
  logger: Logger;
}): PartnerFileTransfer {
  const { tradingGrid: tg, xconnector: xc } = deps.ports;

  const spoolKey = (entry: OutboxEntry, p: PartnerFilePayload) => ({
    documentId: entry.id,
    sha256: p.file.sha256,
  });
  const done = (entry: OutboxEntry, p: PartnerFilePayload, value: PartnerFileOutcome, recovered = false) => {
    void removeSpooled(deps.spoolDir, spoolKey(entry, p));
    const remoteId = value.outcome === 'delivered' ? value.file.id : null;
    return ok({ remoteId, recovered, value });
  };
  const refused = (entry: OutboxEntry, p: PartnerFilePayload, reason: string) =>
    done(entry, p, { outcome: 'refused', reason });

  /** What the bytes are (their content type), by name and content, within the limits set for partner files. */
  async function judge(spooled: Spooled, p: PartnerFilePayload): Promise<Step<string>> {
    const limits = deps.settings.mappings.caseSync.partnerFiles;
    if (p.file.sizeBytes > limits.maxBytes)
      return {
        kind: 'failed',
        reason: `The file is too large: ${byteWords(p.file.sizeBytes)}, and partner files are passed on up to ${byteWords(limits.maxBytes)}.`,
      };
    const type = await spooledFileType(
      spooled,
      p.file.name,
      p.file.sizeBytes,
      deps.settings.documents.fileTypes,
    );
    if (type.kind !== 'ok') return type;
    if (!limits.allowedContentTypes.includes(type.value.contentType))
      return {
        kind: 'failed',
        reason: `${type.value.label}s (${type.value.contentType}) are not passed on to xConnector.`,
      };
    return { kind: 'ok', value: type.value.contentType };
  }

  async function deliver(
    entry: OutboxEntry,
    previousAttempts: number,
    signal: AbortSignal,
  ): Promise<Result<Delivered, RemoteError>> {
    const p = entry.payload as PartnerFilePayload;

    // 1. Stored already, by an attempt whose answer was lost or that a crash interrupted?
    if (previousAttempts > 0 || p.lookFirst) {
      const found = await xc.findPartnerFilesByRef(entry.correlationRef, signal);
      if (!found.ok) return found;
      const existing = earliest(found.value);
      if (existing) return done(entry, p, { outcome: 'delivered', file: existing }, true);
    }

    // 2. The bytes, here and verified.
    let stated: string | null = null;
    const downloaded = await spoolDocument(
      {
        downloadDocument: async (id, from, s) => {
          const r = await tg.downloadPartnerFile(id, from, s);
          if (r.ok) stated = r.value.sha256;
          return r;
        },
      },
      deps.spoolDir,
      {
        ...spoolKey(entry, p),
        sourceRef: p.attachmentId,
        sizeBytes: p.file.sizeBytes,
        system: 'Trading Grid',
      },
      signal,
    );
    const spooled = spoolStep(downloaded);
    if (spooled.kind === 'failed') return refused(entry, p, spooled.reason);
    if (spooled.kind === 'error') return err(spooled.error);
    if (stated !== null && stated !== p.file.sha256)
      return refused(
        entry,
        p,
        'Trading Grid states a different SHA-256 fingerprint for this file than its attachment record, so it was not passed on.',
      );

    // 3. What it is.
    const judged = await judge(spooled.value, p);
    if (judged.kind === 'failed') return refused(entry, p, judged.reason);
    if (judged.kind === 'error') return err(judged.error);

    // 4. To xConnector, whole, from disk.
    const sent = await xc.uploadPartnerFile(
      p.target,
      { ...p.file, contentType: judged.value },
      entry.idempotencyKey,
      () =>
        createReadStream(spooled.value.path, { highWaterMark: readBufferFor(p.file.sizeBytes, 256 * 1024) }),
      signal,
    );
    if (sent.ok) return done(entry, p, { outcome: 'delivered', file: sent.value });
    const e = sent.error;
    if (e.status === 413 || e.status === 415)
      return refused(entry, p, `xConnector refused the file: ${e.message}`);
    // A 2xx whose body we could not read, or a connection cut after the body: it may be stored.
    if (e.kind === 'invalid_response') return err({ ...e, retryable: true, maybeApplied: true });
    return err(e);
  }

  return haltableTransfer(deliver, {
    logger: deps.logger,
    logMessage: 'partner file transfer failed unexpectedly',
    errorMessage: "Passing the partner's file on failed unexpectedly",
  });
}
