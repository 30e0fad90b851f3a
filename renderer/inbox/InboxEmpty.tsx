// What the list says when nothing matches: with filters, how to widen them; without, where cases come from.
import { useInbox, NO_FILTERS } from '../stores/inboxStore.ts';

export function InboxEmpty() {
  const filters = useInbox((s) => s.filters);
  const setFilters = useInbox((s) => s.setFilters);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="empty-state">
      {filtered ? (
        <>
          <p>No cases match these filters.</p>
          <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        </>
      ) : (
        <p>
          No cases yet. A case appears here when xConnector reports a shipment, invoice or order exception.
        </p>
      )}
    </div>
  );
}
