// Feeds the stores from engine events. Nothing in the window polls the main process: each event marks
// what it may have changed, and the visible data is refetched once the burst settles (see
// refreshScheduler). Events that carry the new state (health, outbox counts, upload progress) are
// applied as they come.
import { onEngineEvent } from '../api/desk.ts';
import { createRefreshScheduler } from '../lib/refreshScheduler.ts';
import { useInbox } from './inboxStore.ts';
import { useCounts } from './countsStore.ts';
import { useCase } from './caseStore.ts';
import { useFailed } from './failedStore.ts';
import { useHealth } from './healthStore.ts';
import { useRoute } from './routeStore.ts';
import { useApp } from './appStore.ts';
import { usePartners } from './partnersStore.ts';
import { navigateToTarget } from './navigation.ts';

/** Everything the window shows, fetched afresh (on start, and after the engine comes back). */
export function reloadAll(): void {
  void useApp.getState().load();
  void usePartners.getState().load();
  void useCounts.getState().refreshCases();
  void useCounts.getState().refreshFailed();
  void useHealth.getState().load();
  useInbox.getState().refresh();
  void useCase.getState().reload();
  if (useRoute.getState().screen === 'failed') void useFailed.getState().load();
}

export function connectEngineEvents(): () => void {
  const inbox = createRefreshScheduler(() => {
    useInbox.getState().refresh();
    void useCounts.getState().refreshCases();
  });
  const openCase = createRefreshScheduler(() => void useCase.getState().reload(), {
    waitMs: 200,
    maxWaitMs: 1000,
  });
  const failed = createRefreshScheduler(() => {
    void useCounts.getState().refreshFailed();
    if (useRoute.getState().screen === 'failed') void useFailed.getState().load();
  });
  const health = createRefreshScheduler(() => void useHealth.getState().load(), {
    waitMs: 500,
    maxWaitMs: 3000,
  });

  // A screen that was hidden while its data changed refetches when it is shown again.
  let failedStale = false;
  const unsubscribeRoute = useRoute.subscribe((route, previous) => {
    if (route.screen === 'failed' && previous.screen !== 'failed' && failedStale) {
      failedStale = false;
      void useFailed.getState().load();
    }
    if (route.screen === 'health' && previous.screen !== 'health') void useHealth.getState().load();
  });

  const unsubscribers = [
    onEngineEvent('engine:caseChanged', ({ caseId }) => {
      inbox.request();
      if (useCase.getState().caseId === caseId) openCase.request();
    }),
    onEngineEvent('engine:transactionFailed', () => {
      if (useRoute.getState().screen !== 'failed') failedStale = true;
      failed.request();
    }),
    onEngineEvent('engine:healthChanged', (system) => {
      useHealth.getState().applySystem(system);
      health.request();
    }),
    onEngineEvent('engine:outboxChanged', (counts) => {
      const previousDead = useHealth.getState().health?.outbox.dead;
      useHealth.getState().applyOutbox(counts);
      if (previousDead !== counts.dead) health.request();
    }),
    onEngineEvent('upload:progress', (progress) => {
      useCase.getState().applyProgress(progress);
      // The attached document shows up in the case's documents and timeline.
      if (progress.state === 'attached' && useCase.getState().caseId === progress.caseId) openCase.request();
    }),
    onEngineEvent('navigate', ({ target }) => navigateToTarget(target)),
    onEngineEvent('engine:hostState', (state) => {
      const before = useApp.getState().engineHost?.state;
      useApp.getState().setEngineHost(state);
      // A restarted engine may have synced while it was away: reload everything the window shows.
      if (state.state === 'ready' && before !== undefined && before !== 'ready') reloadAll();
    }),
  ];

  return () => {
    for (const u of unsubscribers) u();
    unsubscribeRoute();
    for (const s of [inbox, openCase, failed, health]) s.cancel();
  };
}
