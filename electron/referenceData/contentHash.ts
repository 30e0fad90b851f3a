// The content hash of a reference record: what "changed since the last push" and "drifted in Trading
// Grid" are decided by. Taken over everything we write for the record (kind, key, partner code, data)
// in canonical JSON, so the same content always hashes the same whichever side it was read from.
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  REFERENCE_DATA,
  type DirectoryRecord,
  type ReferenceKind,
} from '../../shared/domain/reference.ts';

export interface HashedContent {
  kind: ReferenceKind;
  key: string;
  partnerCode: string;
  data: unknown;
}

export function contentHash(c: HashedContent): string {
  const text = canonicalJson({ kind: c.kind, key: c.key, partnerCode: c.partnerCode, data: c.data });
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * The hash of what Trading Grid's directory actually holds, recomputed from its data rather than taken
 * from its contentHash field (an edit on the Trading Grid side leaves that field stale). Data that no
 * longer fits the kind's schema hashes to null: it differs from anything we would write.
 */
export function hashOfDirectoryRecord(r: DirectoryRecord): string | null {
  const data = REFERENCE_DATA[r.kind].safeParse(r.data);
  if (!data.success) return null;
  return contentHash({ kind: r.kind, key: r.key, partnerCode: r.partnerCode, data: data.data });
}
