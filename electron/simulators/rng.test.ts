import { describe, expect, it } from 'vitest';
import { Rng, hash32 } from './rng.ts';

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps int, float and pick inside their bounds', () => {
    const r = new Rng(1);
    for (let i = 0; i < 5000; i++) {
      const n = r.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
      const f = r.float(0.5, 1.5);
      expect(f).toBeGreaterThanOrEqual(0.5);
      expect(f).toBeLessThan(1.5);
    }
    const seen = new Set(Array.from({ length: 500 }, () => r.pick(['a', 'b', 'c'])));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => r.pick([])).toThrow();
  });

  it('honours chance(0) and chance(1) exactly and weighted picks by weight', () => {
    const r = new Rng(3);
    for (let i = 0; i < 1000; i++) {
      expect(r.chance(0)).toBe(false);
      expect(r.chance(1)).toBe(true);
    }
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        r.weighted([
          ['heavy', 9],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8500);
    expect(heavy).toBeLessThan(9500);
  });

  it('makes ids of the requested shape', () => {
    const r = new Rng(5);
    expect(r.id('C-', 10)).toMatch(/^C-[A-Z0-9]{10}$/);
    expect(r.digits(9)).toMatch(/^\d{9}$/);
    expect(r.hex(12)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('forks independent streams that do not depend on what the parent drew', () => {
    const a = new Rng(11);
    const b = new Rng(11);
    b.next();
    b.next();
    expect(a.fork('faults').next()).toBe(b.fork('faults').next());
    expect(a.fork('faults').next()).not.toBe(a.fork('world').next());
    expect(hash32('abc')).toBe(hash32('abc'));
  });
});
