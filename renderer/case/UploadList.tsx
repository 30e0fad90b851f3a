// The files dropped on this case and what became of each: a progress bar while it uploads, "Attached"
// when Trading Grid holds it, "Refused: <reason>" when it cannot be taken (type, size, duplicate).
import { useCase } from '../stores/caseStore.ts';
import { formatBytes } from '../lib/formatting.ts';
import { isFinished, uploadFraction, uploadStatusText, type UploadRow } from '../lib/uploadRows.ts';

const NO_ROWS: UploadRow[] = [];

function summary(rows: readonly UploadRow[]): string {
  const attached = rows.filter((r) => r.state === 'attached').length;
  const refused = rows.filter((r) => r.state === 'refused' || r.state === 'duplicate').length;
  const failed = rows.filter((r) => r.state === 'failed').length;
  const going = rows.filter((r) => !isFinished(r)).length;
  const parts = [
    going > 0 && `${going} uploading`,
    attached > 0 && `${attached} attached`,
    refused > 0 && `${refused} refused`,
    failed > 0 && `${failed} failed`,
  ].filter(Boolean);
  return parts.join(', ');
}

export function UploadList({ caseId }: { caseId: string }) {
  const rows = useCase((s) => s.uploadsByCase[caseId] ?? NO_ROWS);
  if (rows.length === 0) return null;
  return (
    <section className="uploads" aria-labelledby="uploads-heading">
      <h3 id="uploads-heading">Uploads</h3>
      <p className="uploads-summary" role="status">
        {summary(rows)}
      </p>
      <ul className="upload-list" aria-label="Uploads">
        {rows.map((row) => {
          const fraction = uploadFraction(row);
          const refused = row.state === 'refused' || row.state === 'duplicate' || row.state === 'failed';
          return (
            <li key={row.key} className={`upload upload--${row.state}`}>
              <span className="upload-name">{row.name}</span>
              {row.totalBytes > 0 && <span className="upload-size">{formatBytes(row.totalBytes)}</span>}
              {!refused && (
                <progress
                  className="upload-progress"
                  aria-label={`Upload of ${row.name}`}
                  max={1}
                  {...(fraction === null ? {} : { value: fraction })}
                />
              )}
              <span className="upload-status">{uploadStatusText(row)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
