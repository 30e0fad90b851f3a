// The notification policy as a specification: what a desk person sees for each stream of requests.
// Time is a manual scheduler, so a night of quiet hours runs in microseconds and exactly.
import { describe, expect, it } from 'vitest';
import { NotificationSettings } from '../../../shared/config/appSettings.ts';
import type { NotificationRequest } from '../../engine/notifier.ts';
import { createManualScheduler } from './manualScheduler.ts';
import { createNotificationPolicy } from './notificationPolicy.ts';
import type { ShownNotification } from './notificationPolicy.ts';
import { parseNotificationTarget } from './notificationTargets.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const at = (iso: string) => Date.parse(iso);

interface Partner {
  id: string;
  name: string;
}
const ACME: Partner = { id: 'P-ACME', name: 'ACME Retail' };
const GLOBEX: Partner = { id: 'P-GLOBEX', name: 'Globex' };
const INITECH: Partner = { id: 'P-INITECH', name: 'Initech' };
const PARTNERS: Partner[] = [
  ACME,
  GLOBEX,
  INITECH,
  { id: 'P-UMBRELLA', name: 'Umbrella' },
  { id: 'P-HOOLI', name: 'Hooli' },
  { id: 'P-STARK', name: 'Stark Supply' },
  { id: 'P-WAYNE', name: 'Wayne Freight' },
];

let serial = 0;
function failure(partner: Partner = ACME, n = ++serial): NotificationRequest {
  return {
    id: `notify:txn:T-${n}:failed`,
    kind: 'transaction_failed',
    partnerId: partner.id,
    partnerName: partner.name,
    title: `${partner.name}: Invoice ${1000 + n} failed`,
    body: 'Missing required field: ship-to name (N1)',
    target: `transaction:T-${n}`,
  };
}
function sla(kind: 'sla_warning' | 'sla_breach', partner: Partner = ACME, n = ++serial): NotificationRequest {
  return {
    id: `notify:sla:${kind}:C-${n}`,
    kind,
    partnerId: partner.id,
    partnerName: partner.name,
    title: `${partner.name}: case C-${n} ${kind === 'sla_breach' ? 'breached its SLA' : 'is close to its SLA'}`,
    body: 'Priority high, shipment exception',
    target: `case:exc:C-${n}`,
  };
}

function setup(
  start: string,
  settings: Record<string, unknown> = {},
  options: { settleMs?: number; maxDelayMs?: number } = {},
) {
  const scheduler = createManualScheduler(at(start));
  const shown: ShownNotification[] = [];
  const policy = createNotificationPolicy({
    settings: NotificationSettings.parse({
      quietHours: { timeZone: 'UTC' },
      throttle: { windowSeconds: 60, maxPerWindow: 3 },
      ...settings,
    }),
    scheduler,
    show: (n) => shown.push(n),
    ...options,
  });
  const send = (...requests: NotificationRequest[]) => {
    for (const r of requests) void policy.notify(r);
  };
  return { policy, scheduler, shown, send };
}

const DAY = '2025-01-15T14:00:00Z';
const nightUtc = { quietHours: { enabled: true, start: '22:00', end: '07:00', timeZone: 'UTC' } };

describe('notification policy: one item', () => {
  it('shows a single failure as the engine wrote it, once the stream has settled for 2 s', () => {
    const { shown, send, scheduler } = setup(DAY);
    const request = failure();
    send(request);
    scheduler.advance(1999);
    expect(shown).toEqual([]);
    scheduler.advance(1);
    expect(shown).toEqual([
      { id: request.id, title: request.title, body: request.body, target: request.target, silent: false },
    ]);
  });

  it('is the engine’s Notifier: accepting a request resolves at once', async () => {
    const { policy } = setup(DAY);
    await expect(policy.notify(failure())).resolves.toBeUndefined();
  });
});

describe('notification policy: grouping per partner', () => {
  it('turns several failures of one partner into one notification that opens that partner’s failures', () => {
    const { shown, send, scheduler } = setup(DAY);
    const requests = [1, 2, 3, 4, 5].map((n) => failure(ACME, n));
    send(...requests);
    scheduler.advance(10 * SECOND);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      title: 'ACME Retail: 5 transactions failed',
      body: 'Invoice 1001 failed; Invoice 1002 failed; Invoice 1003 failed and 2 more',
      target: 'view:failed-transactions?partner=P-ACME',
      silent: false,
    });
    expect(parseNotificationTarget(shown[0]?.target ?? '')).toEqual({
      kind: 'list',
      view: 'failed-transactions',
      partnerId: 'P-ACME',
      sla: null,
    });
  });

  it('shows one notification per partner while the throttle window has room', () => {
    const { shown, send, scheduler } = setup(DAY);
    send(failure(ACME), failure(GLOBEX), failure(ACME));
    scheduler.advance(10 * SECOND);
    expect(shown.map((n) => n.title)).toEqual([
      'ACME Retail: 2 transactions failed',
      expect.stringMatching(/^Globex: /),
    ]);
  });

  it('keeps a partner’s failures, SLA warnings and SLA breaches apart, each opening its own list', () => {
    const { shown, send, scheduler } = setup(DAY);
    send(sla('sla_breach', GLOBEX), sla('sla_breach', GLOBEX), sla('sla_warning', GLOBEX), failure(GLOBEX));
    scheduler.advance(10 * SECOND);
    expect(shown.map(({ title, target, silent }) => ({ title, target, silent }))).toEqual([
      {
        title: 'Globex: 2 cases breached their SLA',
        target: 'view:cases?partner=P-GLOBEX&sla=breach',
        silent: false,
      },
      {
        title: expect.stringMatching(/^Globex: case C-\d+ is close to its SLA$/),
        target: expect.stringMatching(/^case:exc:/),
        silent: true,
      },
      {
        title: expect.stringMatching(/^Globex: Invoice \d+ failed$/),
        target: expect.stringMatching(/^transaction:/),
        silent: false,
      },
    ]);
  });

  it('uses an injected partner name when the shell knows it better than the title does', () => {
    const scheduler = createManualScheduler(at(DAY));
    const shown: ShownNotification[] = [];
    const policy = createNotificationPolicy({
      settings: NotificationSettings.parse({ quietHours: { timeZone: 'UTC' } }),
      scheduler,
      show: (n) => shown.push(n),
      partnerName: (r) => (r.partnerId === 'P-ACME' ? 'ACME Retail (EU)' : null),
    });
    void policy.notify(failure(ACME));
    void policy.notify(failure(ACME));
    scheduler.advance(10 * SECOND);
    expect(shown[0]?.title).toBe('ACME Retail (EU): 2 transactions failed');
  });
});

describe('notification policy: bursts and throttling', () => {
  function burst(count: number): NotificationRequest[] {
    // Uneven on purpose: partner i gets a share proportional to 7 - i.
    const weights = PARTNERS.map((_, i) => PARTNERS.length - i);
    const total = weights.reduce((a, b) => a + b, 0);
    const requests: NotificationRequest[] = [];
    for (let i = 0; i < count; i++) {
      let pick = (i * 7919) % total;
      let p = 0;
      while (pick >= (weights[p] ?? 0)) pick -= weights[p++] ?? 0;
      requests.push(failure(PARTNERS[p]));
    }
    return requests;
  }

  it('turns a burst of 200 failures across 7 partners into ONE summary', () => {
    const { shown, send, scheduler } = setup(DAY);
    send(...burst(200));
    scheduler.advance(5 * MINUTE);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      title: '200 transactions failed across 7 partners',
      body: expect.stringMatching(
        /^Most from ACME Retail \(\d+\), Globex \(\d+\) and Initech \(\d+\), and 4 other partners\.$/,
      ),
      target: 'view:failed-transactions',
    });
  });

  it('still shows ONE summary when the burst trickles in over 8 seconds', () => {
    const { shown, send, scheduler } = setup(DAY);
    for (const request of burst(200)) {
      send(request);
      scheduler.advance(40);
    }
    scheduler.advance(5 * MINUTE);
    expect(shown.map((n) => n.title)).toEqual(['200 transactions failed across 7 partners']);
  });

  it('does not wait for a stream that never settles for more than the maximum delay (10 s)', () => {
    const { shown, send, scheduler } = setup(DAY);
    const start = scheduler.now();
    let firstShownAfter: number | null = null;
    for (let i = 0; i < 300 && firstShownAfter === null; i++) {
      send(failure(ACME));
      scheduler.advance(100);
      if (shown.length > 0) firstShownAfter = scheduler.now() - start;
    }
    expect(firstShownAfter).toBe(10 * SECOND);
  });

  it('shows at most 3 notifications a minute; the rest wait for room and are then shown together', () => {
    const { shown, send, scheduler } = setup(DAY);
    const t0 = scheduler.now();
    // Five partners, one failure every 5 s: each is decided on its own.
    PARTNERS.slice(0, 5).forEach((p, i) => {
      scheduler.advanceTo(t0 + i * 5 * SECOND);
      send(failure(p));
    });
    scheduler.advanceTo(t0 + 61_999);
    expect(shown.map((n) => n.title)).toEqual([
      expect.stringMatching(/^ACME Retail: /),
      expect.stringMatching(/^Globex: /),
      expect.stringMatching(/^Initech: /),
    ]);
    // The first notification (at 2 s) leaves the window at 62 s: one slot, two partners → one summary.
    scheduler.advanceTo(t0 + 62 * SECOND);
    expect(shown).toHaveLength(4);
    expect(shown[3]).toMatchObject({
      title: '2 transactions failed across 2 partners',
      body: 'Most from Umbrella (1) and Hooli (1).',
      target: 'view:failed-transactions',
    });
  });

  it('after the window rolls over, a single failure is shown as itself again', () => {
    const { shown, send, scheduler } = setup(DAY);
    send(...burst(50));
    scheduler.advance(MINUTE);
    send(failure(GLOBEX), failure(INITECH), failure(ACME));
    scheduler.advance(10 * SECOND);
    expect(shown).toHaveLength(4);
    scheduler.advance(2 * MINUTE);
    const lone = failure(INITECH);
    send(lone);
    scheduler.advance(2 * SECOND);
    expect(shown).toHaveLength(5);
    expect(shown[4]).toMatchObject({ id: lone.id, title: lone.title, target: lone.target });
  });

  it('summarises mixed kinds as items needing attention, opening the inbox', () => {
    const { shown, send, scheduler } = setup(DAY);
    send(failure(ACME), failure(GLOBEX), sla('sla_breach', INITECH), sla('sla_warning', ACME), failure(ACME));
    scheduler.advance(10 * SECOND);
    expect(shown).toEqual([
      {
        id: expect.stringMatching(/^summary:/),
        title: '5 items need attention across 3 partners',
        body: '3 failed transactions, 1 SLA breach and 1 SLA warning. Most from ACME Retail (3), Globex (1) and Initech (1).',
        target: 'view:inbox',
        silent: false,
      },
    ]);
  });
});

describe('notification policy: quiet hours', () => {
  it('shows nothing during quiet hours across midnight, then ONE silent summary when they end', () => {
    const { shown, send, scheduler } = setup('2025-01-15T21:00:00Z', nightUtc);
    scheduler.advanceTo(at('2025-01-15T23:30:00Z'));
    send(failure(ACME), failure(ACME), failure(ACME));
    scheduler.advanceTo(at('2025-01-16T02:00:00Z'));
    send(failure(GLOBEX), failure(GLOBEX), sla('sla_breach', INITECH));
    scheduler.advanceTo(at('2025-01-16T06:59:00Z'));
    send(failure(ACME));
    scheduler.advanceTo(at('2025-01-16T06:59:59Z'));
    expect(shown).toEqual([]);

    scheduler.advanceTo(at('2025-01-16T07:00:00Z'));
    expect(shown).toEqual([
      {
        id: expect.stringMatching(/^summary:/),
        title: '7 items need attention across 3 partners',
        body:
          'Held back during quiet hours. 6 failed transactions and 1 SLA breach. ' +
          'Most from ACME Retail (4), Globex (2) and Initech (1).',
        target: 'view:inbox',
        silent: true,
      },
    ]);
    scheduler.advance(24 * 60 * MINUTE);
    expect(shown).toHaveLength(1);
  });

  it('holds what is decided after quiet hours start, even if it arrived just before', () => {
    const { shown, send, scheduler } = setup('2025-01-15T21:59:00Z', nightUtc);
    send(failure(ACME));
    scheduler.advance(2 * SECOND);
    expect(shown).toHaveLength(1);
    scheduler.advanceTo(at('2025-01-15T21:59:59Z'));
    send(failure(GLOBEX));
    scheduler.advance(5 * SECOND);
    expect(shown).toHaveLength(1);
    scheduler.advanceTo(at('2025-01-16T07:00:00Z'));
    expect(shown).toHaveLength(2);
  });

  it('shows a single held request as itself, silently, when quiet hours end', () => {
    const { shown, send, scheduler } = setup('2025-01-15T23:00:00Z', nightUtc);
    const request = sla('sla_breach', INITECH);
    send(request);
    scheduler.advanceTo(at('2025-01-16T07:00:00Z'));
    expect(shown).toEqual([
      {
        id: request.id,
        title: request.title,
        body: `Held back during quiet hours. ${request.body}`,
        target: request.target,
        silent: true,
      },
    ]);
  });

  it('follows the wall clock of America/New_York, not UTC', () => {
    const newYork = {
      quietHours: { enabled: true, start: '22:00', end: '07:00', timeZone: 'America/New_York' },
    };
    const { shown, send, scheduler } = setup('2025-01-16T03:30:00Z', newYork); // 22:30 EST
    send(failure(ACME), failure(GLOBEX));
    scheduler.advanceTo(at('2025-01-16T11:59:00Z')); // 06:59 EST; 07:00 UTC has long passed
    expect(shown).toEqual([]);
    scheduler.advanceTo(at('2025-01-16T12:00:00Z')); // 07:00 EST
    expect(shown.map((n) => n.title)).toEqual(['2 transactions failed across 2 partners']);
  });

  it('ends quiet hours at 07:00 local on the night New York springs forward (an hour sooner in UTC)', () => {
    const newYork = {
      quietHours: { enabled: true, start: '22:00', end: '07:00', timeZone: 'America/New_York' },
    };
    const { shown, send, scheduler } = setup('2025-03-09T04:00:00Z', newYork); // 23:00 EST, 8 March
    send(failure(ACME));
    scheduler.advanceTo(at('2025-03-09T06:59:00Z')); // 01:59 EST
    scheduler.advanceTo(at('2025-03-09T07:00:00Z')); // 03:00 EDT: the jump
    send(failure(ACME));
    scheduler.advanceTo(at('2025-03-09T10:59:59Z')); // 06:59:59 EDT
    expect(shown).toEqual([]);
    scheduler.advanceTo(at('2025-03-09T11:00:00Z')); // 07:00 EDT
    expect(shown.map((n) => n.title)).toEqual(['ACME Retail: 2 transactions failed']);
  });

  it('keeps quiet hours to 07:00 local on the night New York falls back (an hour later in UTC)', () => {
    const newYork = {
      quietHours: { enabled: true, start: '22:00', end: '07:00', timeZone: 'America/New_York' },
    };
    const { shown, send, scheduler } = setup('2025-11-02T03:00:00Z', newYork); // 23:00 EDT, 1 November
    send(failure(ACME));
    scheduler.advanceTo(at('2025-11-02T11:59:00Z')); // 06:59 EST
    expect(shown).toEqual([]);
    scheduler.advanceTo(at('2025-11-02T12:00:00Z'));
    expect(shown).toHaveLength(1);
  });

  it('shows the summary within a minute of waking when the machine slept through the end', () => {
    const { shown, send, scheduler } = setup('2025-01-15T23:00:00Z', nightUtc);
    send(failure(ACME), failure(GLOBEX));
    scheduler.advance(10 * MINUTE);
    scheduler.sleep(10 * 60 * MINUTE); // asleep until 09:10, timers frozen
    expect(shown).toEqual([]);
    scheduler.advance(MINUTE);
    expect(shown).toHaveLength(1);
  });

  it('does not lapse when the clock falls back into the hour before quiet hours began', () => {
    // Quiet from 01:30; at 02:00 EDT the clock falls back to 01:00 EST, which on its face is before 01:30.
    const early = {
      quietHours: { enabled: true, start: '01:30', end: '06:00', timeZone: 'America/New_York' },
    };
    const { shown, send, scheduler } = setup('2025-11-02T05:45:00Z', early); // 01:45 EDT
    send(failure(ACME));
    scheduler.advanceTo(at('2025-11-02T06:15:00Z')); // 01:15 EST
    send(failure(GLOBEX));
    scheduler.advanceTo(at('2025-11-02T10:59:00Z')); // 05:59 EST
    expect(shown).toEqual([]);
    scheduler.advanceTo(at('2025-11-02T11:00:00Z')); // 06:00 EST
    expect(shown).toHaveLength(1);
  });

  it('shows what was held right away when the person switches quiet hours off', () => {
    const { policy, shown, send, scheduler } = setup('2025-01-15T23:00:00Z', nightUtc);
    send(failure(ACME));
    scheduler.advance(MINUTE);
    policy.updateSettings(NotificationSettings.parse({ quietHours: { enabled: false, timeZone: 'UTC' } }));
    scheduler.advance(0);
    expect(shown).toHaveLength(1);
  });
});

describe('notification policy: preferences', () => {
  it('drops a kind switched off, also from the quiet-hours summary', () => {
    const prefs = { kinds: { sla_warning: false }, ...nightUtc };
    const { shown, send, scheduler } = setup('2025-01-15T23:00:00Z', prefs);
    send(sla('sla_warning', ACME), sla('sla_warning', GLOBEX), failure(INITECH));
    scheduler.advanceTo(at('2025-01-16T07:00:00Z'));
    expect(shown.map((n) => n.title)).toEqual([expect.stringMatching(/^Initech: Invoice \d+ failed$/)]);
  });

  it('shows nothing at all when notifications are off', () => {
    const { shown, send, scheduler } = setup(DAY, { enabled: false });
    send(failure(), sla('sla_breach'), { ...failure(), kind: 'credentials', partnerId: null });
    scheduler.advance(5 * MINUTE);
    expect(shown).toEqual([]);
  });

  it('forgets waiting requests of a kind the person switches off', () => {
    const { policy, shown, send, scheduler } = setup(DAY);
    send(sla('sla_breach', ACME), failure(ACME));
    policy.updateSettings(
      NotificationSettings.parse({ kinds: { sla_breach: false }, quietHours: { timeZone: 'UTC' } }),
    );
    scheduler.advance(10 * SECOND);
    expect(shown.map((n) => n.target)).toEqual([expect.stringMatching(/^transaction:/)]);
  });

  it('always lets credential problems through (they have no toggle): sync is stuck without them', () => {
    const { shown, send, scheduler } = setup(DAY, {
      kinds: { transaction_failed: false, sla_warning: false, sla_breach: false },
    });
    send({
      id: 'notify:auth:tradingGrid',
      kind: 'credentials',
      partnerId: null,
      partnerName: null,
      title: 'Trading Grid refused the client secret',
      body: 'Store the new secret in Settings → Credentials',
      target: 'settings:credentials',
    });
    scheduler.advance(10 * SECOND);
    expect(shown.map((n) => n.title)).toEqual(['Trading Grid refused the client secret']);
  });
});

describe('notification policy: duplicates', () => {
  it('shows a request delivered twice only once, and does not count the copy', () => {
    const { shown, send, scheduler } = setup(DAY);
    const requests = [failure(ACME), failure(ACME), failure(ACME)];
    send(...requests, ...requests.map((r) => ({ ...r })));
    scheduler.advance(10 * SECOND);
    expect(shown.map((n) => n.title)).toEqual(['ACME Retail: 3 transactions failed']);

    // The outbox redelivers after a crash, long after the first showing.
    scheduler.advance(30 * MINUTE);
    send(...requests);
    scheduler.advance(10 * SECOND);
    expect(shown).toHaveLength(1);
  });
});

describe('notification policy: lifecycle', () => {
  it('leaves no timer behind when disposed', () => {
    const { policy, send, scheduler } = setup(DAY);
    send(failure());
    expect(scheduler.pendingTimers()).toBe(1);
    policy.dispose();
    expect(scheduler.pendingTimers()).toBe(0);
  });
});
