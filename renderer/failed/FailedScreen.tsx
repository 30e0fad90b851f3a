// Failed transactions: what failed, for which partner, and why, in words a person understands; the raw
// acknowledgment segment is one click away for those who read EDI.
import { useEffect, useId } from 'react';
import { useFailed } from '../stores/failedStore.ts';
import { usePartners } from '../stores/partnersStore.ts';
import { useRoute } from '../stores/routeStore.ts';
import { formatCount } from '../lib/formatting.ts';
import { FailedTransactionItem } from './FailedTransactionItem.tsx';

export function FailedScreen() {
  const { partnerId, items, total, loading, error } = useFailed();
  const setPartner = useFailed((s) => s.setPartner);
  const load = useFailed((s) => s.load);
  const loadMore = useFailed((s) => s.loadMore);
  const partners = usePartners((s) => s.partners);
  const focusId = useRoute((s) => s.transactionId);
  const selectId = useId();

  useEffect(() => {
    void load();
  }, [load]);

  // A notification pointed at one transaction: bring it into view once it is listed.
  useEffect(() => {
    if (!focusId) return;
    const element = document.getElementById(`tx-${focusId}`);
    if (element) {
      element.scrollIntoView({ block: 'start' });
      element.focus({ preventScroll: true });
    }
  }, [focusId, items]);

  const partnerKnown = !partnerId || partners.some((p) => p.id === partnerId);
  const focusMissing = focusId !== null && total !== null && !loading && !items.some((t) => t.id === focusId);

  return (
    <section className="failed-screen" aria-labelledby="failed-heading">
      <h2 id="failed-heading" tabIndex={-1}>
        Failed transactions
      </h2>
      <div className="toolbar">
        <div className="filter">
          <label className="filter-label" htmlFor={selectId}>
            Partner
          </label>
          <select id={selectId} value={partnerId} onChange={(e) => setPartner(e.target.value)}>
            <option value="">All partners</option>
            {!partnerKnown && <option value={partnerId}>{partnerId}</option>}
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <p className="toolbar-status" role="status">
          {total === null
            ? 'Loading failed transactions…'
            : `${formatCount(total)} failed ${total === 1 ? 'transaction' : 'transactions'}`}
        </p>
      </div>
      {error && (
        <div role="alert" className="inline-error">
          The failed transactions could not be loaded: {error}{' '}
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {focusMissing && (
        <p className="hint">Transaction {focusId} is not failing any more, or is further down the list.</p>
      )}
      {total === 0 && !error && (
        <p className="empty-state">
          {partnerId
            ? 'No failed transactions for this partner.'
            : 'No failed transactions. Everything went through.'}
        </p>
      )}
      {items.length > 0 && (
        <ul className="failed-list" aria-label="Failed transactions">
          {items.map((t) => (
            <FailedTransactionItem key={t.id} transaction={t} highlighted={t.id === focusId} />
          ))}
        </ul>
      )}
      {total !== null && items.length < total && (
        <button type="button" className="button" disabled={loading} onClick={() => void loadMore()}>
          {loading ? 'Loading…' : `Show more (${formatCount(total - items.length)} not shown)`}
        </button>
      )}
    </section>
  );
}
