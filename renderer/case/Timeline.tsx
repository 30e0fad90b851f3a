// What happened on the case, oldest first: comments from the partner and from us, status changes,
// escalations, conflicts. Each kind and each side has its own mark, so they are told apart at a glance
// (and by words, for those who do not see the colours).
import type { CaseTimelineEvent } from '../../shared/ipc/dto.ts';
import { formatDateTime, toIsoString } from '../lib/formatting.ts';
import { kindLabel, originLabel, visibleDetail } from '../lib/timelinePresentation.ts';

export function Timeline({ events }: { events: CaseTimelineEvent[] }) {
  return (
    <section className="timeline-section" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Timeline</h3>
      {events.length === 0 ? (
        <p className="empty-state">Nothing has happened on this case yet.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline">
          {events.map((e) => {
            const detail = visibleDetail(e);
            return (
              <li key={e.id} className={`tl tl--${e.kind} tl--from-${e.origin}`}>
                <div className="tl-head">
                  <span className="tl-kind">{kindLabel(e.kind)}</span>
                  <span className="tl-origin">{originLabel(e.origin)}</span>
                  <time dateTime={toIsoString(e.at)}>{formatDateTime(e.at)}</time>
                </div>
                <p className="tl-summary">{e.summary}</p>
                {detail.length > 0 && (
                  <dl className="tl-detail">
                    {detail.map(([k, v]) => (
                      <div key={k}>
                        <dt>{k}</dt>
                        <dd>{v}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
