import { describe, expect, it } from 'vitest';
import { createPendingRequests, RequestTimeoutError } from './pendingRequests.ts';

describe('pending requests', () => {
  it('gives each request its own id and settles it once', async () => {
    const p = createPendingRequests<string>(1000);
    const a = p.open('a timed out');
    const b = p.open('b timed out');
    expect(a.id).not.toBe(b.id);
    expect(p.resolve(b.id, 'B')).toBe(true);
    expect(p.resolve(b.id, 'again')).toBe(false);
    expect(p.reject(a.id, new Error('refused'))).toBe(true);
    await expect(b.answer).resolves.toBe('B');
    await expect(a.answer).rejects.toThrow('refused');
    expect(p.size()).toBe(0);
  });

  it('fails a request that is not answered in time with its own message', async () => {
    const p = createPendingRequests<string>(1000);
    const { answer, id } = p.open('no answer to cases:list', 10);
    await expect(answer).rejects.toBeInstanceOf(RequestTimeoutError);
    await expect(answer).rejects.toThrow('no answer to cases:list');
    expect(p.resolve(id, 'late')).toBe(false);
  });

  it('fails everything still waiting when the other side goes away', async () => {
    const p = createPendingRequests<number>(1000);
    const all = [p.open('x'), p.open('y')];
    p.rejectAll(new Error('gone'));
    for (const r of all) await expect(r.answer).rejects.toThrow('gone');
    expect(p.size()).toBe(0);
  });
});
