import { describe, expect, it } from 'vitest';
import { Mappings } from '../../shared/config/mappings.ts';
import {
  applyFieldRenames,
  itemIdOf,
  parseCommunity,
  parseException,
  parseItems,
  parsePartner,
  parseTransaction,
} from './itemParsing.ts';

const mappings = Mappings.parse({});
const at = '2025-03-01T12:00:00Z';

const partner = { id: 'P-1', name: 'Acme Retail', partnerCode: 'ACME', active: true, updatedAt: at };
const exception = {
  id: 'E-1',
  kind: 'invoice',
  partnerId: 'P-1',
  severity: 'high',
  summary: 'Invoice 42 price mismatch',
  detectedAt: at,
  updatedAt: at,
};
const transaction = {
  id: 'T-1',
  partnerId: 'P-1',
  standard: 'X12',
  documentType: '810',
  direction: 'outbound',
  controlNumber: '000000042',
  status: 'FAILED_VALIDATION',
  createdAt: at,
  updatedAt: at,
};
const community = { id: 'C-1', name: 'Acme community', partnerCode: 'ACME', createdAt: at };

describe('applyFieldRenames', () => {
  it('renames top-level fields and leaves the input untouched', () => {
    const raw = { partner_id: 'P-1', name: 'x' };
    expect(applyFieldRenames(raw, { partner_id: 'partnerId' })).toEqual({ partnerId: 'P-1', name: 'x' });
    expect(raw).toEqual({ partner_id: 'P-1', name: 'x' });
  });

  it('lets the renamed remote field win over an existing field of our name', () => {
    expect(applyFieldRenames({ code: 'NEW', partnerCode: 'OLD' }, { code: 'partnerCode' })).toEqual({
      partnerCode: 'NEW',
    });
  });

  it('returns non-objects and unaffected objects as they are', () => {
    expect(applyFieldRenames(null, { a: 'b' })).toBeNull();
    expect(applyFieldRenames([1], { a: 'b' })).toEqual([1]);
    const same = { x: 1 };
    expect(applyFieldRenames(same, { a: 'b' })).toBe(same);
  });

  it('cannot be used to pollute prototypes', () => {
    const raw = JSON.parse('{"evil": {"polluted": true}, "id": "1"}') as unknown;
    const out = applyFieldRenames(raw, { evil: '__proto__' }) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
  });

  it('applies the configured renames before parsing', () => {
    const m = Mappings.parse({
      xconnector: { fieldRenames: { partner: { code: 'partnerCode', title: 'name' } } },
    });
    const raw = { id: 'P-1', title: 'Acme', code: 'ACME', active: true, updatedAt: at };
    expect(parsePartner(raw, m)).toEqual({ ok: true, value: { ...partner, name: 'Acme' } });
    const c = Mappings.parse({ tradingGrid: { fieldRenames: { community: { communityName: 'name' } } } });
    const rawC = { id: 'C-1', communityName: 'Acme community', partnerCode: 'ACME', createdAt: at };
    expect(parseCommunity(rawC, c)).toEqual({ ok: true, value: community });
  });
});

describe('parsers: good items', () => {
  it('parses a partner, an exception (with defaults) and a community', () => {
    expect(parsePartner(partner, mappings)).toEqual({ ok: true, value: partner });
    expect(parseException(exception, mappings)).toEqual({
      ok: true,
      value: { ...exception, references: {} },
    });
    expect(parseCommunity(community, mappings)).toEqual({ ok: true, value: community });
  });

  it('maps the transaction status word and keeps the raw word', () => {
    const r = parseTransaction(transaction, mappings);
    expect(r).toEqual({
      ok: true,
      value: { ...transaction, status: 'failed', rawStatus: 'FAILED_VALIDATION', validationErrors: [] },
    });
  });

  it('uses a custom status mapping', () => {
    const m = Mappings.parse({ xconnector: { transactionStatus: { KAPUTT: 'rejected' } } });
    const r = parseTransaction({ ...transaction, status: 'KAPUTT' }, m);
    expect(r.ok && r.value.status).toBe('rejected');
  });
});

describe('parsers: bad items are quarantined with a readable reason', () => {
  it('an unmapped status names the transaction, the word and where to fix it', () => {
    const r = parseTransaction({ ...transaction, status: 'FOO' }, mappings);
    expect(r).toEqual({
      ok: false,
      reasonKind: 'unmapped_status',
      itemId: 'T-1',
      reason:
        'Transaction T-1 has status "FOO", which the status mapping does not know: add it under Settings → Mappings',
    });
  });

  it('a status word naming an Object.prototype member is still unmapped', () => {
    const r = parseTransaction({ ...transaction, status: 'constructor' }, mappings);
    expect(r.ok ? null : r.reasonKind).toBe('unmapped_status');
  });

  it('lists each problem with its field path', () => {
    const r = parsePartner({ id: 'P-9', name: '', partnerCode: 'bad code', active: 'yes' }, mappings);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.itemId).toBe('P-9');
    expect(r.reasonKind).toBe('malformed');
    expect(r.reason).toBe(
      'Partner P-9 is malformed and was set aside: name is empty; ' +
        'partnerCode is not in the expected format (upper-case letters, digits, - and _); ' +
        'active should be a boolean, not a string; updatedAt is missing.',
    );
  });

  it('names nested paths and enum choices', () => {
    const r = parseTransaction(
      {
        ...transaction,
        standard: 'X13',
        validationErrors: [{ code: 'E1' }, { code: '' }],
        createdAt: 'yesterday',
      },
      mappings,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain('standard must be one of "X12", "EDIFACT", "API"');
    expect(r.reason).toContain('validationErrors[1].code is empty');
    expect(r.reason).toContain('createdAt is not a date-time with a time zone (ISO 8601)');
  });

  it('rejects hostile sizes by the schema limits, without echoing the value', () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const r1 = parsePartner({ ...partner, name: huge }, mappings);
    expect(r1.ok).toBe(false);
    if (r1.ok) return;
    expect(r1.reason).toContain('name is too long (more than 500 characters)');
    expect(r1.reason.length).toBeLessThan(500);

    const r2 = parseException({ ...exception, id: huge }, mappings);
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.itemId).toBeUndefined(); // a 10 MB id is not a usable id
    expect(r2.reason).toContain('id is too long (more than 128 characters)');
    expect(r2.reason.length).toBeLessThan(500);

    const r3 = parseTransaction(
      { ...transaction, acknowledgment: { type: '997', raw: 'x'.repeat(5_000_001) } },
      mappings,
    );
    expect(r3.ok ? null : r3.reason).toContain('acknowledgment.raw is too long');

    const r4 = parseTransaction(
      { ...transaction, validationErrors: Array.from({ length: 1001 }, () => ({ code: 'E' })) },
      mappings,
    );
    expect(r4.ok ? null : r4.reason).toContain('validationErrors has too many entries (more than 1000)');
  });

  it('reports many problems briefly', () => {
    const r = parseException({ id: 'E-2' }, mappings);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(
      'Exception E-2 is malformed and was set aside: kind is missing; partnerId is missing; severity is missing; ' +
        'summary is missing; detectedAt is missing; and 1 more problem.',
    );
  });

  it('handles items that are not objects at all', () => {
    for (const raw of [null, 'text', 42, [partner]]) {
      const r = parsePartner(raw, mappings);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.reason).toMatch(
        /^A partner in the feed is (null|a string|a number|a list) instead of an object/,
      );
      expect(r.itemId).toBeUndefined();
    }
  });

  it('only takes a usable id', () => {
    expect(itemIdOf({ id: 'T-1' })).toBe('T-1');
    expect(itemIdOf({ id: 17 })).toBe('17');
    expect(itemIdOf({ id: 'line\nbreak' })).toBeUndefined();
    expect(itemIdOf({ id: '' })).toBeUndefined();
    expect(itemIdOf({ id: { nested: true } })).toBeUndefined();
    expect(itemIdOf({ id: 1.5 })).toBeUndefined();
  });
});

describe('parseItems', () => {
  it('keeps the good items of a page and lists the bad ones by index', () => {
    const page = [partner, { ...partner, id: 'P-2', partnerCode: 'no way' }, { ...partner, id: 'P-3' }];
    const out = parseItems(page, parsePartner, mappings);
    expect(out.items.map((p) => p.id)).toEqual(['P-1', 'P-3']);
    expect(out.rejected).toHaveLength(1);
    expect(out.rejected[0]).toMatchObject({ index: 1, itemId: 'P-2', reasonKind: 'malformed' });
  });
});
