// What the two byte transfers the outbox drives have in common: flow 2's documents into Trading Grid
// and partners' files into xConnector (flows 5 and 7). Both stop what is in flight when the engine
// stops (the outbox resumes it later), and both turn a surprise into a retryable error that may have
// been applied (so the next attempt looks the write up first, taking the earliest record it finds, as
// createOnce does).
import type { RemoteError } from '../engine/ports.ts';
import { err, type Result } from '../http/result.ts';
import type { Logger } from '../logging/logger.ts';
import type { OutboxEntry } from '../store/outboxStore.ts';
import type { Delivered } from '../sync/delivered.ts';

export interface OutboxTransfer {
  deliver(entry: OutboxEntry, previousAttempts: number): Promise<Result<Delivered, RemoteError>>;
  /** Stops the transfers in flight (the engine is stopping); the outbox resumes them later. */
  halt(): void;
}

/** One step of a transfer: its value, a reason the file cannot go (final), or trouble on the way. */
export type Step<T> =
  { kind: 'ok'; value: T } | { kind: 'failed'; reason: string } | { kind: 'error'; error: RemoteError };

/** Of the records found by correlation reference, the one the first successful attempt made. */

export type TransferRun = (
  entry: OutboxEntry,
  previousAttempts: number,
  signal: AbortSignal,
) => Promise<Result<Delivered, RemoteError>>;

/** What an unexpected failure is called: in the log, and (before its cause) in the outbox's error. */
export interface UnexpectedFailure {
  logger: Logger;
  logMessage: string;
  errorMessage: string;
}

export function haltableTransfer(run: TransferRun, unexpected: UnexpectedFailure): OutboxTransfer {
  let stopping = new AbortController();
  return {
    async deliver(entry, previousAttempts) {
      try {
        return await run(entry, previousAttempts, stopping.signal);
      } catch (error) {
        unexpected.logger.error({ err: error, outboxId: entry.id }, unexpected.logMessage);
        return err({
          kind: 'internal',
          message: `${unexpected.errorMessage}: ${error instanceof Error ? error.message : String(error)}`,
          retryable: true,
          maybeApplied: true,
        });
      }
    },
    halt() {
      stopping.abort();
      stopping = new AbortController();
    },
  };
}
