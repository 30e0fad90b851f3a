// The main navigation, with the count each screen is about: cases in the inbox, failed transactions,
// writes waiting in the dead-letter list.
import type { Screen } from '../lib/navigationTarget.ts';
import { formatCount } from '../lib/formatting.ts';
import { useRoute } from '../stores/routeStore.ts';
import { useCounts } from '../stores/countsStore.ts';
import { useHealth } from '../stores/healthStore.ts';

interface NavItem {
  screen: Screen;
  label: string;
  count: number | null | undefined;
  countLabel: string;
  alert: boolean;
}

export function NavBar() {
  const screen = useRoute((s) => s.screen);
  const show = useRoute((s) => s.show);
  const cases = useCounts((s) => s.cases?.total);
  const failed = useCounts((s) => s.failedTransactions);
  const dead = useHealth((s) => s.health?.outbox.dead);
  const unhealthy = useHealth(
    (s) => s.health?.systems.some((x) => x.state !== 'ok' && x.state !== 'idle') ?? false,
  );

  const items: NavItem[] = [
    { screen: 'inbox', label: 'Inbox', count: cases, countLabel: 'cases', alert: false },
    {
      screen: 'failed',
      label: 'Failed',
      count: failed,
      countLabel: 'failed transactions',
      alert: (failed ?? 0) > 0,
    },
    {
      screen: 'health',
      label: 'Health',
      count: dead,
      countLabel: 'dead letters',
      alert: (dead ?? 0) > 0 || unhealthy,
    },
    { screen: 'settings', label: 'Settings', count: null, countLabel: '', alert: false },
  ];

  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {items.map((item) => (
          <li key={item.screen}>
            <button
              type="button"
              className="nav-button"
              aria-current={screen === item.screen ? 'page' : undefined}
              onClick={() => show(item.screen)}
            >
              {item.label}
              {typeof item.count === 'number' && (
                <span className={`nav-count${item.alert ? ' nav-count--alert' : ''}`}>
                  <span className="visually-hidden">, </span>
                  {formatCount(item.count)}
                  <span className="visually-hidden"> {item.countLabel}</span>
                </span>
              )}
              {item.count === undefined || item.count === null
                ? item.alert && <span className="nav-dot" aria-label="needs attention" role="img" />
                : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
