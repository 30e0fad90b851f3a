// The inbox: filters and the case list on the left, the open case beside it. "/" anywhere on the screen
// jumps to the search box, as in most desk tools.
import { useEffect, useRef } from 'react';
import { useRoute } from '../stores/routeStore.ts';
import { InboxFilters } from './InboxFilters.tsx';
import { InboxSummary } from './InboxSummary.tsx';
import { CaseList } from './CaseList.tsx';
import { CaseView } from '../case/CaseView.tsx';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function InboxScreen() {
  const caseId = useRoute((s) => s.caseId);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className={`inbox-layout${caseId ? ' inbox-layout--with-case' : ''}`}>
      <section className="inbox-pane" aria-labelledby="inbox-heading">
        <h2 id="inbox-heading" tabIndex={-1}>
          Inbox
        </h2>
        <InboxFilters searchRef={searchRef} />
        <InboxSummary />
        <CaseList />
      </section>
      {caseId && <CaseView key={caseId} caseId={caseId} />}
    </div>
  );
}
