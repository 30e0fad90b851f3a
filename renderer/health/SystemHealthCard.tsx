// One remote system's health: its state in words, when it was last polled and last answered, its last
// error, and whether the engine is backing off (with a live countdown to the next attempt).
import type { SystemHealthDto } from '../../shared/ipc/dto.ts';
import { formatDateTime, formatRelative } from '../lib/formatting.ts';
import { formatDuration } from '../lib/slaCountdown.ts';
import { useNow } from '../app/useNow.ts';

const NAMES: Record<SystemHealthDto['system'], string> = {
  xconnector: 'xConnector',
  'trading-grid': 'Trading Grid',
};
const STATES: Record<SystemHealthDto['state'], string> = {
  idle: 'Not polled yet',
  ok: 'Healthy',
  degraded: 'Degraded: some calls fail',
  unreachable: 'Unreachable',
  unauthorized: 'Credentials refused',
};

/** Longer errors are clamped to a few lines, with the whole text behind a disclosure. */
const LONG_ERROR_CHARS = 110;
/** Leeway for timers that fire late and for the engine's clock reading a little ahead of the window's. */
const CLOCK_SLACK_MS = 5_000;

function LastError({ text }: { text: string }) {
  if (text.length <= LONG_ERROR_CHARS) return <span className="system-error">{text}</span>;
  return (
    <details className="system-error system-error--long">
      <summary title={text}>
        <span className="system-error-text">{text}</span>
        <span className="system-error-toggle system-error-toggle--more">Show the whole error</span>
        <span className="system-error-toggle system-error-toggle--less">Show less</span>
      </summary>
    </details>
  );
}

export function SystemHealthCard({ health: h }: { health: SystemHealthDto }) {
  const backingOff = h.backoffUntil !== null && h.backoffUntil > Date.now();
  const tickMs = backingOff ? 1000 : 30_000;
  const now = useNow(tickMs);
  // `now` is up to one tick old, so a poll that just happened can lie "in the future": it reads "just now".
  const ago = (at: number | null) => formatRelative(at, now, tickMs + CLOCK_SLACK_MS);
  const lastPoll = Math.max(h.lastSuccessAt ?? 0, h.lastErrorAt ?? 0) || null;
  const name = NAMES[h.system] ?? h.system;
  const headingId = `system-${h.system}`;
  return (
    <section className={`system-card system-card--${h.state}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className={`system-state system-state--${h.state}`}>{STATES[h.state] ?? h.state}</p>
      <dl className="stat-list">
        <div>
          <dt>Last poll</dt>
          <dd>
            {ago(lastPoll)}
            {lastPoll && <span className="stat-detail"> ({formatDateTime(lastPoll)})</span>}
          </dd>
        </div>
        <div>
          <dt>Last success</dt>
          <dd>{ago(h.lastSuccessAt)}</dd>
        </div>
        <div className={h.lastError ? 'stat--wide' : undefined}>
          <dt>Last error</dt>
          <dd>
            {h.lastError ? (
              <>
                {ago(h.lastErrorAt)}: <LastError text={h.lastError} />
              </>
            ) : (
              'none'
            )}
          </dd>
        </div>
        <div>
          <dt>Failures in a row</dt>
          <dd>{h.consecutiveFailures}</dd>
        </div>
        <div>
          <dt>Backoff</dt>
          <dd>
            {h.backoffUntil !== null && h.backoffUntil > now
              ? `next attempt in ${formatDuration(h.backoffUntil - now)}`
              : 'none'}
          </dd>
        </div>
      </dl>
    </section>
  );
}
