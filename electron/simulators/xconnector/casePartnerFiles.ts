// Files partners sent in Trading Grid, as Partner Desk hands them to xConnector: attached to an internal
// case or to a routed message. The bytes are read from the request as they stream in, checked against
// the declared size and SHA-256 (422 otherwise, nothing stored), and counted. Idempotency-Key is
// honoured or not, as the case simulator is set; the same bytes stored twice on the same case or
// message are recorded as a duplicate, which exactly-once delivery must never produce.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { NewPartnerFile, PartnerFile, PartnerFileTarget } from '../../../shared/domain/partnerFile.ts';
import { ByCorrelationRef } from '../byCorrelationRef.ts';

/** Files up to this size keep their bytes, so tests can compare them with what the partner sent. */
const KEEP_BYTES = 16 * 1024 * 1024;

export type ReceiveFileOutcome =
  | { kind: 'stored'; file: PartnerFile; content: Buffer | null }
  | { kind: 'replayed'; file: PartnerFile }
  | { kind: 'mismatch'; detail: string }
  | { kind: 'aborted' };

export class CasePartnerFiles {
  readonly byRef = new ByCorrelationRef<PartnerFile>();
  /** `<target>:<targetId>:<sha256>` held by more than one stored file. */
  readonly duplicateContent = new Set<string>();
  idempotentReplays = 0;

  private readonly byContent = new Map<string, PartnerFile>();
  private readonly contents = new Map<string, Buffer>();
  private readonly keys = new Map<string, PartnerFile>();
  private counter = 0;

  get size(): number {
    return this.byRef.size;
  }

  all(): PartnerFile[] {
    return [...this.byContent.values()];
  }

  content(fileId: string): Buffer | undefined {
    return this.contents.get(fileId);
  }

  /** Reads the body to its end and stores the file when it is what the query says. */
  async receive(
    target: PartnerFileTarget,
    targetId: string,
    meta: NewPartnerFile,
    body: Readable,
    key: string | undefined,
    honourKeys: boolean,
    now: string,
  ): Promise<ReceiveFileOutcome> {
    const replay = key !== undefined && honourKeys ? this.keys.get(key) : undefined;
    const hash = createHash('sha256');
    const kept: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        if (size <= KEEP_BYTES) kept.push(chunk);
      }
    } catch {
      return { kind: 'aborted' };
    }
    if (replay) {
      this.idempotentReplays++;
      return { kind: 'replayed', file: replay };
    }
    const sha256 = hash.digest('hex');
    if (size !== meta.sizeBytes || sha256 !== meta.sha256)
      return {
        kind: 'mismatch',
        detail: `received ${size} bytes with SHA-256 ${sha256}, but the query declares ${meta.sizeBytes} bytes with ${meta.sha256}`,
      };
    this.counter++;
    const file: PartnerFile = {
      ...meta,
      id: `XPF-${String(this.counter).padStart(7, '0')}`,
      target,
      targetId,
      createdAt: now,
    };
    const contentKey = `${target}:${targetId}:${sha256}`;
    if (this.byContent.has(contentKey)) this.duplicateContent.add(contentKey);
    else this.byContent.set(contentKey, file);
    this.byRef.add(file);
    const content = size <= KEEP_BYTES ? Buffer.concat(kept) : null;
    if (content) this.contents.set(file.id, content);
    if (key !== undefined && honourKeys) this.keys.set(key, file);
    return { kind: 'stored', file, content };
  }

  duplicates(): string[] {
    return [...this.byRef.duplicateRefs, ...[...this.duplicateContent].map((k) => `content:${k}`)];
  }
}
