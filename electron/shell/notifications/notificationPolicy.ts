// Decides which of the engine's notification requests become native notifications, and when. A desk
// person should hear about a failure within seconds, but never get 200 pop-ups for one bad feed page,
// nor any at 3 a.m. when quiet hours are on.
//
//  - Duplicates (the engine's outbox may deliver a request again after a crash) are dropped by id.
//  - Kinds the person switched off are dropped, not held.
//  - Requests are gathered until the stream settles (or a maximum delay passes), then grouped per
//    kind and partner: several failures of one partner become "ACME Retail: 5 transactions failed".
//  - Throttle: at most `maxPerWindow` notifications in any `windowSeconds`. When a decision has more
//    groups than the window has room for, they become ONE summary ("200 transactions failed across 7
//    partners"); when there is no room at all, requests wait for room and are then shown together.
//  - Quiet hours (wall clock of the configured IANA zone): nothing is shown; when they end, ONE
//    silent summary of everything held back is shown.
import type { NotificationSettings } from '../../../shared/config/appSettings.ts';
import type { NotificationRequest, Notifier } from '../../engine/notifier.ts';
import { addToBatch, emptyBatch, keepKinds } from './notificationBatch.ts';
import type { Batch, NotificationKind, RequestGroup } from './notificationBatch.ts';
import { groupContent, summaryContent } from './notificationText.ts';
import { isWithinQuietHours, quietHoursEndAfter } from './quietHours.ts';
import type { Scheduler } from './scheduler.ts';
import { createSeenIds } from './seenIds.ts';
import type { SeenIds } from './seenIds.ts';

export interface ShownNotification {
  id: string;
  title: string;
  body: string;
  /** What a click opens: an engine item target or a list view (see notificationTargets.ts). */
  target: string;
  /** No sound: SLA warnings, and the summary shown when quiet hours end. */
  silent: boolean;
}

export interface NotificationPolicyOptions {
  settings: NotificationSettings;
  scheduler: Scheduler;
  show(notification: ShownNotification): void;
  /** The partner's display name; by default the "<partner>: " prefix the engine puts on titles. */
  partnerName?: (request: NotificationRequest) => string | null;
  /** A decision waits until no request has arrived for this long… */
  settleMs?: number;
  /** …but no longer than this after the first waiting request. */
  maxDelayMs?: number;
  /**
   * Timers never wait longer than this before re-checking the clock: a laptop that sleeps through the
   * end of quiet hours shows the summary within this long of waking, not hours late.
   */
  maxTimerMs?: number;
  seenIds?: SeenIds;
}

export interface NotificationPolicy extends Notifier {
  /** Applies changed notification preferences; waiting requests are judged by the new ones. */
  updateSettings(settings: NotificationSettings): void;
  dispose(): void;
}

export function createNotificationPolicy(options: NotificationPolicyOptions): NotificationPolicy {
  const { scheduler, show } = options;
  const settleMs = options.settleMs ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const maxTimerMs = options.maxTimerMs ?? 60_000;
  const seen = options.seenIds ?? createSeenIds();
  const partnerName = options.partnerName ?? partnerNameFromTitle;

  let settings = options.settings;
  let batch: Batch = emptyBatch();
  /** Set when the batch holds requests kept back by quiet hours: it is then shown as one summary. */
  let heldForQuiet = false;
  /** While set, quiet hours last until this instant (fixed when they start, so DST cannot cut them). */
  let quietUntil: number | null = null;
  let firstWaitingAt: number | null = null;
  const shownAt: number[] = [];
  let timer: { at: number; cancel: () => void } | null = null;
  let sequence = 0;

  const wanted = (kind: NotificationKind): boolean =>
    settings.enabled && (kind === 'credentials' || settings.kinds[kind]);

  function isQuiet(now: number): boolean {
    const q = settings.quietHours;
    if (!q.enabled) {
      quietUntil = null;
      return false;
    }
    if (quietUntil !== null && now < quietUntil) return true;
    quietUntil = isWithinQuietHours(now, q) ? quietHoursEndAfter(now, q) : null;
    return quietUntil !== null;
  }

  /** Makes sure a decision happens at `at` or earlier. */
  function decideBy(at: number): void {
    if (timer && timer.at <= at) return;
    timer?.cancel();
    const delay = Math.min(Math.max(0, at - scheduler.now()), maxTimerMs);
    const cancel = scheduler.schedule(delay, () => {
      timer = null;
      if (scheduler.now() < at) decideBy(at);
      else decide();
    });
    timer = { at, cancel };
  }

  function decide(): void {
    if (batch.total === 0) return;
    const now = scheduler.now();
    if (isQuiet(now)) {
      heldForQuiet = true;
      decideBy(quietUntil ?? now + maxTimerMs);
      return;
    }
    const windowMs = settings.throttle.windowSeconds * 1000;
    while (shownAt.length > 0 && (shownAt[0] ?? 0) <= now - windowMs) shownAt.shift();
    const room = settings.throttle.maxPerWindow - shownAt.length;
    if (room <= 0) {
      decideBy((shownAt[0] ?? now) + windowMs);
      return;
    }

    const groups = [...batch.groups.values()];
    const digest = heldForQuiet;
    batch = emptyBatch();
    heldForQuiet = false;
    firstWaitingAt = null;
    if (!digest && groups.length <= room) for (const g of groups) present(g, now, false);
    else present(groups, now, digest);
  }

  function present(what: RequestGroup | RequestGroup[], now: number, digest: boolean): void {
    const groups = Array.isArray(what) ? what : [what];
    const only = groups.length === 1 ? groups[0] : undefined;
    const single = only && only.count === 1 ? only.samples[0] : undefined;
    const content = single
      ? { title: single.title, body: single.body, target: single.target }
      : only
        ? groupContent(only)
        : summaryContent(groups);
    const onlyWarnings = groups.every((g) => g.kind === 'sla_warning');
    shownAt.push(now);
    show({
      id: single?.id ?? `${only ? 'group' : 'summary'}:${++sequence}`,
      title: content.title,
      body: digest ? `Held back during quiet hours. ${content.body}` : content.body,
      target: content.target,
      silent: digest || onlyWarnings,
    });
  }

  return {
    notify(request) {
      if (!seen.add(request.id) || !wanted(request.kind)) return Promise.resolve();
      const now = scheduler.now();
      addToBatch(batch, request, request.partnerId === null ? null : partnerName(request));
      if (isQuiet(now)) {
        heldForQuiet = true;
        decideBy(quietUntil ?? now);
      } else {
        firstWaitingAt ??= now;
        // Re-arm for the settle time: a burst keeps pushing the decision out, up to the maximum delay.
        timer?.cancel();
        timer = null;
        decideBy(Math.min(now + settleMs, firstWaitingAt + maxDelayMs));
      }
      return Promise.resolve();
    },

    updateSettings(next) {
      settings = next;
      quietUntil = null;
      keepKinds(batch, wanted);
      if (batch.total > 0) {
        timer?.cancel();
        timer = null;
        decideBy(scheduler.now());
      }
    },

    dispose() {
      timer?.cancel();
      timer = null;
      batch = emptyBatch();
    },
  };
}

/** "ACME Retail: Invoice 0042 failed" → "ACME Retail"; the partner id when the title has no prefix. */
export function partnerNameFromTitle(request: NotificationRequest): string | null {
  const at = request.title.indexOf(': ');
  return at > 0 ? request.title.slice(0, at) : request.partnerId;
}
