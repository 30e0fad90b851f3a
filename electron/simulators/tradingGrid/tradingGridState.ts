// Trading Grid's data: one community per partner (joined by partnerCode) in a change feed, the issues
// and alerts created in them (indexed by correlationRef), idempotency keys, and OAuth2 access tokens.
import type { Alert, Issue, NewAlert, NewIssue } from '../../../shared/domain/issue.ts';
import type { Community, Partner } from '../../../shared/domain/partner.ts';
import type { Rng } from '../rng.ts';
import type { Scenario } from '../scenario.ts';
import { SeqCounter, SeqFeed, type FeedSlice } from '../seqFeed.ts';

export type CreatedKind = 'issue' | 'alert';

export interface CreateOutcome<T> {
  object: T;
  /** True when an Idempotency-Key matched an earlier request and the first object was returned. */
  replayed: boolean;
}

interface KeyRecord {
  kind: CreatedKind;
  id: string;
  fingerprint: string;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Objects of one kind, indexed by id and by correlationRef, with duplicate refs tracked as they occur. */
class CorrelatedStore<T extends { id: string; correlationRef: string }> {
  readonly byId = new Map<string, T>();
  private readonly byRef = new Map<string, string[]>();
  readonly duplicateRefs = new Set<string>();

  add(object: T): void {
    this.byId.set(object.id, object);
    const ids = this.byRef.get(object.correlationRef);
    if (ids) {
      ids.push(object.id);
      this.duplicateRefs.add(object.correlationRef);
    } else {
      this.byRef.set(object.correlationRef, [object.id]);
    }
  }

  find(correlationRef: string): T[] {
    return (this.byRef.get(correlationRef) ?? []).map((id) => this.byId.get(id) as T);
  }

  get size(): number {
    return this.byId.size;
  }
}

export class TradingGridState {
  readonly seq = new SeqCounter();
  readonly communities = new SeqFeed<Community>(this.seq);
  readonly issues = new CorrelatedStore<Issue>();
  readonly alerts = new CorrelatedStore<Alert>();
  honourIdempotencyKeys = true;
  idempotentReplays = 0;
  /** Replays whose body differed from the first request with the same key (still replayed). */
  idempotencyKeyMismatches = 0;
  createsWithoutKey = 0;

  private readonly keys = new Map<string, KeyRecord>();
  private readonly communityByCode = new Map<string, string>();
  private readonly rng: Rng;
  private readonly clock: () => number;
  private issueCounter = 0;
  private alertCounter = 0;

  constructor(scenario: Scenario, rng: Rng, clock: () => number = Date.now) {
    this.rng = rng;
    this.clock = clock;
    const ordered = [...scenario.communities].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    );
    for (const c of ordered) this.putCommunity(c);
  }

  community(id: string): Community | undefined {
    return this.communities.get(id);
  }

  communityFor(partnerCode: string): Community | undefined {
    const id = this.communityByCode.get(partnerCode);
    return id === undefined ? undefined : this.communities.get(id);
  }

  /** Adds a community for a partner (no-op returning the existing one when the code already has one). */
  addCommunity(partner: Pick<Partner, 'name' | 'partnerCode'>): Community {
    const existing = this.communityFor(partner.partnerCode);
    if (existing) return existing;
    const c: Community = {
      id: `C-${this.rng.code(10)}`,
      name: partner.name,
      partnerCode: partner.partnerCode,
      createdAt: new Date(this.clock()).toISOString(),
    };
    this.putCommunity(c);
    return c;
  }

  page(since: number, limit: number): FeedSlice {
    return this.communities.page(since, limit);
  }

  createIssue(
    communityId: string,
    input: NewIssue,
    idempotencyKey: string | undefined,
  ): CreateOutcome<Issue> {
    const replay = this.replay('issue', idempotencyKey, input, (id) => this.issues.byId.get(id));
    if (replay) return { object: replay, replayed: true };
    this.issueCounter++;
    const now = new Date(this.clock()).toISOString();
    const issue: Issue = {
      ...input,
      id: `ISS-${pad(this.issueCounter, 7)}`,
      communityId,
      status: 'OPEN',
      createdAt: now,
      updatedAt: now,
    };
    this.issues.add(issue);
    this.remember('issue', idempotencyKey, input, issue.id);
    return { object: issue, replayed: false };
  }

  createAlert(
    communityId: string,
    input: NewAlert,
    idempotencyKey: string | undefined,
  ): CreateOutcome<Alert> {
    const replay = this.replay('alert', idempotencyKey, input, (id) => this.alerts.byId.get(id));
    if (replay) return { object: replay, replayed: true };
    this.alertCounter++;
    const alert: Alert = {
      ...input,
      id: `ALR-${pad(this.alertCounter, 7)}`,
      communityId,
      createdAt: new Date(this.clock()).toISOString(),
    };
    this.alerts.add(alert);
    this.remember('alert', idempotencyKey, input, alert.id);
    return { object: alert, replayed: false };
  }

  /** correlationRefs held by more than one issue, or by more than one alert, sorted. */
  duplicates(): string[] {
    return [...new Set([...this.issues.duplicateRefs, ...this.alerts.duplicateRefs])].sort();
  }

  private replay<T>(
    kind: CreatedKind,
    key: string | undefined,
    input: unknown,
    lookup: (id: string) => T | undefined,
  ): T | undefined {
    if (key === undefined) {
      this.createsWithoutKey++;
      return undefined;
    }
    if (!this.honourIdempotencyKeys) return undefined;
    const record = this.keys.get(`${kind}|${key}`);
    if (!record) return undefined;
    const object = lookup(record.id);
    if (!object) return undefined;
    this.idempotentReplays++;
    if (record.fingerprint !== JSON.stringify(input)) this.idempotencyKeyMismatches++;
    return object;
  }

  private remember(kind: CreatedKind, key: string | undefined, input: unknown, id: string): void {
    if (key === undefined || !this.honourIdempotencyKeys) return;
    this.keys.set(`${kind}|${key}`, { kind, id, fingerprint: JSON.stringify(input) });
  }

  private putCommunity(c: Community): void {
    this.communities.put(c.id, c);
    this.communityByCode.set(c.partnerCode, c.id);
  }
}

/** OAuth2 access tokens with an expiry; expired ones are swept lazily. */
export class TokenStore {
  private readonly tokens = new Map<string, number>();
  private readonly clock: () => number;
  /** Every token handed out (the latest 10,000), so a test can look for them where they must not be. */
  private readonly handedOut: string[] = [];
  issued = 0;

  constructor(clock: () => number = Date.now) {
    this.clock = clock;
  }

  add(token: string, ttlSeconds: number): void {
    if (this.tokens.size > 1000) this.sweep();
    this.tokens.set(token, this.clock() + ttlSeconds * 1000);
    this.issued++;
    this.handedOut.push(token);
    if (this.handedOut.length > 10_000) this.handedOut.shift();
  }

  /** The access tokens this simulator issued, oldest first (revoked and expired ones included). */
  issuedTokens(): readonly string[] {
    return [...this.handedOut];
  }

  check(token: string): 'valid' | 'expired' | 'unknown' {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return 'unknown';
    return this.clock() < expiresAt ? 'valid' : 'expired';
  }

  /** Forgets every token: every client must fetch a new one. */
  revokeAll(): number {
    const n = this.tokens.size;
    this.tokens.clear();
    return n;
  }

  get active(): number {
    const now = this.clock();
    let n = 0;
    for (const expiresAt of this.tokens.values()) if (now < expiresAt) n++;
    return n;
  }

  private sweep(): void {
    // Keep expired tokens for a minute so a client still gets "expired" rather than "unknown".
    const cutoff = this.clock() - 60_000;
    for (const [token, expiresAt] of this.tokens) if (expiresAt < cutoff) this.tokens.delete(token);
  }
}
