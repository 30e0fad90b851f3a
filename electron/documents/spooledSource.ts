// A spooled copy as the source of a transfer. xConnector's dispute documents (flow 2) and the files
// partners attach in Trading Grid (flows 5 and 7) are both downloaded to the spool and verified before
// they go on to the other system; both are then judged like a dropped file, by the name and the bytes.
import type { FileTypeRule } from '../../shared/config/documentSettings.ts';
import { fileProblem } from './fileProblems.ts';
import { detectFileType } from './fileTypes.ts';
import type { Step } from './outboxTransfer.ts';
import { spooledHead, type SpoolResult } from './spool.ts';

export type Spooled = Extract<SpoolResult, { kind: 'ready' }>;

/** Trouble of the system the bytes come from, while the write (and its health) is the other's. */
const SYSTEM_WIDE = new Set(['network', 'timeout', 'server', 'rate_limited']);

/** The spool's answer as a transfer step: the source being slow or down is not held against the target. */
export function spoolStep(spooled: SpoolResult): Step<Spooled> {
  if (spooled.kind === 'ready') return { kind: 'ok', value: spooled };
  if (spooled.kind === 'failed') return spooled;
  const e = spooled.error;
  return { kind: 'error', error: SYSTEM_WIDE.has(e.kind) ? { ...e, kind: `source_${e.kind}` } : e };
}

/** What the spooled bytes are, by the name and the first bytes; a file that cannot be read is retried. */
export async function spooledFileType(
  spooled: Spooled,
  name: string,
  sizeBytes: number,
  fileTypes: readonly FileTypeRule[],
): Promise<Step<FileTypeRule>> {
  let head: Buffer;
  try {
    head = await spooledHead(spooled, sizeBytes);
  } catch (error) {
    return {
      kind: 'error',
      error: { kind: 'internal', message: fileProblem(error), retryable: true, maybeApplied: false },
    };
  }
  const type = detectFileType(name, head, fileTypes);
  if (!type.ok) return { kind: 'failed', reason: type.reason };
  return { kind: 'ok', value: type.rule };
}
