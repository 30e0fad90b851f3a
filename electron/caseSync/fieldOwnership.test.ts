import { describe, expect, it } from 'vitest';
import { decideFieldChange, overtakenConflict, type FieldChange } from './fieldOwnership.ts';

const change = (side: FieldChange['side'], value: string, at = 1): FieldChange => ({
  side,
  value,
  said: value.toUpperCase(),
  at,
  by: side === 'xconnector' ? 'agent' : 'partner',
});

describe('the field ownership rule', () => {
  it("copies the owner's change when the other side changed nothing", () => {
    expect(decideFieldChange('xconnector', 'status', undefined, change('xconnector', 'in_progress'))).toEqual(
      {
        decision: { kind: 'copy' },
        pending: undefined,
      },
    );
  });

  it("holds the other side's change, unreconciled, without copying it", () => {
    const partner = change('trading-grid', 'resolved');
    expect(decideFieldChange('xconnector', 'status', undefined, partner)).toEqual({
      decision: { kind: 'hold' },
      pending: partner,
    });
  });

  it('keeps only the latest of several changes by the other side', () => {
    const later = change('trading-grid', 'open', 2);
    expect(
      decideFieldChange('xconnector', 'status', change('trading-grid', 'resolved', 1), later).pending,
    ).toBe(later);
  });

  it('calls it a conflict when both sides changed the field to different values, and the owner wins', () => {
    const partner = change('trading-grid', 'resolved', 1);
    const agent = change('xconnector', 'in_progress', 2);
    expect(decideFieldChange('xconnector', 'status', partner, agent)).toEqual({
      decision: {
        kind: 'conflict',
        conflict: { field: 'status', winner: 'xconnector', won: agent, lost: partner },
        copy: true,
      },
      pending: undefined,
    });
  });

  it('is no conflict when both sides arrived at the same value', () => {
    const d = decideFieldChange(
      'xconnector',
      'status',
      change('trading-grid', 'resolved'),
      change('xconnector', 'resolved'),
    );
    expect(d.decision.kind).toBe('copy');
  });

  it('lets Trading Grid win when it owns the field', () => {
    const agent = change('xconnector', 'in_progress', 1);
    const partner = change('trading-grid', 'open', 2);
    const d = decideFieldChange('trading-grid', 'resolution', agent, partner);
    expect(d.decision).toMatchObject({
      kind: 'conflict',
      conflict: { winner: 'trading-grid', field: 'resolution' },
    });
  });

  it("reports a change the owner's later write already replaced as a conflict the owner won", () => {
    const partner = change('trading-grid', 'resolved', 1);
    const ours = change('xconnector', 'in_progress', 2);
    expect(overtakenConflict('xconnector', 'status', partner, ours)).toEqual({
      field: 'status',
      winner: 'xconnector',
      won: ours,
      lost: partner,
    });
    expect(
      overtakenConflict('xconnector', 'status', change('trading-grid', 'in_progress'), ours),
    ).toBeUndefined();
  });
});
