// Trading Grid's reference-data directory: records by kind and key, listed in the order they last
// changed (a page costs a binary search plus the page), idempotent PUT and DELETE (Idempotency-Key
// honoured or not, as the simulator is set), and drift a test can cause: records edited, deleted or
// added directly on the Trading Grid side. Counts every write, and keeps each record's history of
// the writes that changed it, so a test can prove no update was lost and no version applied twice.
import {
  canonicalJson,
  type DirectoryRecord,
  type DirectoryUpsert,
  type ReferenceKind,
} from '../../../shared/domain/reference.ts';
import type { Rng } from '../rng.ts';
import { DirectoryRecords, idOf, type DirectorySlice } from './directoryRecords.ts';

export type { DirectorySlice } from './directoryRecords.ts';

/** One write that changed a record, in the order applied. */
export type AppliedWrite =
  | { op: 'put'; contentHash: string | undefined; by: 'client' | 'drift' }
  | { op: 'delete'; by: 'client' | 'drift' };

interface KeyRecord {
  endpoint: 'put' | 'delete';
  record: DirectoryRecord | undefined;
}

export class DirectoryState {
  upsertCalls = 0;
  /** PUTs that changed the directory. */
  upserts = 0;
  /** PUTs whose body matched the record already stored: applied again, changing nothing. */
  unchangedUpserts = 0;
  deleteCalls = 0;
  /** DELETEs that removed a record. */
  deletes = 0;
  /** DELETEs of a record that was not there (answered 404). */
  absentDeletes = 0;
  idempotentReplays = 0;
  readonly driftInjected = { edited: 0, deleted: 0, added: 0 };
  /** Client writes that undid drift: a drifted record put back, or a stray one deleted. */
  driftRepaired = 0;

  private readonly records = new DirectoryRecords();
  private readonly keys = new Map<string, KeyRecord>();
  private readonly drifted = new Set<string>();
  private readonly history = new Map<string, AppliedWrite[]>();
  private readonly rng: Rng;
  private readonly clock: () => number;
  private readonly honourKeys: () => boolean;

  constructor(rng: Rng, clock: () => number, honourIdempotencyKeys: () => boolean) {
    this.rng = rng;
    this.clock = clock;
    this.honourKeys = honourIdempotencyKeys;
  }

  get size(): number {
    return this.records.size;
  }

  get(kind: ReferenceKind, key: string): DirectoryRecord | undefined {
    return this.records.get(idOf(kind, key));
  }

  all(): DirectoryRecord[] {
    return this.records.all();
  }

  /** Every record's applied writes, by `kind:key`, including records no longer there. */
  allWrites(): [string, AppliedWrite[]][] {
    return [...this.history].map(([id, writes]) => [id, [...writes]]);
  }

  /** Applied writes of one record, oldest first (a PUT that changed nothing is not one). */
  writesFor(kind: ReferenceKind, key: string): AppliedWrite[] {
    return [...(this.history.get(idOf(kind, key)) ?? [])];
  }

  put(
    kind: ReferenceKind,
    key: string,
    upsert: DirectoryUpsert,
    idempotencyKey: string | undefined,
  ): { record: DirectoryRecord; replayed: boolean } {
    this.upsertCalls++;
    const replay = this.replay(idempotencyKey, 'put');
    if (replay?.record) return { record: replay.record, replayed: true };
    const id = idOf(kind, key);
    const existing = this.records.get(id);
    if (existing && sameContent(existing, upsert)) {
      this.unchangedUpserts++;
      this.remember(idempotencyKey, 'put', existing);
      return { record: existing, replayed: false };
    }
    const record: DirectoryRecord = {
      kind,
      key,
      partnerCode: upsert.partnerCode,
      data: upsert.data as Record<string, unknown>,
      correlationRef: upsert.correlationRef,
      contentHash: upsert.contentHash,
      updatedAt: new Date(this.clock()).toISOString(),
    };
    this.records.store(record);
    this.upserts++;
    this.applied(id, { op: 'put', contentHash: upsert.contentHash, by: 'client' });
    if (this.drifted.delete(id)) this.driftRepaired++;
    this.remember(idempotencyKey, 'put', record);
    return { record, replayed: false };
  }

  /** 'absent' when there was no such record (the route answers 404). */
  remove(
    kind: ReferenceKind,
    key: string,
    idempotencyKey: string | undefined,
  ): 'deleted' | 'absent' | 'replayed' {
    this.deleteCalls++;
    if (this.replay(idempotencyKey, 'delete')) return 'replayed';
    const id = idOf(kind, key);
    if (!this.records.delete(id)) {
      this.absentDeletes++;
      // Deleted on the Trading Grid side before our delete arrived: the record is where we want it.
      this.drifted.delete(id);
      return 'absent';
    }
    this.deletes++;
    this.applied(id, { op: 'delete', by: 'client' });
    if (this.drifted.delete(id)) this.driftRepaired++;
    this.remember(idempotencyKey, 'delete', undefined);
    return 'deleted';
  }

  /** Records after `since` in change order, at most `limit`, optionally of one kind. */
  page(since: number, limit: number, kind?: ReferenceKind): DirectorySlice {
    return this.records.page(since, limit, kind);
  }

  /** Drift: a person edits a record in Trading Grid (its contentHash field stays as it was). */
  editRecord(kind: ReferenceKind, key: string): DirectoryRecord | undefined {
    const current = this.get(kind, key);
    if (!current) return undefined;
    const data = { ...current.data };
    const field = ['description', 'name', 'label', 'value'].find((f) => typeof data[f] === 'string');
    if (field) data[field] = `${String(data[field]).slice(0, 180)} (edited in Trading Grid)`;
    else data['note'] = 'edited in Trading Grid';
    const record = { ...current, data, updatedAt: new Date(this.clock()).toISOString() };
    this.records.store(record);
    this.driftInjected.edited++;
    this.drifted.add(idOf(kind, key));
    this.applied(idOf(kind, key), { op: 'put', contentHash: record.contentHash, by: 'drift' });
    return record;
  }

  /** Drift: a person deletes a record in Trading Grid. */
  deleteRecord(kind: ReferenceKind, key: string): boolean {
    const id = idOf(kind, key);
    if (!this.records.delete(id)) return false;
    this.driftInjected.deleted++;
    this.drifted.add(id);
    this.applied(id, { op: 'delete', by: 'drift' });
    return true;
  }

  /** Drift: a record appears in Trading Grid that did not come from xConnector. */
  addRecord(record: Omit<DirectoryRecord, 'updatedAt'>): DirectoryRecord {
    const full: DirectoryRecord = { ...record, updatedAt: new Date(this.clock()).toISOString() };
    this.records.store(full);
    const id = idOf(record.kind, record.key);
    this.driftInjected.added++;
    this.drifted.add(id);
    this.applied(id, { op: 'put', contentHash: record.contentHash, by: 'drift' });
    return full;
  }

  /** Drift on records picked at random; returns `kind:key` of each. */
  randomDrift(o: { edits?: number; deletes?: number }): { edited: string[]; deleted: string[] } {
    const pick = (): DirectoryRecord | undefined => {
      const all = this.all();
      return all.length === 0 ? undefined : this.rng.pick(all);
    };
    const edited: string[] = [];
    const deleted: string[] = [];
    for (let i = 0; i < (o.edits ?? 0); i++) {
      const r = pick();
      if (r && this.editRecord(r.kind, r.key)) edited.push(idOf(r.kind, r.key));
    }
    for (let i = 0; i < (o.deletes ?? 0); i++) {
      const r = pick();
      if (r && this.deleteRecord(r.kind, r.key)) deleted.push(idOf(r.kind, r.key));
    }
    return { edited, deleted };
  }

  /** Keys drifted and not yet repaired. */
  driftOutstanding(): string[] {
    return [...this.drifted].sort();
  }

  stats() {
    const byKind: Record<string, number> = {};
    for (const record of this.records.all()) byKind[record.kind] = (byKind[record.kind] ?? 0) + 1;
    return {
      records: this.records.size,
      byKind,
      upsertCalls: this.upsertCalls,
      upserts: this.upserts,
      unchangedUpserts: this.unchangedUpserts,
      deleteCalls: this.deleteCalls,
      deletes: this.deletes,
      absentDeletes: this.absentDeletes,
      idempotentReplays: this.idempotentReplays,
      driftInjected: { ...this.driftInjected },
      driftRepaired: this.driftRepaired,
      driftOutstanding: this.drifted.size,
    };
  }

  private applied(id: string, write: AppliedWrite): void {
    const list = this.history.get(id);
    if (list) list.push(write);
    else this.history.set(id, [write]);
  }

  private replay(idempotencyKey: string | undefined, endpoint: 'put' | 'delete'): KeyRecord | undefined {
    if (idempotencyKey === undefined || !this.honourKeys()) return undefined;
    const seen = this.keys.get(`${endpoint}|${idempotencyKey}`);
    if (seen) this.idempotentReplays++;
    return seen;
  }

  private remember(
    idempotencyKey: string | undefined,
    endpoint: 'put' | 'delete',
    record: DirectoryRecord | undefined,
  ): void {
    if (idempotencyKey !== undefined) this.keys.set(`${endpoint}|${idempotencyKey}`, { endpoint, record });
  }
}

function sameContent(existing: DirectoryRecord, upsert: DirectoryUpsert): boolean {
  return (
    canonicalJson({
      partnerCode: existing.partnerCode,
      data: existing.data,
      correlationRef: existing.correlationRef,
      contentHash: existing.contentHash,
    }) === canonicalJson(upsert)
  );
}
