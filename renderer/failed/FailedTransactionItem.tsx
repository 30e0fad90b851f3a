// One failed transaction: the document, partner and control number, the decoded errors in plain words,
// and each error's raw segment behind a disclosure.
import type { FailedTransactionDto } from '../../shared/ipc/dto.ts';
import { formatDateTime, humanize, toIsoString } from '../lib/formatting.ts';

interface Props {
  transaction: FailedTransactionDto;
  highlighted: boolean;
}

export function FailedTransactionItem({ transaction: t, highlighted }: Props) {
  const headingId = `tx-${t.id}-heading`;
  return (
    <li>
      <article
        id={`tx-${t.id}`}
        tabIndex={-1}
        className={`failed-item${highlighted ? ' failed-item--highlighted' : ''}`}
        aria-labelledby={headingId}
      >
        <h3 id={headingId}>
          {t.documentLabel} <span className="control-number">#{t.controlNumber}</span>
        </h3>
        <dl className="failed-facts">
          <div>
            <dt>Partner</dt>
            <dd>{t.partnerName}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`chip chip--status chip--${t.status}`}>{humanize(t.status)}</span>{' '}
              <span className="raw-status">({t.rawStatus})</span>
            </dd>
          </div>
          <div>
            <dt>Document</dt>
            <dd>
              {t.standard} {t.documentType}, {t.direction}
            </dd>
          </div>
          <div>
            <dt>Updated</dt>
            <dd>
              <time dateTime={toIsoString(t.updatedAt)}>{formatDateTime(t.updatedAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Transaction</dt>
            <dd>{t.id}</dd>
          </div>
        </dl>
        {t.errorSummary && <p className="failed-summary">{t.errorSummary}</p>}
        {t.errors.length > 0 && (
          <ol className="decoded-errors" aria-label={`Errors in ${t.documentLabel} #${t.controlNumber}`}>
            {t.errors.map((e, i) => (
              <li key={i} className={`decoded-error${e.known ? '' : ' decoded-error--unknown'}`}>
                <p className="decoded-error-summary">{e.summary}</p>
                {e.explanation && <p className="decoded-error-explanation">{e.explanation}</p>}
                <p className="decoded-error-code">
                  {e.source} {e.level} code {e.code}
                  {e.codeList ? ` (${e.codeList})` : ''}
                  {e.known ? '' : ' — not a code we know; shown as sent'}
                </p>
                {e.raw && (
                  <details className="raw-segment">
                    <summary>Show raw segment</summary>
                    <pre>{e.raw}</pre>
                  </details>
                )}
              </li>
            ))}
          </ol>
        )}
      </article>
    </li>
  );
}
