// Requests waiting for the policy's next decision, grouped by kind and partner. Only a few samples per
// group are kept and the rest counted, so a night of quiet hours over a failing feed costs a counter,
// not a copy of every request.
import type { NotificationRequest } from '../../engine/notifier.ts';

export type NotificationKind = NotificationRequest['kind'];

/** Samples kept per group: enough to name the first items in a grouped notification's body. */
export const SAMPLES_KEPT = 3;

export interface RequestGroup {
  kind: NotificationKind;
  partnerId: string | null;
  /** The partner as a person knows it; the id when no name is known. */
  partnerName: string | null;
  count: number;
  /** The first requests of the group, in arrival order. */
  samples: NotificationRequest[];
}

export interface Batch {
  groups: Map<string, RequestGroup>;
  total: number;
}

export function emptyBatch(): Batch {
  return { groups: new Map(), total: 0 };
}

export function addToBatch(batch: Batch, request: NotificationRequest, partnerName: string | null): void {
  const key = `${request.kind}\u0000${request.partnerId ?? ''}`;
  let group = batch.groups.get(key);
  if (!group) {
    group = { kind: request.kind, partnerId: request.partnerId, partnerName, count: 0, samples: [] };
    batch.groups.set(key, group);
  }
  group.count++;
  if (group.samples.length < SAMPLES_KEPT) group.samples.push(request);
  batch.total++;
}

/** Forgets the groups whose kind is no longer wanted (the person switched that kind off). */
export function keepKinds(batch: Batch, wanted: (kind: NotificationKind) => boolean): void {
  for (const [key, group] of batch.groups)
    if (!wanted(group.kind)) {
      batch.groups.delete(key);
      batch.total -= group.count;
    }
}
