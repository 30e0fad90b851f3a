// Exactly-once creation on a remote that may ignore idempotency keys: when an earlier attempt may
// have been applied (a lost response, a timeout, a crash after sending), look the object up by our
// correlation reference before creating it again.
import { ok, type Result } from '../http/result.ts';
import type { RemoteError } from '../engine/ports.ts';
import type { Delivered } from './outboxOperation.ts';

interface Created {
  id: string;
  createdAt: string;
}

/**
 * The attempts to count before this one. A write whose object an earlier installation may already have
 * written (`lookFirst`) counts its first attempt as a retry, so it too looks the object up first.
 */
export function attemptsBefore(previousAttempts: number, lookFirst: boolean): number {
  return lookFirst ? previousAttempts + 1 : previousAttempts;
}

/** Of the objects a lookup by correlation reference found, the one that counts: the first created. */
export function earliest<T extends Created>(items: T[]): T | undefined {
  return [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
}

export async function createOnce<T extends Created>(
  previousAttempts: number,
  lookup: () => Promise<Result<T[], RemoteError>>,
  create: () => Promise<Result<T, RemoteError>>,
): Promise<Result<Delivered, RemoteError>> {
  if (previousAttempts > 0) {
    const found = await lookup();
    if (!found.ok) return found;
    const existing = earliest(found.value);
    if (existing) return ok({ remoteId: existing.id, recovered: true, value: existing });
  }
  const created = await create();
  if (!created.ok) {
    // A 2xx whose body we could not read still created the object: treat it like a lost response.
    if (created.error.kind === 'invalid_response')
      return { ok: false, error: { ...created.error, retryable: true, maybeApplied: true } };
    return created;
  }
  return ok({ remoteId: created.value.id, recovered: false, value: created.value });
}
