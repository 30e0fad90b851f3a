// The shape every feed-driven flow has: read what changed, decide, enqueue writes in one transaction.
// A new flow is written by copying this shape, not by adding branches to a switch.
import type { Mappings } from '../../shared/config/mappings.ts';
import type { Feed, Ports } from '../engine/ports.ts';
import type { SystemName } from '../sync/health.ts';
import type { FlowContext } from './flowContext.ts';
import type { QuarantineReasonKind } from '../store/quarantine.ts';

export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: string; itemId?: string; reasonKind?: 'malformed' | 'unmapped_status' };

export interface FeedFlow<T> {
  /** The cursor's name, e.g. `xc.exceptions`. */
  readonly feed: string;
  readonly system: SystemName;
  /** Feeds that must be read before this one in a cycle (the partner directory before exceptions). */
  readonly order: number;
  fetch(ports: Ports): Feed;
  parse(raw: unknown, mappings: Mappings): ParseResult<T>;
  /** Applies one item inside the page's transaction. May quarantine it, with a reason, instead. */
  apply(item: T, ctx: FlowContext): void;
  /**
   * How an item this flow quarantined for a reason is tried again once the cause may be gone
   * (electron/engine/quarantineRelease.ts). Without one, an unknown-partner item (the parsed item) is
   * applied again and any other (the raw item the poller could not parse) is parsed and applied again.
   */
  readonly retryQuarantined?: Partial<Record<QuarantineReasonKind, QuarantineRetry>>;
}

/** Tries one quarantined payload again; calls `ctx.quarantine` again when the cause remains. */
export type QuarantineRetry = (payload: unknown, ctx: FlowContext) => void;

/** Erases the item type so flows of different kinds sit in one list. */
export type AnyFeedFlow = FeedFlow<never> & {
  parse(raw: unknown, mappings: Mappings): ParseResult<unknown>;
  apply(item: unknown, ctx: FlowContext): void;
};

export function defineFeedFlow<T>(flow: FeedFlow<T>): AnyFeedFlow {
  return flow as unknown as AnyFeedFlow;
}
