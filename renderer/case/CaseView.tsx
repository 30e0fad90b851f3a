// One case beside the inbox: what it is, its SLA, what happened on it (from both sides), its documents
// with the drop zone, and the reply box. Loaded when opened and reloaded when the engine says it changed.
import { useEffect } from 'react';
import { useCase } from '../stores/caseStore.ts';
import { useRoute } from '../stores/routeStore.ts';
import { CaseHeader } from './CaseHeader.tsx';
import { Timeline } from './Timeline.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { DocumentList } from './DocumentList.tsx';
import { DropZone } from './DropZone.tsx';
import { UploadList } from './UploadList.tsx';

export function CaseView({ caseId }: { caseId: string }) {
  const open = useCase((s) => s.open);
  const detail = useCase((s) => s.detail);
  const loading = useCase((s) => s.loading);
  const error = useCase((s) => s.error);
  const closeCase = useRoute((s) => s.openCase);

  useEffect(() => {
    open(caseId);
  }, [caseId, open]);

  const close = (
    <button type="button" className="button button--quiet case-close" onClick={() => closeCase(null)}>
      Close case
    </button>
  );

  if (error || loading || !detail) {
    return (
      <section className="case-pane" aria-label="Case">
        {close}
        {error ? (
          <p role="alert" className="case-message case-message--error">
            {error}
          </p>
        ) : (
          <p role="status" className="case-message">
            Loading case…
          </p>
        )}
      </section>
    );
  }

  return (
    <section className="case-pane" aria-labelledby="case-title">
      {close}
      <CaseHeader detail={detail} />
      <div className="case-columns">
        <div className="case-main">
          <Timeline events={detail.timeline} />
          <ReplyBox />
        </div>
        <aside className="case-side" aria-label="Documents and uploads">
          <DropZone />
          <UploadList caseId={caseId} />
          <DocumentList documents={detail.documents} />
        </aside>
      </div>
    </section>
  );
}
