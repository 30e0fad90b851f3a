import { describe, expect, it } from 'vitest';
import { FaultInjector, UnknownEndpointError } from './faults.ts';
import { Rng } from './rng.ts';

const ids = ['tg.createIssue', 'tg.findIssues'];

describe('FaultInjector', () => {
  it('refuses unknown endpoint ids and invalid rules, and keeps the previous config', () => {
    const f = new FaultInjector(new Rng(1), ids);
    f.set({ '*': { errorRate: 0.1 } });
    expect(() => f.set({ 'tg.nope': { errorRate: 1 } })).toThrow(UnknownEndpointError);
    expect(() => f.set({ '*': { errorRate: 2 } })).toThrow();
    expect(() => f.set({ '*': { latencyMs: { min: 10, max: 5 } } })).toThrow();
    expect(() => f.set({ '*': { bogus: 1 } as never })).toThrow();
    expect(f.get()).toEqual({ '*': { errorRate: 0.1 } });
  });

  it('lets an endpoint rule override the * rule field by field', () => {
    const f = new FaultInjector(new Rng(1), ids);
    f.set({ '*': { errorRate: 1, errorStatuses: [502] }, 'tg.findIssues': { errorRate: 0 } });
    expect(f.before('tg.findIssues')).toEqual({ action: 'proceed' });
    const d = f.before('tg.createIssue');
    expect(d).toMatchObject({ action: 'respond', kind: 'error', status: 502 });
    f.update('tg.findIssues', { throttleRate: 1, retryAfterSeconds: 0 });
    expect(f.before('tg.findIssues')).toMatchObject({
      action: 'respond',
      kind: 'throttle',
      status: 429,
      headers: { 'retry-after': '0' },
    });
  });

  it('counts every injected fault by kind and endpoint', () => {
    const f = new FaultInjector(new Rng(1), ids);
    f.set({
      'tg.createIssue': { resetRate: 1 },
      'tg.findIssues': { lostResponseRate: 1, latencyMs: { min: 1, max: 2 } },
    });
    f.before('tg.createIssue');
    f.before('tg.createIssue');
    f.latency('tg.findIssues');
    f.loseResponse('tg.findIssues');
    expect(f.injected()).toMatchObject({
      reset: { 'tg.createIssue': 2 },
      latency: { 'tg.findIssues': 1 },
      lostResponse: { 'tg.findIssues': 1 },
    });
    expect(f.total()).toBe(4);
    expect(f.total('reset')).toBe(2);
    expect(f.total(undefined, 'tg.findIssues')).toBe(2);
    f.resetCounts();
    expect(f.total()).toBe(0);
  });

  it('injects at roughly the configured rate, reproducibly from the seed', () => {
    const run = (): boolean[] => {
      const f = new FaultInjector(new Rng(99), ids);
      f.set({ '*': { errorRate: 0.3 } });
      return Array.from({ length: 2000 }, () => f.before('tg.createIssue').action === 'respond');
    };
    const a = run();
    expect(run()).toEqual(a);
    const share = a.filter(Boolean).length / a.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });

  it('rate-limits with a token bucket: burst, then 429 with Retry-After until tokens refill', () => {
    let now = 0;
    const f = new FaultInjector(new Rng(1), ids, () => now);
    f.set({ 'tg.createIssue': { requestsPerSecond: 2, burst: 3 } });
    const outcomes = Array.from({ length: 5 }, () => f.before('tg.createIssue'));
    expect(outcomes.map((o) => o.action)).toEqual(['proceed', 'proceed', 'proceed', 'respond', 'respond']);
    expect(outcomes[3]).toMatchObject({ kind: 'rateLimit', status: 429, headers: { 'retry-after': '1' } });
    now += 500; // one token refilled at 2/s
    expect(f.before('tg.createIssue').action).toBe('proceed');
    expect(f.before('tg.createIssue').action).toBe('respond');
    // Other endpoints have no bucket of their own and none on *.
    expect(f.before('tg.findIssues').action).toBe('proceed');
    expect(f.total('rateLimit', 'tg.createIssue')).toBe(3);
  });

  it('shares one server-wide bucket when requestsPerSecond is set on *', () => {
    let now = 0;
    const f = new FaultInjector(new Rng(1), ids, () => now);
    f.set({ '*': { requestsPerSecond: 1, burst: 2 } });
    expect(f.before('tg.createIssue').action).toBe('proceed');
    expect(f.before('tg.findIssues').action).toBe('proceed');
    expect(f.before('tg.findIssues').action).toBe('respond');
    now += 1000;
    expect(f.before('tg.createIssue').action).toBe('proceed');
  });
});
