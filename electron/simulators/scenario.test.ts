import { describe, expect, it } from 'vitest';
import { PartnerException } from '../../shared/domain/exception.ts';
import { Community, Partner } from '../../shared/domain/partner.ts';
import { TransactionWire } from '../../shared/domain/transaction.ts';
import { Mappings } from '../../shared/config/mappings.ts';
import { buildScenario } from './scenario.ts';
import { FAILED_STATUSES } from './worldFactory.ts';

describe('buildScenario', () => {
  const options = {
    seed: 1234,
    partners: 25,
    transactions: 800,
    exceptions: 300,
    failedTransactionShare: 0.2,
    unknownPartnerExceptions: 7,
  };

  it('builds the identical world from the same seed', () => {
    expect(buildScenario(options)).toEqual(buildScenario(options));
  });

  it('builds a different world from another seed', () => {
    const a = buildScenario(options);
    const b = buildScenario({ ...options, seed: 4321 });
    expect(b.partners.map((p) => p.name)).not.toEqual(a.partners.map((p) => p.name));
    expect(b.exceptions.map((e) => e.summary)).not.toEqual(a.exceptions.map((e) => e.summary));
  });

  it('has the requested counts and every object fits the contract schemas', () => {
    const s = buildScenario(options);
    expect(s.partners).toHaveLength(25);
    expect(s.transactions).toHaveLength(800);
    expect(s.exceptions).toHaveLength(307);
    for (const p of s.partners) expect(Partner.safeParse(p).error).toBeUndefined();
    for (const c of s.communities) expect(Community.safeParse(c).error).toBeUndefined();
    for (const e of s.exceptions) expect(PartnerException.safeParse(e).error).toBeUndefined();
    for (const t of s.transactions) expect(TransactionWire.safeParse(t).error).toBeUndefined();
  });

  it('gives every partner exactly one community with the same partnerCode, and unique codes', () => {
    const s = buildScenario(options);
    const codes = s.partners.map((p) => p.partnerCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(s.communities.map((c) => c.partnerCode).sort()).toEqual([...codes].sort());
    expect(new Set(s.communities.map((c) => c.id)).size).toBe(s.communities.length);
    for (const c of s.communities) expect(c.id).toMatch(/^C-/);
  });

  it('makes exactly the requested share of failed transactions, each with its evidence', () => {
    const s = buildScenario(options);
    const failed = s.transactions.filter((t) => (FAILED_STATUSES as readonly string[]).includes(t.status));
    expect(failed).toHaveLength(160);
    for (const t of failed) {
      if (t.status === 'FAILED_VALIDATION') expect(t.validationErrors.length).toBeGreaterThan(0);
      if (t.status === 'TRANSMISSION_FAILED') expect(t.transmissionError?.code).toMatch(/^[A-Z0-9_]+$/);
      if (t.status === 'REJECTED')
        expect(t.acknowledgment !== null || t.validationErrors.length > 0).toBe(true);
      if (t.status === 'REJECTED_DOWNSTREAM') expect(t.validationErrors.length).toBeGreaterThan(0);
    }
    const kinds = new Set(failed.map((t) => t.status));
    expect(kinds).toEqual(new Set(FAILED_STATUSES));
  });

  it('uses only status words the default mapping knows', () => {
    const known = Object.keys(Mappings.parse({}).xconnector.transactionStatus);
    for (const t of buildScenario(options).transactions) expect(known).toContain(t.status);
  });

  it('puts unknown-partner exceptions on partner ids in no partner list', () => {
    const s = buildScenario(options);
    const partnerIds = new Set(s.partners.map((p) => p.id));
    const unknown = s.exceptions.filter((e) => !partnerIds.has(e.partnerId));
    expect(unknown).toHaveLength(7);
    expect(unknown.map((e) => e.partnerId).sort()).toEqual([...s.unknownPartnerIds].sort());
  });

  it('places everything in the history before now, and refuses nonsense options', () => {
    const now = Date.UTC(2026, 0, 1);
    const s = buildScenario({ ...options, now, historyDays: 7 });
    for (const e of s.exceptions) {
      expect(Date.parse(e.detectedAt)).toBeLessThanOrEqual(now);
      expect(Date.parse(e.detectedAt)).toBeGreaterThanOrEqual(now - 7 * 86_400_000);
    }
    expect(() => buildScenario({ partners: 0 })).toThrow(RangeError);
    expect(() => buildScenario({ failedTransactionShare: 2 })).toThrow(RangeError);
  });
});
