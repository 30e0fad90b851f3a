// Pause, resume and "sync now", with what came of the last action.
import { useHealth } from '../stores/healthStore.ts';

export function SyncControls() {
  const paused = useHealth((s) => s.health?.paused ?? false);
  const known = useHealth((s) => s.health !== null);
  const busy = useHealth((s) => s.busy);
  const outcome = useHealth((s) => s.outcome);
  const { pause, resume, syncNow } = useHealth.getState();

  return (
    <div className="toolbar" role="group" aria-label="Sync controls">
      <p className={`sync-state${paused ? ' sync-state--paused' : ''}`}>
        {known ? (paused ? 'Sync is paused.' : 'Sync is running.') : ''}
      </p>
      {paused ? (
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null}
          onClick={() => void resume()}
        >
          Resume sync
        </button>
      ) : (
        <button
          type="button"
          className="button"
          disabled={busy !== null || !known}
          onClick={() => void pause()}
        >
          Pause sync
        </button>
      )}
      <button
        type="button"
        className="button"
        disabled={busy !== null || paused}
        onClick={() => void syncNow()}
      >
        {busy === 'sync' ? 'Syncing…' : 'Sync now'}
      </button>
      <p
        className={`outcome${outcome ? (outcome.ok ? ' outcome--ok' : ' outcome--error') : ''}`}
        role="status"
      >
        {outcome?.text ?? ''}
      </p>
    </div>
  );
}
