// Says plainly when the desk is running on the built-in demo, so nobody mistakes simulated partners for
// real ones.
import { useApp } from '../stores/appStore.ts';
import { useRoute } from '../stores/routeStore.ts';

export function DemoBanner() {
  const mode = useApp((s) => s.info?.mode);
  const show = useRoute((s) => s.show);
  if (mode !== 'demo') return null;
  return (
    <div className="demo-banner" role="note" aria-label="Demo mode">
      <strong>Demo mode.</strong> Partner Desk is connected to the built-in xConnector and Trading Grid
      simulators with made-up partners. Nothing here reaches a real system.{' '}
      <button type="button" className="link-button" onClick={() => show('settings')}>
        Set up connections
      </button>
    </div>
  );
}
