// Acts on a `navigate` target: shows the screen and sets the filters it names. A target the window
// does not recognise opens nothing (it came from outside the window).
import { parseNavigationTarget, type Destination } from '../lib/navigationTarget.ts';
import { useRoute } from './routeStore.ts';
import { useInbox } from './inboxStore.ts';
import { useFailed } from './failedStore.ts';

export function goTo(destination: Destination): void {
  const route = useRoute.getState();
  switch (destination.screen) {
    case 'inbox': {
      const inbox = useInbox.getState();
      if (destination.partnerId !== null || destination.slaState !== null) {
        inbox.setFilters({
          ...(destination.partnerId !== null ? { partnerId: destination.partnerId } : {}),
          ...(destination.slaState !== null ? { slaState: destination.slaState } : {}),
        });
      }
      if (destination.caseId !== null) route.openCase(destination.caseId);
      else route.show('inbox');
      return;
    }
    case 'failed': {
      const failed = useFailed.getState();
      if (destination.partnerId !== null) failed.setPartner(destination.partnerId);
      if (destination.transactionId !== null) route.showTransaction(destination.transactionId);
      else route.show('failed');
      return;
    }
    default:
      route.show(destination.screen);
  }
}

export function navigateToTarget(target: unknown): boolean {
  const destination = parseNavigationTarget(target);
  if (destination === null) {
    console.warn('Ignoring a navigation target the window does not recognise:', target);
    return false;
  }
  goTo(destination);
  return true;
}
