// The case's title and facts: partner, status, priority, type, SLA countdown and the linked records.
import type { CaseDetail } from '../../shared/ipc/dto.ts';
import { humanize } from '../lib/formatting.ts';
import { SlaCountdown } from './SlaCountdown.tsx';

export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const c = detail.summary;
  return (
    <header className="case-header">
      <h2 id="case-title" tabIndex={-1}>
        {c.title}
      </h2>
      <dl className="case-facts">
        <div>
          <dt>Partner</dt>
          <dd>{c.partnerName}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`chip chip--status chip--${c.status}`}>{humanize(c.status)}</span>
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>
            <span className={`chip chip--priority-${c.priority}`}>{humanize(c.priority)}</span>
          </dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{humanize(c.type)}</dd>
        </div>
        <div>
          <dt>SLA</dt>
          <dd>
            <SlaCountdown dueAt={c.slaDueAt} state={c.slaState} />
          </dd>
        </div>
        <div>
          <dt>Trading Grid issue</dt>
          <dd>{c.tgIssueId ?? 'not created yet'}</dd>
        </div>
        {c.exceptionId && (
          <div>
            <dt>xConnector exception</dt>
            <dd>{c.exceptionId}</dd>
          </div>
        )}
      </dl>
      {detail.description && <p className="case-description">{detail.description}</p>}
    </header>
  );
}
