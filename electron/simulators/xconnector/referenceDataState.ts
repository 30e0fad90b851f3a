// xConnector's reference data: a few hundred records across the scenario's partners in a change feed
// of their own (a delete stays in the feed as a record with deleted: true), and the activity that
// edits, adds, deletes and merely re-sends records, as a running system does.
import type { Partner } from '../../../shared/domain/partner.ts';
import type { ReferenceKind, ReferenceRecord } from '../../../shared/domain/reference.ts';
import type { Rng } from '../rng.ts';
import type { Scenario } from '../scenario.ts';
import { SeqCounter, SeqFeed, type FeedSlice } from '../seqFeed.ts';
import { ReferenceDataFactory } from './referenceDataFactory.ts';

export interface ReferenceActivityOptions {
  /** Live records edited (a field changes). */
  changes?: number;
  /** Live records deleted. */
  deletes?: number;
  /** New records for known partners. */
  adds?: number;
  /** Live records sent again without any change (they move to the end of the feed). */
  resends?: number;
  /** New records for a partner no partner list has. */
  unknownPartner?: number;
}

export interface ReferenceActivityResult {
  changed: string[];
  deleted: string[];
  added: string[];
  resent: string[];
  unknownPartner: string[];
}

const feedKey = (kind: string, key: string) => `${kind}:${key}`;

export class ReferenceDataState {
  readonly seq = new SeqCounter();
  readonly feed = new SeqFeed<ReferenceRecord>(this.seq);
  rawInjected = 0;
  readonly activity = { changes: 0, deletes: 0, adds: 0, resends: 0, unknownPartner: 0 };

  private readonly factory: ReferenceDataFactory;
  private readonly partners: Partner[];
  private readonly clock: () => number;
  /** Feed keys of live records, for picking one at random in O(1); swap-removed on delete. */
  private readonly live: string[] = [];
  private readonly liveIndex = new Map<string, number>();
  private unknownCounter = 0;

  constructor(scenario: Scenario, rng: Rng, clock: () => number = Date.now) {
    this.factory = new ReferenceDataFactory(rng);
    this.partners = scenario.partners;
    this.clock = clock;
    const o = scenario.options;
    const from = o.now - o.historyDays * 86_400_000;
    const seeded = scenario.partners.flatMap((p) =>
      this.factory.recordsFor(p, scenario.roles[p.id] ?? 'retailer', from, o.now - 60_000),
    );
    seeded.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
    for (const r of seeded) this.put(r);
  }

  page(since: number, limit: number): FeedSlice {
    return this.feed.page(since, limit);
  }

  get(kind: ReferenceKind, key: string): ReferenceRecord | undefined {
    return this.feed.get(feedKey(kind, key));
  }

  /** Every record not deleted, in no particular order. */
  liveRecords(): ReferenceRecord[] {
    return this.live.map((k) => this.feed.get(k) as ReferenceRecord);
  }

  /** Edits a live record (one field changes); undefined when there is no such live record. */
  change(kind: ReferenceKind, key: string): ReferenceRecord | undefined {
    const r = this.get(kind, key);
    if (!r || r.deleted || !r.data) return undefined;
    const next = this.factory.edit(r as Parameters<ReferenceDataFactory['edit']>[0], this.stamp(r));
    this.put(next);
    this.activity.changes++;
    return next;
  }

  /** Deletes a live record: it comes through the feed once more, as deleted. */
  delete(kind: ReferenceKind, key: string): ReferenceRecord | undefined {
    const r = this.get(kind, key);
    if (!r || r.deleted) return undefined;
    const next = { ...r, deleted: true, updatedAt: this.stamp(r) } as ReferenceRecord;
    this.put(next);
    this.activity.deletes++;
    return next;
  }

  /** Creates a deleted record again under the same key, with the data it had. */
  restore(kind: ReferenceKind, key: string): ReferenceRecord | undefined {
    const r = this.get(kind, key);
    if (!r || !r.deleted || !r.data) return undefined;
    const next = { ...r, deleted: false, updatedAt: this.stamp(r) } as ReferenceRecord;
    this.put(next);
    this.activity.adds++;
    return next;
  }

  /** Sends a record again, unchanged. */
  resend(kind: ReferenceKind, key: string): ReferenceRecord | undefined {
    const r = this.get(kind, key);
    if (!r) return undefined;
    this.put(r);
    this.activity.resends++;
    return r;
  }

  /** Adds a record for the partner (any known one by default, or one nobody knows). */
  add(partner?: Partner): ReferenceRecord {
    const p = partner ?? this.factory.rng.pick(this.partners);
    const r = this.factory.newRecord(p, new Date(this.clock()).toISOString());
    this.put(r);
    this.activity.adds++;
    return r;
  }

  /** A record whose partnerId is in no partner list (PTR-R0001, …). */
  addForUnknownPartner(): ReferenceRecord {
    this.unknownCounter++;
    const code = `UNKNOWN_${String(this.unknownCounter).padStart(4, '0')}`;
    const partner: Partner = {
      id: `PTR-R${String(this.unknownCounter).padStart(4, '0')}`,
      name: `Unlisted Partner ${this.unknownCounter}`,
      partnerCode: code,
      active: true,
      updatedAt: new Date(this.clock()).toISOString(),
    };
    const r = this.factory.newRecord(partner, partner.updatedAt);
    this.put(r);
    this.activity.unknownPartner++;
    return r;
  }

  generateActivity(o: ReferenceActivityOptions): ReferenceActivityResult {
    const rng = this.factory.rng;
    const result: ReferenceActivityResult = {
      changed: [],
      deleted: [],
      added: [],
      resent: [],
      unknownPartner: [],
    };
    const pickLive = (): ReferenceRecord | undefined =>
      this.live.length === 0 ? undefined : this.feed.get(rng.pick(this.live));
    for (let i = 0; i < (o.changes ?? 0); i++) {
      const r = pickLive();
      if (r && this.change(r.kind, r.key)) result.changed.push(feedKey(r.kind, r.key));
    }
    for (let i = 0; i < (o.deletes ?? 0); i++) {
      const r = pickLive();
      if (r && this.delete(r.kind, r.key)) result.deleted.push(feedKey(r.kind, r.key));
    }
    for (let i = 0; i < (o.resends ?? 0); i++) {
      const r = pickLive();
      if (r && this.resend(r.kind, r.key)) result.resent.push(feedKey(r.kind, r.key));
    }
    for (let i = 0; i < (o.adds ?? 0); i++) {
      const r = this.add();
      result.added.push(feedKey(r.kind, r.key));
    }
    for (let i = 0; i < (o.unknownPartner ?? 0); i++) {
      const r = this.addForUnknownPartner();
      result.unknownPartner.push(feedKey(r.kind, r.key));
    }
    return result;
  }

  /** What one tick of the simulator's periodic activity does to reference data: now and then a little. */
  randomActivity(): ReferenceActivityResult {
    const rng = this.factory.rng;
    return this.generateActivity({
      changes: rng.chance(0.3) ? 1 : 0,
      adds: rng.chance(0.1) ? 1 : 0,
      deletes: rng.chance(0.05) ? 1 : 0,
      resends: rng.chance(0.2) ? 1 : 0,
    });
  }

  /** Puts an arbitrary (possibly malformed) item at the end of the feed. Returns its sequence. */
  injectRaw(item: unknown): number {
    this.rawInjected++;
    return this.feed.putRaw(`raw:${this.rawInjected}`, item);
  }

  stats(): {
    live: number;
    deleted: number;
    seq: number;
    rawInjected: number;
    activity: ReferenceDataState['activity'];
  } {
    return {
      live: this.live.length,
      deleted: this.feed.size - this.live.length,
      seq: this.seq.current,
      rawInjected: this.rawInjected,
      activity: { ...this.activity },
    };
  }

  /** A timestamp after the record's own, so every version is newer than the one before. */
  private stamp(previous: ReferenceRecord): string {
    return new Date(Math.max(this.clock(), Date.parse(previous.updatedAt) + 1000)).toISOString();
  }

  private put(r: ReferenceRecord): void {
    const k = feedKey(r.kind, r.key);
    this.feed.put(k, r);
    const index = this.liveIndex.get(k);
    if (!r.deleted && index === undefined) {
      this.liveIndex.set(k, this.live.length);
      this.live.push(k);
    } else if (r.deleted && index !== undefined) {
      const last = this.live.pop() as string;
      if (last !== k) {
        this.live[index] = last;
        this.liveIndex.set(last, index);
      }
      this.liveIndex.delete(k);
    }
  }
}
