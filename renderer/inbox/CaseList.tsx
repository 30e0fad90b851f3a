// The virtualised case list. It renders only the rows in view (plus a few either side) and tells the
// inbox store which rows those are, so pages are fetched as the person scrolls. With 100,000 cases the
// DOM holds a few dozen rows. Keyboard: ↑/↓ move, PgUp/PgDn jump a screen, Home/End, Enter opens.
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useInbox } from '../stores/inboxStore.ts';
import { useRoute } from '../stores/routeStore.ts';
import { rowAt } from '../lib/pageWindow.ts';
import { useNow } from '../app/useNow.ts';
import { CaseRow } from './CaseRow.tsx';
import { InboxEmpty } from './InboxEmpty.tsx';
import type { CaseSummary } from '../../shared/ipc/dto.ts';

export const ROW_HEIGHT = 76;

export function CaseList() {
  const total = useInbox((s) => s.total);
  const pages = useInbox((s) => s.pages);
  const selectedIndex = useInbox((s) => s.selectedIndex);
  const select = useInbox((s) => s.select);
  const setRange = useInbox((s) => s.setRange);
  const generation = useInbox((s) => s.generation);
  const openCaseId = useRoute((s) => s.caseId);
  const openCase = useRoute((s) => s.openCase);
  const now = useNow(30_000);

  const scrollerRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const count = total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) setRange({ start: first, end: last });
  }, [first, last, count, setRange]);

  // A new query starts at the top.
  const filters = useInbox((s) => s.filters);
  useEffect(() => {
    scrollerRef.current?.scrollTo({ top: 0 });
  }, [filters]);

  // After a keyboard move, focus the newly selected row once it is rendered.
  useEffect(() => {
    if (!focusPending.current) return;
    const button = scrollerRef.current?.querySelector<HTMLButtonElement>(
      `button[data-index="${selectedIndex}"]`,
    );
    if (button) {
      focusPending.current = false;
      button.focus({ preventScroll: true });
    }
  }, [selectedIndex, first, last, generation]);

  const moveTo = useCallback(
    (index: number) => {
      if (count === 0) return;
      const target = Math.max(0, Math.min(count - 1, index));
      select(target);
      focusPending.current = true;
      virtualizer.scrollToIndex(target, { align: 'auto' });
    },
    [count, select, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const perScreen = Math.max(1, last - first - 1);
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex - 1,
      PageDown: selectedIndex + perScreen,
      PageUp: selectedIndex - perScreen,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const onOpen = useCallback(
    (index: number, row: CaseSummary) => {
      select(index);
      openCase(row.id);
    },
    [select, openCase],
  );

  if (total === 0) return <InboxEmpty />;

  // When the selected row is scrolled away (and so not rendered), the list itself takes Tab focus and
  // hands it to the selected row.
  const selectedRendered = selectedIndex >= first && selectedIndex <= last;
  return (
    <div
      ref={scrollerRef}
      className="case-list-scroller"
      tabIndex={selectedRendered && count > 0 ? -1 : 0}
      aria-label={selectedRendered ? undefined : 'Case list'}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && count > 0) moveTo(selectedIndex);
      }}
    >
      <div
        role="list"
        aria-label="Cases"
        aria-busy={total === null}
        className="case-list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => (
          <CaseRow
            key={item.key}
            index={item.index}
            setSize={count}
            start={item.start}
            row={rowAt(pages, item.index)}
            selected={item.index === selectedIndex}
            open={openCaseId !== null && rowAt(pages, item.index)?.id === openCaseId}
            now={now}
            onOpen={onOpen}
            onSelect={select}
          />
        ))}
      </div>
    </div>
  );
}
