import { describe, expect, it } from 'vitest';
import { describeReconcile, newReconcileReport, tallyDrift } from './reconcileReport.ts';
import { parseEngineSettings } from '../engine/engine.ts';

describe('reconcile report', () => {
  it('counts every repair per kind and reason but lists keys only up to the limit', () => {
    const r = newReconcileReport(1, 0);
    for (let i = 0; i < 5; i++)
      tallyDrift(r.repaired, { kind: 'item', key: `I-${i}`, reason: 'editedInTradingGrid' }, 3);
    tallyDrift(r.repaired, { kind: 'contact', key: 'C-1', reason: 'deletedInTradingGrid' }, 3);
    expect(r.repaired).toMatchObject({
      total: 6,
      byKind: { item: 5, contact: 1, shipTo: 0, partnerId: 0 },
      byReason: { editedInTradingGrid: 5, deletedInTradingGrid: 1 },
      keysTruncated: true,
    });
    expect(r.repaired.keys).toHaveLength(3);
    expect(describeReconcile(r)).toMatch(/repaired 6 \(item 5, contact 1\)/);
  });

  it('validates the reference-data settings on load with a clear error', () => {
    const base = {
      xconnector: { baseUrl: 'http://x.test' },
      tradingGrid: { baseUrl: 'http://t.test', clientId: 'c' },
    };
    expect(parseEngineSettings(base).referenceData).toMatchObject({
      reconcileIntervalMs: 21_600_000,
      strayRecords: 'delete',
    });
    expect(() => parseEngineSettings({ ...base, referenceData: { reconcileIntervalMs: 10 } })).toThrow(
      /referenceData\.reconcileIntervalMs/,
    );
    expect(() =>
      parseEngineSettings({ ...base, referenceData: { strayRecords: 'ignore' as never } }),
    ).toThrow(/referenceData\.strayRecords/);
  });
});
