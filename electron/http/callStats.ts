// What a client has done so far, for the connection status in the tray and for diagnostics, and the one
// place a failed call is counted and logged: at the level its kind deserves, never with request data.
import type { HttpError, SystemName } from './httpError.ts';
import type { Logger } from './logger.ts';
import { err } from './result.ts';
import type { Result } from './result.ts';
import type { Clock } from './time.ts';

export interface HttpClientStats {
  system: SystemName;
  /** Calls made through `call()`. */
  calls: number;
  /** HTTP requests actually sent (calls plus retries and auth refresh repeats). */
  requests: number;
  successes: number;
  failures: number;
  retries: number;
  authRefreshes: number;
  /** Requests on the wire now. */
  inFlight: number;
  /** Calls waiting for a connection slot or a rate-limit token. */
  queued: number;
  lastSuccessAt: number | null;
  lastFailure: {
    kind: HttpError['kind'];
    endpointId: string;
    status?: number;
    at: number;
    message: string;
  } | null;
}

/** The running counts behind `stats()`; the client and its attempts update them in place. */
export type CallCounters = Omit<HttpClientStats, 'system'>;

export function newCallCounters(): CallCounters {
  return {
    calls: 0,
    requests: 0,
    successes: 0,
    failures: 0,
    retries: 0,
    authRefreshes: 0,
    inFlight: 0,
    queued: 0,
    lastSuccessAt: null,
    lastFailure: null,
  };
}

export interface CallRecord {
  system: SystemName;
  counters: CallCounters;
  clock: Clock;
  logger: Logger | undefined;
}

/** Counts and logs a call that ended in `e` after `attempts` requests, and returns it as the result. */
export function failedCall<T>(record: CallRecord, e: HttpError, attempts: number): Result<T, HttpError> {
  const { counters, logger } = record;
  counters.failures += 1;
  counters.lastFailure = {
    kind: e.kind,
    endpointId: e.endpointId,
    ...(e.status !== undefined ? { status: e.status } : {}),
    at: record.clock.now(),
    message: e.message,
  };
  const entry = {
    system: record.system,
    endpointId: e.endpointId,
    kind: e.kind,
    status: e.status,
    retryable: e.retryable,
    maybeApplied: e.maybeApplied,
    attempts,
  };
  if (e.kind === 'cancelled') logger?.debug(entry, e.message);
  else if (e.retryable) logger?.warn(entry, e.message);
  else logger?.error(entry, e.message);
  return err(e);
}
