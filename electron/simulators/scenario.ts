// The shared world both simulators start from: partners (xConnector) and their communities (Trading
// Grid, joined by partnerCode), exceptions and transactions. Same options → identical world.
import type { Community, Partner } from '../../shared/domain/partner.ts';
import type { PartnerException } from '../../shared/domain/exception.ts';
import type { TransactionWire } from '../../shared/domain/transaction.ts';
import { Rng } from './rng.ts';
import { WorldFactory, type FactoryCounters, type PartnerRole } from './worldFactory.ts';

export interface ScenarioOptions {
  seed?: number;
  partners?: number;
  transactions?: number;
  exceptions?: number;
  /** Share of transactions (0..1) that failed validation, transmission or were rejected. */
  failedTransactionShare?: number;
  /** Exceptions whose partnerId exists in no partner list (neither system knows the partner). */
  unknownPartnerExceptions?: number;
  /** The world's "now" (ms since epoch): everything happened in the `historyDays` before it. */
  now?: number;
  historyDays?: number;
}

export type ResolvedScenarioOptions = Required<ScenarioOptions>;

export interface Scenario {
  options: ResolvedScenarioOptions;
  partners: Partner[];
  /** One Trading Grid community per partner, same partnerCode. */
  communities: Community[];
  exceptions: PartnerException[];
  transactions: TransactionWire[];
  /** Partner ids used by unknown-partner exceptions (in no partner list). */
  unknownPartnerIds: string[];
  roles: Record<string, PartnerRole>;
  /** Where the factory's id counters stopped, so activity continues the numbering. */
  counters: FactoryCounters;
}

/** A fixed default "now" so a scenario without one is reproducible: Monday 2 June 2025, 09:00 UTC. */
export const DEFAULT_SCENARIO_NOW = Date.UTC(2025, 5, 2, 9, 0, 0);

export const DEFAULT_SCENARIO_OPTIONS: ResolvedScenarioOptions = {
  seed: 42,
  partners: 20,
  transactions: 1000,
  exceptions: 200,
  failedTransactionShare: 0.15,
  unknownPartnerExceptions: 0,
  now: DEFAULT_SCENARIO_NOW,
  historyDays: 14,
};

export function resolveScenarioOptions(options: ScenarioOptions = {}): ResolvedScenarioOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o = { ...DEFAULT_SCENARIO_OPTIONS, ...defined } as ResolvedScenarioOptions;
  const count = (name: keyof ResolvedScenarioOptions, min: number): void => {
    const v = o[name];
    if (!Number.isInteger(v) || v < min)
      throw new RangeError(`scenario option ${name} must be an integer >= ${min}`);
  };
  count('partners', 1);
  count('transactions', 0);
  count('exceptions', 0);
  count('unknownPartnerExceptions', 0);
  if (!(o.failedTransactionShare >= 0 && o.failedTransactionShare <= 1)) {
    throw new RangeError('scenario option failedTransactionShare must be between 0 and 1');
  }
  if (!Number.isFinite(o.now) || !Number.isFinite(o.historyDays) || o.historyDays <= 0) {
    throw new RangeError('scenario options now and historyDays must be finite');
  }
  return o;
}

export function buildScenario(options: ScenarioOptions = {}): Scenario {
  const o = resolveScenarioOptions(options);
  const root = new Rng(o.seed);
  const start = o.now - o.historyDays * 86_400_000;
  const factory = new WorldFactory(root.fork('world'));
  const times = root.fork('times');
  /** A moment in the history, biased towards recent: most desk work is about the last few days. */
  const when = (): number => Math.floor(o.now - Math.pow(times.next(), 2) * (o.now - start));

  const partners: Partner[] = [];
  const communities: Community[] = [];
  const roles: Record<string, PartnerRole> = {};
  for (let i = 0; i < o.partners; i++) {
    const createdAt = start - times.int(30, 900) * 86_400_000;
    const { partner, role } = factory.partner(createdAt);
    partners.push(partner);
    roles[partner.id] = role;
    communities.push(factory.community(partner, createdAt + times.int(1, 20) * 86_400_000));
  }

  const transactions: TransactionWire[] = [];
  const failedCount = Math.round(o.transactions * o.failedTransactionShare);
  const failedAt = new Set<number>();
  const pickFailed = root.fork('failed');
  // Choose exactly `failedCount` positions, spread through the list.
  while (failedAt.size < failedCount) failedAt.add(pickFailed.int(0, o.transactions - 1));
  // A transaction's last change comes up to 30 minutes after it was created: keep that before now.
  const stamps = Array.from({ length: o.transactions }, () => when() - 31 * 60_000).sort((a, b) => a - b);
  const byPartner = new Map<string, string[]>();
  for (let i = 0; i < o.transactions; i++) {
    const partner = factory.rng.pick(partners);
    const tx = factory.transaction(partner, roles[partner.id] ?? 'retailer', stamps[i] ?? o.now, {
      failed: failedAt.has(i),
    });
    transactions.push(tx);
    const list = byPartner.get(partner.id) ?? [];
    list.push(tx.id);
    byPartner.set(partner.id, list);
  }

  const exceptions: PartnerException[] = [];
  const unknownPartnerIds: string[] = [];
  const exceptionStamps = Array.from({ length: o.exceptions + o.unknownPartnerExceptions }, when).sort(
    (a, b) => a - b,
  );
  const unknownAt = new Set<number>();
  const pickUnknown = root.fork('unknown');
  while (unknownAt.size < o.unknownPartnerExceptions)
    unknownAt.add(pickUnknown.int(0, exceptionStamps.length - 1));
  for (let i = 0; i < exceptionStamps.length; i++) {
    const at = exceptionStamps[i] ?? o.now;
    if (unknownAt.has(i)) {
      const id = `PTR-U${String(unknownPartnerIds.length + 1).padStart(4, '0')}`;
      unknownPartnerIds.push(id);
      exceptions.push(factory.exception(id, at));
      continue;
    }
    const partner = factory.rng.pick(partners);
    const txs = byPartner.get(partner.id);
    const txId = txs && factory.rng.chance(0.3) ? factory.rng.pick(txs) : undefined;
    exceptions.push(factory.exception(partner.id, at, txId));
  }

  return {
    options: o,
    partners,
    communities,
    exceptions,
    transactions,
    unknownPartnerIds,
    roles,
    counters: { ...factory.counters },
  };
}
