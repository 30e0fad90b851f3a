// The count line above the list ("1,204 of 100,000 cases"), the SLA states that need attention, and the
// list's loading and error states. A live region, so a screen reader hears how a filter changed things.
import { useInbox } from '../stores/inboxStore.ts';
import { useCounts } from '../stores/countsStore.ts';
import { formatCount, humanize } from '../lib/formatting.ts';

const ATTENTION = ['breached', 'warning'];

export function InboxSummary() {
  const total = useInbox((s) => s.total);
  const loading = useInbox((s) => s.loading);
  const error = useInbox((s) => s.error);
  const refresh = useInbox((s) => s.refresh);
  const counts = useCounts((s) => s.cases);

  // Closed cases keep their final SLA state; only open ones need someone (the tray counts the same).
  const attention = Object.entries(counts?.openBySlaState ?? {}).filter(
    ([state, n]) => n > 0 && ATTENTION.includes(state),
  );

  if (error) {
    return (
      <div className="inbox-summary inbox-summary--error" role="alert">
        <span>The cases could not be loaded: {error}</span>
        <button type="button" className="button" onClick={refresh}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p className="inbox-summary" role="status">
      {loading || total === null ? (
        'Loading cases…'
      ) : (
        <>
          <span className="inbox-count">
            {formatCount(total)}
            {counts && counts.total !== total ? ` of ${formatCount(counts.total)}` : ''}{' '}
            {total === 1 ? 'case' : 'cases'}
          </span>
          {attention.length > 0 && (
            <span className="inbox-attention">
              {attention
                .map(([state, n]) => `${formatCount(n)} open ${humanize(state).toLowerCase()}`)
                .join(' · ')}
            </span>
          )}
          <span className="inbox-sort">sorted by SLA due time</span>
        </>
      )}
    </p>
  );
}
