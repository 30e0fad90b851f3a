// The inbox filters: partner, status, SLA state, type (each option with its count) and a text search
// that waits for the person to pause typing before it asks the engine.
import { useEffect, useId, useState, type RefObject } from 'react';
import { useInbox, NO_FILTERS, type InboxFilters as Filters } from '../stores/inboxStore.ts';
import { useCounts } from '../stores/countsStore.ts';
import { usePartners } from '../stores/partnersStore.ts';
import { formatCount, humanize } from '../lib/formatting.ts';

const SEARCH_DELAY_MS = 250;

interface CountedSelectProps {
  label: string;
  allLabel: string;
  value: string;
  counts: Record<string, number> | undefined;
  onChange(value: string): void;
}

function CountedSelect({ label, allLabel, value, counts, onChange }: CountedSelectProps) {
  const entries = Object.entries(counts ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (value && !entries.some(([k]) => k === value)) entries.push([value, 0]);
  const total = entries.reduce((n, [, c]) => n + c, 0);
  const id = useId();
  return (
    <div className="filter">
      <label className="filter-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">
          {allLabel} ({formatCount(total)})
        </option>
        {entries.map(([key, count]) => (
          <option key={key} value={key}>
            {humanize(key)} ({formatCount(count)})
          </option>
        ))}
      </select>
    </div>
  );
}

export function InboxFilters({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const filters = useInbox((s) => s.filters);
  const setFilters = useInbox((s) => s.setFilters);
  const counts = useCounts((s) => s.cases);
  const partners = usePartners((s) => s.partners);
  const [text, setText] = useState(filters.text);
  const searchId = useId();
  const partnerId = useId();

  // A navigation or "Clear filters" can change the search from outside: show it.
  useEffect(() => setText(filters.text), [filters]);

  useEffect(() => {
    if (text === useInbox.getState().filters.text) return;
    const timer = setTimeout(() => setFilters({ text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, setFilters]);

  const set = (change: Partial<Filters>) => setFilters(change);
  const partnerKnown = !filters.partnerId || partners.some((p) => p.id === filters.partnerId);
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <div className="inbox-filters" role="group" aria-label="Filter cases">
      <div className="filter filter--search">
        <label className="filter-label" htmlFor={searchId}>
          Search cases
        </label>
        <input
          id={searchId}
          ref={searchRef}
          type="search"
          placeholder="Title, partner, reference…  ( / )"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setFilters({ text });
            if (e.key === 'Escape' && text) {
              e.preventDefault();
              setText('');
            }
          }}
        />
      </div>
      <div className="filter">
        <label className="filter-label" htmlFor={partnerId}>
          Partner
        </label>
        <select id={partnerId} value={filters.partnerId} onChange={(e) => set({ partnerId: e.target.value })}>
          <option value="">All partners</option>
          {!partnerKnown && <option value={filters.partnerId}>{filters.partnerId}</option>}
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <CountedSelect
        label="Status"
        allLabel="All statuses"
        value={filters.status}
        counts={counts?.byStatus}
        onChange={(status) => set({ status })}
      />
      <CountedSelect
        label="SLA state"
        allLabel="All SLA states"
        value={filters.slaState}
        counts={counts?.bySlaState}
        onChange={(slaState) => set({ slaState })}
      />
      <CountedSelect
        label="Type"
        allLabel="All types"
        value={filters.type}
        counts={counts?.byType}
        onChange={(type) => set({ type })}
      />
      {active && (
        <button type="button" className="button button--quiet" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
