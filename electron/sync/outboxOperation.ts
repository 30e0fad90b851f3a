// How one kind of remote write is delivered, and what follows once it is applied.
import type { Result } from '../http/result.ts';
import type { Ports, RemoteError } from '../engine/ports.ts';
import type { OutboxEntry, RemoteSystem } from '../store/outboxStore.ts';
import type { FlowContext } from '../flows/flowContext.ts';
import type { Notifier } from '../engine/notifier.ts';
import type { DocumentTransfer } from '../documents/documentTransfer.ts';
import type { PartnerFileTransfer } from '../documents/partnerFileTransfer.ts';
import type { Store } from '../store/store.ts';
import type { Delivered } from './delivered.ts';

export type { Delivered } from './delivered.ts';

export interface DeliveryDeps {
  ports: Ports;
  notifier: Notifier;
  /** Read at delivery time, e.g. the issue a case was linked to after this write was enqueued. */
  store: Store;
  /** Streams document bytes into Trading Grid upload sessions (flow 2's `tg.attachDocument`). */
  documents?: DocumentTransfer;
  /** Streams partners' files from Trading Grid into xConnector (flows 5 and 7's `xc.uploadPartnerFile`). */
  partnerFiles?: PartnerFileTransfer;
}

export interface OutboxOperation {
  readonly operation: string;
  readonly system: RemoteSystem;
  /**
   * True for creates whose retry must first look the object up: their attempt is made durable before
   * the request leaves. Idempotent writes (PUT, local notifications) skip that commit.
   */
  readonly lookupBeforeRetry: boolean;
  /** `previousAttempts` > 0 means an earlier attempt may have reached the remote. */
  deliver(
    entry: OutboxEntry,
    previousAttempts: number,
    deps: DeliveryDeps,
  ): Promise<Result<Delivered, RemoteError>>;
  /** Runs in the same transaction that marks the entry done: the follow-up writes it enqueues cannot be lost. */
  onDelivered?(entry: OutboxEntry, delivered: Delivered, ctx: FlowContext): void;
}

export function defineOperation(op: OutboxOperation): OutboxOperation {
  return op;
}
