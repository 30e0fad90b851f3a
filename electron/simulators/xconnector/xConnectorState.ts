// xConnector's data: partners, exceptions and transactions in three change feeds sharing one global
// sequence, plus the links Partner Desk writes back and the activity a running system would produce.
import type { IssueLink, PartnerException } from '../../../shared/domain/exception.ts';
import type { Partner } from '../../../shared/domain/partner.ts';
import type { TransactionWire } from '../../../shared/domain/transaction.ts';
import type { Rng } from '../rng.ts';
import type { Scenario } from '../scenario.ts';
import { SeqCounter, SeqFeed, type FeedSlice } from '../seqFeed.ts';
import { IN_FLIGHT_STATUSES, WorldFactory, type PartnerRole } from '../worldFactory.ts';

export type XConnectorFeed = 'partners' | 'exceptions' | 'transactions';

export interface ActivityOptions {
  /** New exceptions for known partners. */
  exceptions?: number;
  /** Newly failed transactions (an in-flight one failing, or a new one that fails). */
  failedTransactions?: number;
  /** New healthy transactions (they start in flight and may later advance or fail). */
  transactions?: number;
  /** In-flight transactions moving one healthy step forward. */
  statusChanges?: number;
  /** Existing exceptions whose severity or description changed. */
  exceptionUpdates?: number;
  /** New exceptions for partners that exist in no partner list. */
  unknownPartnerExceptions?: number;
  /** Brand-new partners (Trading Grid gets their community through `onPartnerAdded`). */
  newPartners?: number;
}

export interface ActivityResult {
  exceptions: string[];
  failedTransactions: string[];
  transactions: string[];
  statusChanges: string[];
  exceptionUpdates: string[];
  unknownPartnerExceptions: string[];
  partners: string[];
}

export interface LinkResult {
  exception: PartnerException;
  /** False when the exact same link was already stored (a no-op). */
  changed: boolean;
}

const SEVERITY_UP: Record<PartnerException['severity'], PartnerException['severity']> = {
  low: 'medium',
  medium: 'high',
  high: 'critical',
  critical: 'critical',
};

export class XConnectorState {
  readonly seq = new SeqCounter();
  readonly partners = new SeqFeed<Partner>(this.seq);
  readonly exceptions = new SeqFeed<PartnerException>(this.seq);
  readonly transactions = new SeqFeed<TransactionWire>(this.seq);
  /** Links that changed an exception (a repeated identical link is not counted here). */
  linksWritten = 0;
  /** Every accepted link call, including idempotent repeats. */
  linkCalls = 0;
  /** Links that replaced a different, existing link. */
  linkOverwrites = 0;
  rawInjected = 0;

  private readonly factory: WorldFactory;
  private readonly roles = new Map<string, PartnerRole>();
  private readonly partnerList: Partner[] = [];
  private readonly inFlight: string[] = [];
  private readonly inFlightIndex = new Map<string, number>();
  private readonly exceptionIds: string[] = [];
  private unknownCounter: number;
  private readonly clock: () => number;
  private readonly onPartnerAdded: ((p: Partner) => void) | undefined;

  constructor(
    scenario: Scenario,
    rng: Rng,
    options: { clock?: () => number; onPartnerAdded?: (p: Partner) => void } = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.onPartnerAdded = options.onPartnerAdded;
    this.factory = new WorldFactory(rng, scenario.counters, {
      names: scenario.partners.map((p) => p.name),
      codes: scenario.partners.map((p) => p.partnerCode),
    });
    this.unknownCounter = scenario.unknownPartnerIds.length;
    for (const p of scenario.partners) {
      this.partners.put(p.id, p);
      this.partnerList.push(p);
      this.roles.set(p.id, scenario.roles[p.id] ?? 'retailer');
    }
    // Feed order follows time: transactions and exceptions interleaved by their last change.
    const changes: { at: string; put: () => void }[] = [];
    for (const t of scenario.transactions)
      changes.push({ at: t.updatedAt, put: () => this.putTransaction(t) });
    for (const e of scenario.exceptions) changes.push({ at: e.updatedAt, put: () => this.putException(e) });
    changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const c of changes) c.put();
  }

  page(feed: XConnectorFeed, since: number, limit: number): FeedSlice {
    return this[feed].page(since, limit);
  }

  /** Stores the Trading Grid link on an exception; undefined when the exception does not exist. */
  link(id: string, link: IssueLink): LinkResult | undefined {
    const current = this.exceptions.get(id);
    if (!current) return undefined;
    this.linkCalls++;
    const same =
      current.link?.system === link.system &&
      current.link.issueId === link.issueId &&
      current.link.communityId === link.communityId;
    if (same) return { exception: current, changed: false };
    if (current.link) this.linkOverwrites++;
    const next: PartnerException = { ...current, link: { ...link }, updatedAt: this.timestamp() };
    this.putException(next);
    this.linksWritten++;
    return { exception: next, changed: true };
  }

  /** Puts an arbitrary (possibly malformed) item at the end of a feed. Returns its sequence. */
  injectRaw(feed: XConnectorFeed, item: unknown): number {
    this.rawInjected++;
    return this[feed].putRaw(`raw:${this.rawInjected}`, item);
  }

  /** Adds one exception; `partnerId` may name a partner nobody knows. */
  addException(partnerId?: string): PartnerException {
    const pid = partnerId ?? this.factory.rng.pick(this.partnerList).id;
    const e = this.factory.exception(pid, this.clock());
    this.putException(e);
    return e;
  }

  addUnknownPartnerException(): PartnerException {
    this.unknownCounter++;
    return this.addException(`PTR-U${String(this.unknownCounter).padStart(4, '0')}`);
  }

  addPartner(): Partner {
    const { partner, role } = this.factory.partner(this.clock());
    this.partners.put(partner.id, partner);
    this.partnerList.push(partner);
    this.roles.set(partner.id, role);
    this.onPartnerAdded?.(partner);
    return partner;
  }

  generateActivity(o: ActivityOptions): ActivityResult {
    const rng = this.factory.rng;
    const result: ActivityResult = {
      exceptions: [],
      failedTransactions: [],
      transactions: [],
      statusChanges: [],
      exceptionUpdates: [],
      unknownPartnerExceptions: [],
      partners: [],
    };
    for (let i = 0; i < (o.newPartners ?? 0); i++) result.partners.push(this.addPartner().id);
    for (let i = 0; i < (o.transactions ?? 0); i++) {
      const partner = rng.pick(this.partnerList);
      const tx = this.factory.transaction(partner, this.roleOf(partner), this.clock(), {
        status: rng.pick(IN_FLIGHT_STATUSES),
      });
      this.putTransaction(tx);
      result.transactions.push(tx.id);
    }
    for (let i = 0; i < (o.statusChanges ?? 0) && this.inFlight.length > 0; i++) {
      const tx = this.transactions.get(rng.pick(this.inFlight));
      if (!tx) continue;
      const partner = this.partnerOf(tx);
      this.putTransaction(this.factory.advance(tx, partner, this.clock()));
      result.statusChanges.push(tx.id);
    }
    for (let i = 0; i < (o.failedTransactions ?? 0); i++) {
      const existing =
        this.inFlight.length > 0 && rng.chance(0.5)
          ? this.transactions.get(rng.pick(this.inFlight))
          : undefined;
      let failed: TransactionWire;
      if (existing) {
        failed = this.factory.fail(existing, this.partnerOf(existing), this.clock());
      } else {
        const partner = rng.pick(this.partnerList);
        failed = this.factory.transaction(partner, this.roleOf(partner), this.clock(), { failed: true });
      }
      this.putTransaction(failed);
      result.failedTransactions.push(failed.id);
    }
    for (let i = 0; i < (o.exceptions ?? 0); i++) result.exceptions.push(this.addException().id);
    for (let i = 0; i < (o.unknownPartnerExceptions ?? 0); i++)
      result.unknownPartnerExceptions.push(this.addUnknownPartnerException().id);
    for (let i = 0; i < (o.exceptionUpdates ?? 0) && this.exceptionIds.length > 0; i++) {
      const e = this.exceptions.get(rng.pick(this.exceptionIds));
      if (!e) continue;
      const next: PartnerException = {
        ...e,
        severity: SEVERITY_UP[e.severity],
        description:
          `${e.description ?? ''} Update ${this.timestamp().slice(0, 16)}: still unresolved, escalated by xConnector monitoring.`
            .trim()
            .slice(0, 20_000),
        updatedAt: this.timestamp(),
      };
      this.putException(next);
      result.exceptionUpdates.push(e.id);
    }
    return result;
  }

  counts(): {
    partners: number;
    exceptions: number;
    transactions: number;
    inFlightTransactions: number;
    seq: number;
  } {
    return {
      partners: this.partners.size,
      exceptions: this.exceptions.size,
      transactions: this.transactions.size,
      inFlightTransactions: this.inFlight.length,
      seq: this.seq.current,
    };
  }

  private timestamp(): string {
    return new Date(this.clock()).toISOString();
  }

  private roleOf(p: Partner): PartnerRole {
    return this.roles.get(p.id) ?? 'retailer';
  }

  private partnerOf(tx: TransactionWire): Partner {
    return this.partners.get(tx.partnerId) ?? (this.partnerList[0] as Partner);
  }

  private putException(e: PartnerException): void {
    if (this.exceptions.seqOf(e.id) === undefined) this.exceptionIds.push(e.id);
    this.exceptions.put(e.id, e);
  }

  private putTransaction(tx: TransactionWire): void {
    this.transactions.put(tx.id, tx);
    const index = this.inFlightIndex.get(tx.id);
    const inFlight = IN_FLIGHT_STATUSES.includes(tx.status);
    if (inFlight && index === undefined) {
      this.inFlightIndex.set(tx.id, this.inFlight.length);
      this.inFlight.push(tx.id);
    } else if (!inFlight && index !== undefined) {
      // swap-remove keeps removal O(1)
      const last = this.inFlight.pop() as string;
      if (last !== tx.id) {
        this.inFlight[index] = last;
        this.inFlightIndex.set(last, index);
      }
      this.inFlightIndex.delete(tx.id);
    }
  }
}
