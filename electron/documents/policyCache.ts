// Trading Grid's attachment policy (largest file, accepted types), read from Trading Grid and kept for
// a while. While Trading Grid cannot be asked, the last policy it published is used, or else the
// assumed policy from the settings: Trading Grid checks again when the upload starts.
import type { AttachmentPolicy } from '../../shared/domain/document.ts';
import type { Result } from '../http/result.ts';
import type { RemoteError } from '../engine/ports.ts';

export interface PolicyCache {
  /** The policy to judge files by now (refreshing it when stale). */
  get(signal?: AbortSignal): Promise<{ policy: AttachmentPolicy; published: boolean }>;
}

export function createPolicyCache(deps: {
  fetch: (signal?: AbortSignal) => Promise<Result<AttachmentPolicy, RemoteError>>;
  ttlMs: number;
  assumed: AttachmentPolicy;
  now: () => number;
}): PolicyCache {
  let cached: { policy: AttachmentPolicy; at: number } | null = null;
  let inflight: Promise<void> | null = null;
  const refresh = async (signal?: AbortSignal) => {
    const r = await deps.fetch(signal);
    if (r.ok) cached = { policy: r.value, at: deps.now() };
  };
  return {
    async get(signal) {
      if (!cached || deps.now() - cached.at >= deps.ttlMs) {
        inflight ??= refresh(signal).finally(() => (inflight = null));
        await inflight;
      }
      return cached ? { policy: cached.policy, published: true } : { policy: deps.assumed, published: false };
    },
  };
}
