// One row of the inbox. Only rows in view exist in the DOM; each is positioned by the virtual list.
// The row is a button so a click or Enter opens the case; the selected row is the one Tab reaches.
import { memo, type ReactNode } from 'react';
import type { CaseSummary } from '../../shared/ipc/dto.ts';
import { humanize } from '../lib/formatting.ts';
import { slaCountdown } from '../lib/slaCountdown.ts';

interface CaseRowProps {
  index: number;
  setSize: number;
  start: number;
  row: CaseSummary | undefined;
  selected: boolean;
  open: boolean;
  now: number;
  onOpen(index: number, row: CaseSummary): void;
  onSelect(index: number): void;
}

/** Memoised: while the list scrolls, rows already on screen keep their props and are not rendered again. */
export const CaseRow = memo(function CaseRow({
  index,
  setSize,
  start,
  row,
  selected,
  open,
  now,
  onOpen,
  onSelect,
}: CaseRowProps) {
  if (!row) {
    return (
      <RowSlot index={index} setSize={setSize} start={start}>
        <button
          type="button"
          data-index={index}
          className={`case-row case-row--loading${selected ? ' case-row--selected' : ''}`}
          tabIndex={selected ? 0 : -1}
          onFocus={() => onSelect(index)}
          aria-busy="true"
        >
          <span className="case-row-title">Loading case {index + 1}…</span>
        </button>
      </RowSlot>
    );
  }
  const sla = slaCountdown(row.slaDueAt, now, row.slaState);
  const showState = row.slaDueAt !== null && (row.slaState === 'warning' || row.slaState === 'breached');
  return (
    <RowSlot index={index} setSize={setSize} start={start}>
      <button
        type="button"
        data-index={index}
        className={`case-row${selected ? ' case-row--selected' : ''}${open ? ' case-row--open' : ''}`}
        tabIndex={selected ? 0 : -1}
        aria-current={open ? 'true' : undefined}
        onFocus={() => onSelect(index)}
        onClick={() => onOpen(index, row)}
      >
        <span className="case-row-title">{row.title}</span>
        <span className="case-row-meta">
          <span className="case-row-partner">{row.partnerName}</span>
          <span className={`chip chip--status chip--${row.status}`}>{humanize(row.status)}</span>
          <span className={`chip chip--priority-${row.priority}`}>{humanize(row.priority)}</span>
          <span className="case-row-type">{humanize(row.type)}</span>
        </span>
        <span className={`case-row-sla sla--${sla.tone} sla-state--${row.slaState}`}>
          <span className="visually-hidden">SLA: </span>
          {showState ? `${humanize(row.slaState)} · ` : ''}
          {sla.text}
        </span>
      </button>
    </RowSlot>
  );
});

/** The list item the virtual list positions; a loaded row and a placeholder share it. */
function RowSlot({
  index,
  setSize,
  start,
  children,
}: {
  index: number;
  setSize: number;
  start: number;
  children: ReactNode;
}) {
  // React writes this through the CSSOM (element.style), which a style-src 'self' CSP allows.
  const position = { transform: `translateY(${start}px)` };
  return (
    <div
      role="listitem"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="case-row-slot"
      style={position}
    >
      {children}
    </div>
  );
}
