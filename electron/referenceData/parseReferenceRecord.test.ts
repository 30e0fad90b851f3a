import { describe, expect, it } from 'vitest';
import { parseReferenceRecord } from './parseReferenceRecord.ts';

const valid = {
  kind: 'shipTo',
  key: 'ST-NORTHWIND-001',
  partnerId: 'PTR-0001',
  updatedAt: '2026-11-02T09:00:00Z',
  data: {
    name: 'Northwind DC Reno',
    address: { lines: ['100 Commerce Dr'], city: 'Reno', region: 'NV', postalCode: '89501', country: 'US' },
  },
};

describe('parsing a reference-data feed item', () => {
  it('returns the typed record', () => {
    const r = parseReferenceRecord(valid);
    expect(r.ok && r.value.kind).toBe('shipTo');
  });

  it('names the record by kind, key and partner and says which field is wrong', () => {
    const r = parseReferenceRecord({
      ...valid,
      data: { ...valid.data, address: { ...valid.data.address, country: 'USA' } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.itemId).toBe('shipTo:ST-NORTHWIND-001');
    expect(r.reason).toMatch(
      /^Ship-to location ST-NORTHWIND-001 of partner PTR-0001 is malformed and was not sent to Trading Grid: .*data\.address\.country/,
    );
  });

  it('explains items that are not records at all, or of no known kind, without echoing hostile text', () => {
    for (const raw of [null, 'text', [1], 42]) {
      const r = parseReferenceRecord(raw);
      expect(!r.ok && r.reason).toMatch(/instead of an object/);
    }
    const r = parseReferenceRecord({ kind: 'meteor', key: 'M\u0000\u001b[31m'.padEnd(5000, 'x') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.itemId).toBeUndefined();
    expect(r.reason).toMatch(/^A reference-data record M/);
    expect(r.reason.length).toBeLessThan(1000);
    expect(
      [...r.reason].some((c) => c.charCodeAt(0) < 0x20),
      'no control characters',
    ).toBe(false);
  });
});
