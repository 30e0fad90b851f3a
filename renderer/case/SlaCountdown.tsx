// A live SLA countdown: ticks every second near the deadline, every half minute when it is far away.
import { countdownRefreshMs, slaCountdown } from '../lib/slaCountdown.ts';
import { formatDateTime, humanize, toIsoString } from '../lib/formatting.ts';
import { useNow } from '../app/useNow.ts';

export function SlaCountdown({ dueAt, state }: { dueAt: number | null; state: string }) {
  const counting = state !== 'paused' && state !== 'met';
  const now = useNow(counting ? countdownRefreshMs(dueAt, Date.now()) : null);
  const sla = slaCountdown(dueAt, now, state);
  return (
    <span className={`sla sla--${sla.tone} sla-state--${state}`} role="timer" aria-live="off">
      {dueAt !== null && (state === 'warning' || state === 'breached') && (
        <strong>{humanize(state)} · </strong>
      )}
      {sla.text}
      {dueAt !== null && counting && (
        <span className="sla-due">
          {' '}
          (<time dateTime={toIsoString(dueAt)}>{formatDateTime(dueAt)}</time>)
        </span>
      )}
    </span>
  );
}
