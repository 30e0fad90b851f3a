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
import { fileProblem } from './fileProblems.ts';
import { detectFileType } from './fileTypes.ts';
import { removeSpooled, spoolDocument, spooledHead, type SpoolResult } from './spool.ts';

type Spooled = Extract<SpoolResult, { kind: 'ready' }>;

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

export interface PartnerFileTransfer {
  deliver(entry: OutboxEntry, previousAttempts: number): Promise<Result<Delivered, RemoteError>>;
  /** Stops the transfers in flight (the engine is stopping); the outbox resumes them later. */
  halt(): void;
}

/** Problems of the source system while the write is xConnector's: not counted against xConnector's health. */
const SYSTEM_WIDE = new Set(['network', 'timeout', 'server', 'rate_limited']);

function oldest(files: PartnerFile[]): PartnerFile | undefined {
  return [...files].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
}

export function createPartnerFileTransfer(deps: {
  ports: DocumentPorts;
  settings: EngineSettings;
  spoolDir: string;
  logger: Logger;
}): PartnerFileTransfer {
  const { tradingGrid: tg, xconnector: xc } = deps.ports;
  let stopping = new AbortController();

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

  /** What the bytes are, by name and content, within the limits set for partner files. */
  async function judge(spooled: Spooled, p: PartnerFilePayload): Promise<Result<string, string>> {
    const limits = deps.settings.mappings.caseSync.partnerFiles;
    if (p.file.sizeBytes > limits.maxBytes)
      return err(
        `The file is too large: ${byteWords(p.file.sizeBytes)}, and partner files are passed on up to ${byteWords(limits.maxBytes)}.`,
      );
    const head = await spooledHead(spooled, p.file.sizeBytes);
    const type = detectFileType(p.file.name, head, deps.settings.documents.fileTypes);
    if (!type.ok) return err(type.reason);
    if (!limits.allowedContentTypes.includes(type.rule.contentType))
      return err(`${type.rule.label}s (${type.rule.contentType}) are not passed on to xConnector.`);
    return ok(type.rule.contentType);
  }

  async function deliver(
    entry: OutboxEntry,
    previousAttempts: number,
  ): Promise<Result<Delivered, RemoteError>> {
    const signal = stopping.signal;
    const p = entry.payload as PartnerFilePayload;

    // 1. Stored already, by an attempt whose answer was lost or that a crash interrupted?
    if (previousAttempts > 0 || p.lookFirst) {
      const found = await xc.findPartnerFilesByRef(entry.correlationRef, signal);
      if (!found.ok) return found;
      const existing = oldest(found.value);
      if (existing) return done(entry, p, { outcome: 'delivered', file: existing }, true);
    }

    // 2. The bytes, here and verified.
    let stated: string | null = null;
    const spooled = await spoolDocument(
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
    if (spooled.kind === 'failed') return refused(entry, p, spooled.reason);
    if (spooled.kind === 'error') {
      const e = spooled.error;
      return err(SYSTEM_WIDE.has(e.kind) ? { ...e, kind: `source_${e.kind}` } : e);
    }
    if (stated !== null && stated !== p.file.sha256)
      return refused(
        entry,
        p,
        'Trading Grid states a different SHA-256 fingerprint for this file than its attachment record, so it was not passed on.',
      );

    // 3. What it is.
    let judged: Result<string, string>;
    try {
      judged = await judge(spooled, p);
    } catch (error) {
      return err({ kind: 'internal', message: fileProblem(error), retryable: true, maybeApplied: false });
    }
    if (!judged.ok) return refused(entry, p, judged.error);

    // 4. To xConnector, whole, from disk.
    const sent = await xc.uploadPartnerFile(
      p.target,
      { ...p.file, contentType: judged.value },
      entry.idempotencyKey,
      () => createReadStream(spooled.path, { highWaterMark: readBufferFor(p.file.sizeBytes, 256 * 1024) }),
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

  return {
    async deliver(entry, previousAttempts) {
      try {
        return await deliver(entry, previousAttempts);
      } catch (error) {
        deps.logger.error({ err: error, outboxId: entry.id }, 'partner file transfer failed unexpectedly');
        return err({
          kind: 'internal',
          message: `Passing the partner's file on failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
          retryable: true,
          maybeApplied: true,
        });
      }
    },
    halt() {
      stopping.abort();
      stopping = new AbortController();
    },
  };
}
