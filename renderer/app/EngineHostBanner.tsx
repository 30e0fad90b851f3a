// Tells the person when the sync engine is not running normally (starting, restarting after a crash,
// failed), because until it is back the window shows what it last knew.
import { useApp } from '../stores/appStore.ts';

const HEADLINES = {
  starting: 'The sync engine is starting…',
  restarting: 'The sync engine stopped unexpectedly and is restarting.',
  failed: 'The sync engine could not be started.',
  stopped: 'The sync engine is stopped.',
} as const;

export function EngineHostBanner() {
  const host = useApp((s) => s.engineHost);
  if (!host || host.state === 'ready') return null;
  const failed = host.state === 'failed';
  return (
    <div
      className={`engine-banner${failed ? ' engine-banner--failed' : ''}`}
      role={failed ? 'alert' : 'status'}
    >
      <strong>{HEADLINES[host.state]}</strong>
      {host.message ? ` ${host.message}` : ''} What you see may be out of date until it is back.
    </div>
  );
}
