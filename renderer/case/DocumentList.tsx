// The documents attached to the case, from xConnector or dropped here.
import type { CaseDocument } from '../../shared/ipc/dto.ts';
import { formatBytes, formatDateTime, humanize } from '../lib/formatting.ts';

const SOURCE: Record<CaseDocument['source'], string> = {
  xconnector: 'from xConnector',
  desk: 'added on the desk',
};

export function DocumentList({ documents }: { documents: CaseDocument[] }) {
  return (
    <section className="documents" aria-labelledby="documents-heading">
      <h3 id="documents-heading">Documents</h3>
      {documents.length === 0 ? (
        <p className="empty-state">No documents on this case yet.</p>
      ) : (
        <ul className="document-list" aria-label="Documents">
          {documents.map((d) => (
            <li key={d.id} className={`document document--${d.state}`}>
              <span className="document-name">{d.originalName || d.name}</span>
              <span className="document-meta">
                {formatBytes(d.sizeBytes)} · {SOURCE[d.source] ?? d.source} ·{' '}
                {d.state === 'attached' ? `attached ${formatDateTime(d.attachedAt)}` : humanize(d.state)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
