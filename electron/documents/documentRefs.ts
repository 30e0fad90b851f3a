// The identities of one document's upload: the correlation reference stored on the Trading Grid
// session and attachment (`pd:doc:<caseId>:<sha256>`, the same from either path and across restarts,
// so a lookup finds what an earlier attempt created), and the outbox idempotency keys.
import { createHash } from 'node:crypto';

/** A case id as it may appear in a reference or header; an unusual one is replaced by its hash. */
export function caseToken(caseId: string): string {
  return /^[A-Za-z0-9._:-]{1,100}$/.test(caseId)
    ? caseId
    : `h-${createHash('sha256').update(caseId).digest('hex').slice(0, 32)}`;
}

export function documentCorrelationRef(caseId: string, sha256: string): string {
  return `pd:doc:${caseToken(caseId)}:${sha256}`;
}

/** The outbox key of one try at attaching the content to the case (a failed document tried again gets a new one). */
export function attachIdempotencyKey(caseId: string, sha256: string, generation: number): string {
  return `tg.attachDocument:${caseToken(caseId)}:${sha256}:${generation}`;
}
