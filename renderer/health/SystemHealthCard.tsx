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

export function SystemHealthCard({ health: h }: { health: SystemHealthDto }) {
  const backingOff = h.backoffUntil !== null && h.backoffUntil > Date.now();
  const now = useNow(backingOff ? 1000 : 30_000);
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
            {formatRelative(lastPoll, now)}
            {lastPoll && <span className="stat-detail"> ({formatDateTime(lastPoll)})</span>}
          </dd>
        </div>
        <div>
          <dt>Last success</dt>
          <dd>{formatRelative(h.lastSuccessAt, now)}</dd>
        </div>
        <div>
          <dt>Last error</dt>
          <dd>
            {h.lastError ? (
              <>
                {formatRelative(h.lastErrorAt, now)}: <span className="system-error">{h.lastError}</span>
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
