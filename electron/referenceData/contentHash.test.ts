import { describe, expect, it } from 'vitest';
import { contentHash, hashOfDirectoryRecord } from './contentHash.ts';

const data = { description: 'LED desk lamp', unitOfMeasure: 'EA', packSize: 6 };
const base = { kind: 'item' as const, key: 'ITM-1', partnerCode: 'NORTHWIND', data };

describe('content hash of a reference record', () => {
  it('is the same for the same content in any field order, and differs when anything we write differs', () => {
    const h = contentHash(base);
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(
      contentHash({ ...base, data: { packSize: 6, unitOfMeasure: 'EA', description: 'LED desk lamp' } }),
    ).toBe(h);
    expect(contentHash({ ...base, data: { ...data, packSize: 7 } })).not.toBe(h);
    expect(contentHash({ ...base, partnerCode: 'SOUTHWIND' })).not.toBe(h);
    expect(contentHash({ ...base, key: 'ITM-2' })).not.toBe(h);
  });

  it('is recomputed from what Trading Grid holds, not taken from its contentHash field', () => {
    const held = {
      ...base,
      correlationRef: 'pd:ref:item:ITM-1',
      contentHash: contentHash(base),
      updatedAt: '2026-11-02T09:00:00Z',
    };
    expect(hashOfDirectoryRecord(held)).toBe(contentHash(base));
    // Fields Trading Grid adds of its own do not count; an edit of ours does, however stale the field.
    expect(hashOfDirectoryRecord({ ...held, data: { ...data, lastEditedBy: 'someone' } })).toBe(
      contentHash(base),
    );
    expect(hashOfDirectoryRecord({ ...held, data: { ...data, description: 'Lamp' } })).not.toBe(
      contentHash(base),
    );
    expect(hashOfDirectoryRecord({ ...held, data: { description: 'no unit' } })).toBeNull();
  });
});
