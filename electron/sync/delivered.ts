// What a delivered outbox write reports back. Its own module so the transfers that produce it (documents,
// partner files) need not import the operation definitions that in turn name those transfers.
export interface Delivered {
  remoteId: string | null;
  /** True when a previous attempt had applied the write and it was found by correlation reference. */
  recovered: boolean;
  value?: unknown;
}
