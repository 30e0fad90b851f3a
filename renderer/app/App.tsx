// The window: banner, navigation and the current screen. On start it loads what every screen shares and
// connects the engine's events; from then on the stores are fed by events, not by timers.
import { useEffect, useRef } from 'react';
import { connectEngineEvents } from '../stores/engineEvents.ts';
import { useApp } from '../stores/appStore.ts';
import { usePartners } from '../stores/partnersStore.ts';
import { useCounts } from '../stores/countsStore.ts';
import { useHealth } from '../stores/healthStore.ts';
import { useRoute } from '../stores/routeStore.ts';
import { startInbox } from '../stores/inboxStore.ts';
import { DemoBanner } from './DemoBanner.tsx';
import { EngineHostBanner } from './EngineHostBanner.tsx';
import { NavBar } from './NavBar.tsx';
import { InboxScreen } from '../inbox/InboxScreen.tsx';
import { FailedScreen } from '../failed/FailedScreen.tsx';
import { HealthScreen } from '../health/HealthScreen.tsx';
import { SettingsScreen } from '../settings/SettingsScreen.tsx';
import { useFileDropGuard } from './useFileDropGuard.ts';

export function App() {
  const screen = useRoute((s) => s.screen);
  const appError = useApp((s) => s.error);
  const mainRef = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);

  useEffect(() => {
    const disconnect = connectEngineEvents();
    void useApp.getState().load();
    void usePartners.getState().load();
    void useCounts.getState().refreshCases();
    void useCounts.getState().refreshFailed();
    void useHealth.getState().load();
    startInbox();
    return disconnect;
  }, []);

  useFileDropGuard();

  // Moving to another screen moves focus to its heading, so keyboard and screen-reader users land there.
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [screen]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="app-name">Partner Desk</span>
        <NavBar />
      </header>
      <DemoBanner />
      <EngineHostBanner />
      {appError && (
        <p className="app-error" role="alert">
          {appError}
        </p>
      )}
      <main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
        {screen === 'inbox' && <InboxScreen />}
        {screen === 'failed' && <FailedScreen />}
        {screen === 'health' && <HealthScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
    </div>
  );
}
