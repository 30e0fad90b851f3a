// Health of each remote system as the desk sees it: last success, last error, and whether we are
// backing off. A refused credential is reported once and then left alone until the wait is over
// or the credentials change, so a system that refuses us is not hammered.
import { backoffDelay } from '../http/backoff.ts';

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
        wait = Math.max(error.retryAfterMs ?? 0, backoffDelay(failures, policy, random));
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
    /** New credentials were saved: try again at once. */
    credentialsChanged(s: SystemName): void {
      const before = get(s);
      if (before.state === 'unauthorized')
        publish(before, { ...before, state: 'idle', backoffUntil: null, consecutiveFailures: 0 });
    },
  };
}
export type HealthTracker = ReturnType<typeof createHealthTracker>;
