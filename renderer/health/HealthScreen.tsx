// Sync health: is each system reachable, when did it last answer, is it backing off; how many writes
// wait in the outbox; what is quarantined; and the dead letters a person can retry or discard.
import { useEffect } from 'react';
import { useHealth } from '../stores/healthStore.ts';
import { formatCount } from '../lib/formatting.ts';
import { SystemHealthCard } from './SystemHealthCard.tsx';
import { DeadLetterList } from './DeadLetterList.tsx';
import { SyncControls } from './SyncControls.tsx';

export function HealthScreen() {
  const health = useHealth((s) => s.health);
  const error = useHealth((s) => s.error);
  const load = useHealth((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="health-screen" aria-labelledby="health-heading">
      <h2 id="health-heading" tabIndex={-1}>
        Sync health
      </h2>
      <SyncControls />
      {error && (
        <div role="alert" className="inline-error">
          Sync health could not be read: {error}{' '}
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {!health ? (
        !error && <p role="status">Loading sync health…</p>
      ) : (
        <>
          <div className="system-cards">
            {health.systems.map((s) => (
              <SystemHealthCard key={s.system} health={s} />
            ))}
          </div>
          <section className="outbox-card" aria-labelledby="outbox-heading">
            <h3 id="outbox-heading">Outbox</h3>
            <dl className="stat-list">
              <div>
                <dt>Waiting to be written</dt>
                <dd>{formatCount(health.outbox.pending)}</dd>
              </div>
              <div>
                <dt>Dead letters</dt>
                <dd className={health.outbox.dead > 0 ? 'stat--alert' : undefined}>
                  {formatCount(health.outbox.dead)}
                </dd>
              </div>
              <div>
                <dt>Delivered</dt>
                <dd>{formatCount(health.outbox.done)}</dd>
              </div>
              <div>
                <dt>Quarantined items</dt>
                <dd className={health.quarantined > 0 ? 'stat--warn' : undefined}>
                  {formatCount(health.quarantined)}
                </dd>
              </div>
            </dl>
            {health.quarantined > 0 && (
              <p className="hint">
                Quarantined items came from a system in a shape or for a partner the desk cannot place yet.
                They are kept, not lost, and are processed once the partner directory or mapping knows them.
              </p>
            )}
          </section>
          <DeadLetterList />
        </>
      )}
    </section>
  );
}
