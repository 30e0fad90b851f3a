import { describe, expect, it } from 'vitest';
import { copyDelivered, readDetail, type DetailState } from './detailOwnership.ts';
import type { FieldChange } from './fieldOwnership.ts';

const xc = (value: string, at = 1): FieldChange => ({
  side: 'xconnector',
  value,
  said: value,
  at,
  by: 'agent',
});
const tg = (value: string, at = 1): FieldChange => ({
  side: 'trading-grid',
  value,
  said: value,
  at,
  by: 'partner',
});
const synced = (value: string): DetailState => ({ seen: { xconnector: value, 'trading-grid': value } });

describe('title and priority ownership', () => {
  it('takes the first value seen on a side as the baseline, not as a change', () => {
    const r = readDetail('xconnector', 'title', { seen: {} }, xc('A'));
    expect(r.decision).toEqual({ kind: 'none' });
    expect(r.state.seen.xconnector).toBe('A');
  });

  it("copies the owner's change and holds the other side's", () => {
    expect(readDetail('xconnector', 'title', synced('A'), xc('B')).decision).toEqual({
      kind: 'copy',
      value: 'B',
    });
    const held = readDetail('xconnector', 'title', synced('A'), tg('C'));
    expect(held.decision).toEqual({ kind: 'hold' });
    expect(held.state.held).toEqual(tg('C'));
  });

  it('reads a stale side (our copy not landed yet) as no change', () => {
    const afterCopy = readDetail('xconnector', 'title', synced('A'), xc('B')).state;
    expect(readDetail('xconnector', 'title', afterCopy, tg('A')).decision).toEqual({ kind: 'none' });
  });

  it('records a conflict the owner wins when both changed since the last sync', () => {
    const held = readDetail('xconnector', 'priority', synced('low'), tg('high', 1)).state;
    const r = readDetail('xconnector', 'priority', held, xc('urgent', 2));
    expect(r.decision).toMatchObject({ kind: 'copy', value: 'urgent', conflict: { winner: 'xconnector' } });
    expect(r.state.held).toBeUndefined();
  });

  it('records a conflict when our copy overwrites a change held from that side', () => {
    const copied = readDetail('xconnector', 'title', synced('A'), xc('B')).state;
    const held = readDetail('xconnector', 'title', copied, tg('C')).state;
    const r = copyDelivered('xconnector', 'title', held, tg('B', 5));
    expect(r.conflict).toMatchObject({ field: 'title', won: { value: 'B' }, lost: { value: 'C' } });
    expect(r.state).toEqual({ seen: { xconnector: 'B', 'trading-grid': 'B' } });
  });

  it('never reads our own delivered copy back as a change', () => {
    const copied = readDetail('xconnector', 'title', synced('A'), xc('B')).state;
    const landed = copyDelivered('xconnector', 'title', copied, tg('B')).state;
    expect(readDetail('xconnector', 'title', landed, tg('B')).decision).toEqual({ kind: 'none' });
  });
});
