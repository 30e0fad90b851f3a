// Health of each remote system as the desk sees it: last success, last error, and whether we are
// backing off. A refused credential is reported once and then left alone until the wait is over
// or the credentials change, so a system that refuses us is not hammered.
import { backoffCap, backoffDelay, type BackoffPolicy } from '../http/backoff.ts';

export type SystemName = 'xconnector' | 'trading-grid';
export type HealthState = 'idle' | 'ok' | 'degraded' | 'unreachable' | 'unauthorized';

export interface SystemHealth {
  system: SystemName;
  state: HealthState;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  lastError: string | null;
  consecutiveFailures: number;
  backoffUntil: number | null;
}

/** The part of an HTTP error that decides how health reacts. */
export interface FailureLike {
  kind: string;
  message: string;
  retryAfterMs?: number;
}

export interface HealthPolicy {
  backoffBaseMs: number;
  backoffMaxMs: number;
  authRetryMs: number;
}

/** How long the sync waits before trying to save again after the disk was full. */
export const STORAGE_RETRY_MS = 30_000;

/** How long a failing system is left alone: doubling from a second, at most a minute. */
export const SYSTEM_BACKOFF: BackoffPolicy = { backoffBaseMs: 1000, backoffMaxMs: 60_000 };

/**
 * The wait after the `failures`-th failure in a row of an unreachable system: at least half the
 * backoff cap ("equal jitter"). Full jitter could pick a wait near zero; the floor is what keeps a
 * long outage from costing more than one probe per half cap, so its request count has a hard bound.
 */
export function unreachableWait(failures: number, policy: BackoffPolicy, random: () => number): number {
  const cap = backoffCap(failures, policy);
  return Math.round(cap / 2 + Math.min(1, Math.max(0, random())) * (cap / 2));
}

export function createHealthTracker(
  systems: SystemName[],
  policy: HealthPolicy,
  onChange: (h: SystemHealth) => void,
  random: () => number = Math.random,
) {
  const health = new Map<SystemName, SystemHealth>(
    systems.map((system) => [
      system,
      {
        system,
        state: 'idle',
        lastSuccessAt: null,
        lastErrorAt: null,
        lastError: null,
        consecutiveFailures: 0,
        backoffUntil: null,
      },
    ]),
  );
  const get = (s: SystemName): SystemHealth => {
    const h = health.get(s);
    if (!h) throw new Error(`unknown system ${s}`);
    return h;
  };
  const publish = (before: SystemHealth, after: SystemHealth) => {
    health.set(after.system, after);
    // Only a change of state or of the error text is news; a repeat of the same refusal is not.
    if (before.state !== after.state || before.lastError !== after.lastError) onChange({ ...after });
  };

  return {
    get: (s: SystemName): SystemHealth => ({ ...get(s) }),
    all: (): SystemHealth[] => systems.map((s) => ({ ...get(s) })),
    /** May the engine talk to this system now? */
    available(s: SystemName, now: number): boolean {
      const h = get(s);
      return h.backoffUntil === null || h.backoffUntil <= now;
    },
    /** When the first system now backing off may be tried again; null when none is backing off. */
    nextAvailableAt(now: number): number | null {
      const ends = systems.map((s) => get(s).backoffUntil).filter((t): t is number => t !== null && t > now);
      return ends.length > 0 ? Math.min(...ends) : null;
    },
    success(s: SystemName, now: number): void {
      const before = get(s);
      publish(before, {
        ...before,
        state: 'ok',
        lastSuccessAt: now,
        consecutiveFailures: 0,
        backoffUntil: null,
        lastError: before.state === 'ok' ? before.lastError : null,
      });
    },
    failure(s: SystemName, error: FailureLike, now: number): void {
      const before = get(s);
      const failures = before.consecutiveFailures + 1;
      let state: HealthState;
      let wait: number;
      if (error.kind === 'unauthorized' || error.kind === 'forbidden') {
        state = 'unauthorized';
        wait = policy.authRetryMs;
      } else if (error.kind === 'network' || error.kind === 'timeout') {
        state = 'unreachable';
        wait = Math.max(error.retryAfterMs ?? 0, unreachableWait(failures, policy, random));
      } else {
        state = 'degraded';
        wait = Math.max(error.retryAfterMs ?? 0, backoffDelay(failures - 1, policy, random));
      }
      publish(before, {
        ...before,
        state,
        lastErrorAt: now,
        lastError: error.message,
        consecutiveFailures: failures,
        backoffUntil: now + wait,
      });
    },
    /**
     * The engine cannot save what it reads (a full disk): every system waits `retryMs` before it is
     * tried again, and its health says what is wrong and what to do. The next success clears it.
     */
    storageProblem(message: string, now: number, retryMs = STORAGE_RETRY_MS): void {
      for (const s of systems) {
        const before = get(s);
        publish(before, {
          ...before,
          state: 'degraded',
          lastErrorAt: now,
          lastError: message,
          backoffUntil: now + retryMs,
        });
      }
    },
    /** New credentials were saved: try again at once. */
    credentialsChanged(s: SystemName): void {
      const before = get(s);
      if (before.state === 'unauthorized')
        publish(before, { ...before, state: 'idle', backoffUntil: null, consecutiveFailures: 0 });
    },
  };
}
export type HealthTracker = ReturnType<typeof createHealthTracker>;
