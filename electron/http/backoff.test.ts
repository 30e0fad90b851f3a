import { describe, expect, it } from 'vitest';
import { backoffCap, backoffDelay, parseRetryAfter, retryWait } from './backoff.ts';

const policy = { backoffBaseMs: 200, backoffMaxMs: 5_000 };

describe('backoff', () => {
  it('doubles the cap per attempt up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 60].map((a) => backoffCap(a, policy))).toEqual([
      200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
  });

  it('draws uniformly in [0, cap] (full jitter)', () => {
    expect(backoffDelay(2, policy, () => 0)).toBe(0);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(400);
    expect(backoffDelay(2, policy, () => 1)).toBe(800);
  });

  it('waits for Retry-After when the server asks for longer than the jitter', () => {
    expect(retryWait(0, policy, 3_000, () => 1)).toBe(3_000);
    expect(retryWait(4, policy, 100, () => 1)).toBe(3_200);
    expect(retryWait(1, policy, undefined, () => 0.25)).toBe(100);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads HTTP-dates relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('takes the first of repeated headers', () => {
    expect(parseRetryAfter(['5', '9'], now)).toBe(5_000);
  });

  it('ignores what it cannot read', () => {
    for (const bad of [undefined, null, '', '-5', '1.5', 'soon', '12abc', 'x'.repeat(500)]) {
      expect(parseRetryAfter(bad, now)).toBeUndefined();
    }
  });
});
