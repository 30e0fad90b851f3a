// Where a document's bytes are read from on this machine. A dropped file is uploaded from where the
// person dropped it, and only while it is still the bytes fingerprinted then; xConnector's document is
// first copied to the spool and verified, then judged by name and bytes like a dropped file was when
// it was dropped. A file that vanished or changed is the document's problem (it fails with a reason),
// not the network's.
import type { FileTypeRule } from '../../shared/config/documentSettings.ts';
import type { StoredDocument } from '../store/documents.ts';
import type { Store } from '../store/store.ts';
import type { XConnectorDocumentPort } from './documentPorts.ts';
import { checkDroppedFile } from './droppedFileCheck.ts';
import { fileProblem } from './fileProblems.ts';
import type { Step } from './outboxTransfer.ts';
import { spoolDocument } from './spool.ts';
import { spooledFileType, spoolStep } from './spooledSource.ts';

export interface DocumentSourceDeps {
  store: Store;
  xconnector: XConnectorDocumentPort;
  spoolDir: string;
  fileTypes: readonly FileTypeRule[];
  now: () => number;
}

/** The path of the bytes on this machine: the dropped file itself (unchanged), or xConnector's verified copy. */
export async function localBytes(
  deps: DocumentSourceDeps,
  doc: StoredDocument,
  name: string,
  signal: AbortSignal,
): Promise<Step<string>> {
  if (doc.source === 'desk') {
    const check = await checkDroppedFile(
      { path: doc.sourceRef, sizeBytes: doc.sizeBytes, sha256: doc.sha256, mtimeMs: doc.sourceMtimeMs },
      signal,
    );
    if (check.kind === 'failed') return check;
    if (check.mtimeMs !== doc.sourceMtimeMs) {
      // Touched but the same bytes: remember the new time so the next check need not read it all again.
      deps.store.documents.confirmUnchanged(doc.id, check.mtimeMs, deps.now());
      doc.sourceMtimeMs = check.mtimeMs;
    }
    return { kind: 'ok', value: check.path };
  }
  const downloaded = await spoolDocument(
    deps.xconnector,
    deps.spoolDir,
    { documentId: doc.id, sourceRef: doc.sourceRef, sha256: doc.sha256, sizeBytes: doc.sizeBytes },
    signal,
  );
  const spooled = spoolStep(downloaded);
  if (spooled.kind !== 'ok') return spooled;
  // xConnector's word for the type is checked like a dropped file's: by the name and the bytes.
  const type = await spooledFileType(spooled.value, name, doc.sizeBytes, deps.fileTypes);
  if (type.kind !== 'ok') return type;
  return { kind: 'ok', value: spooled.value.path };
}

/**
 * Why a chunk could not be sent, when the cause is the file rather than the way: a dropped file that
 * vanished, shrank or changed under the upload, or bytes that could not be read. Null when the file is fine.
 */
export async function sourceProblem(
  doc: StoredDocument,
  path: string,
  readError: unknown,
): Promise<string | null> {
  if (doc.source === 'desk') {
    const check = await checkDroppedFile({
      path,
      sizeBytes: doc.sizeBytes,
      sha256: doc.sha256,
      mtimeMs: doc.sourceMtimeMs,
    });
    if (check.kind === 'failed') return check.reason;
  }
  return readError === null ? null : `${fileProblem(readError)} Nothing was attached.`;
}
