// Click targets: what a notification opens, as a string that survives IPC and is checked before use.
import { describe, expect, it } from 'vitest';
import { listTarget, parseNotificationTarget } from './notificationTargets.ts';
import { createSeenIds } from './seenIds.ts';

describe('notification targets', () => {
  it('round-trips list views with their partner and SLA filters', () => {
    const target = listTarget({ view: 'cases', partnerId: 'P-ACME&Co', sla: 'breach' });
    expect(target).toBe('view:cases?partner=P-ACME%26Co&sla=breach');
    expect(parseNotificationTarget(target)).toEqual({
      kind: 'list',
      view: 'cases',
      partnerId: 'P-ACME&Co',
      sla: 'breach',
    });
    expect(parseNotificationTarget(listTarget({ view: 'inbox' }))).toEqual({
      kind: 'list',
      view: 'inbox',
      partnerId: null,
      sla: null,
    });
  });

  it('passes the engine’s own item targets through', () => {
    expect(parseNotificationTarget('transaction:T-1')).toEqual({ kind: 'item', ref: 'transaction:T-1' });
    expect(parseNotificationTarget('case:exc:E-17')).toEqual({ kind: 'item', ref: 'case:exc:E-17' });
  });

  it('refuses what it does not recognise, so a click never opens something unexpected', () => {
    for (const bad of ['view:settings', 'https://evil.example', 'javascript:alert(1)', '', 'transaction:T 1'])
      expect(parseNotificationTarget(bad)).toEqual({ kind: 'invalid' });
  });
});

describe('seen request ids', () => {
  it('recognises a repeat, and forgets the oldest ids beyond its capacity', () => {
    const seen = createSeenIds(3);
    expect(['a', 'b', 'a', 'c', 'd'].map((id) => seen.add(id))).toEqual([true, true, false, true, true]);
    expect(seen.add('a')).toBe(true); // forgotten after three newer ids
    expect(seen.add('d')).toBe(false);
  });
});
