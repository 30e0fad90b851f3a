import { describe, expect, it } from 'vitest';
import { canonicalJson, DirectoryUpsert, ReferenceRecord, referenceCorrelationRef } from './reference.ts';
import { CorrelationRef } from './primitives.ts';

const item = {
  kind: 'item',
  key: 'ITM-NORTHWIND-00001',
  partnerId: 'PTR-0001',
  updatedAt: '2026-11-02T09:00:00Z',
  data: { description: 'LED desk lamp', gtin: '0012345678905', unitOfMeasure: 'EA', packSize: 6 },
};

describe('reference records', () => {
  it('accepts each kind with its own data, and a delete without data', () => {
    expect(ReferenceRecord.parse(item)).toMatchObject({ kind: 'item', deleted: false });
    const contact = {
      ...item,
      kind: 'contact',
      key: 'CT-1',
      data: { name: 'Ana Okafor', role: 'edi', email: 'ana.okafor@northwind.example.com' },
    };
    expect(ReferenceRecord.safeParse(contact).success).toBe(true);
    const deleted = { kind: 'shipTo', key: 'ST-1', partnerId: 'P', updatedAt: item.updatedAt, deleted: true };
    expect(ReferenceRecord.parse(deleted)).toMatchObject({ deleted: true });
  });

  it('refuses a live record without data, data of another kind, unsafe keys and oversized fields', () => {
    const { data: _data, ...noData } = item;
    expect(ReferenceRecord.safeParse(noData).error?.issues[0]?.message).toMatch(/data is required/);
    expect(ReferenceRecord.safeParse({ ...item, kind: 'contact' }).success).toBe(false);
    for (const key of ['../etc/passwd', 'a b', '', 'x'.repeat(121), 'ITM/1', '-lead'])
      expect(ReferenceRecord.safeParse({ ...item, key }).success, key).toBe(false);
    const long = { ...item, data: { ...item.data, description: 'x'.repeat(501) } };
    expect(ReferenceRecord.safeParse(long).success).toBe(false);
    expect(ReferenceRecord.safeParse({ ...item, data: { ...item.data, gtin: '123' } }).success).toBe(false);
  });

  it('makes a correlation reference Trading Grid can store for every valid key', () => {
    const ref = referenceCorrelationRef('partnerId', 'PID-NORTHWIND_STORES-X12-ISA');
    expect(CorrelationRef.safeParse(ref).success).toBe(true);
    expect(CorrelationRef.safeParse(referenceCorrelationRef('item', 'A'.repeat(120))).success).toBe(true);
    expect(
      DirectoryUpsert.safeParse({
        partnerCode: 'NORTHWIND',
        data: item.data,
        correlationRef: ref,
        contentHash: `sha256:${'0'.repeat(64)}`,
      }).success,
    ).toBe(true);
  });

  it('writes canonical JSON: same content, same text, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 'é"\n' })).toBe('{"a":"é\\"\\n"}');
    expect(canonicalJson([undefined, null])).toBe('[null,null]');
  });
});
