// xConnector's own status words and the normalised status each one means on the desk. A word missing
// here is not guessed: transactions carrying it are quarantined until it is mapped.
import { useRef } from 'react';
import { errorsAt, NORMALISED_STATUSES, PATHS, type StatusMappingRow } from '../lib/settingsForm.ts';
import { humanize } from '../lib/formatting.ts';
import type { SectionProps } from './sectionProps.ts';
import { ErrorList } from './fields.tsx';

export function StatusMappingEditor({ form, errors, edit }: SectionProps) {
  const rows = form.statusRows;
  const tableErrors = errorsAt(errors, PATHS.statusMapping);
  const nextId = useRef(rows.reduce((n, r) => Math.max(n, r.id + 1), 0));
  const focusWordOf = useRef<number | null>(null);

  const change = (id: number, patch: Partial<StatusMappingRow>) =>
    edit({ statusRows: rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
  const remove = (id: number) => edit({ statusRows: rows.filter((r) => r.id !== id) });
  const add = () => {
    const id = nextId.current++;
    focusWordOf.current = id;
    edit({ statusRows: [...rows, { id, word: '', status: 'pending' }] });
  };

  return (
    <fieldset className="settings-section" aria-describedby="status-mapping-help status-mapping-errors">
      <legend>Status mapping</legend>
      <p id="status-mapping-help" className="hint">
        Each xConnector status word and the status it means here. Transactions with a word that is not listed
        are quarantined until it is mapped.
      </p>
      <ErrorList id="status-mapping-errors" errors={tableErrors} />
      <table className="mapping-table">
        <thead>
          <tr>
            <th scope="col">xConnector status word</th>
            <th scope="col">Means</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.id}>
              <td>
                <input
                  type="text"
                  aria-label={`xConnector status word ${i + 1}`}
                  value={row.word}
                  maxLength={64}
                  spellCheck={false}
                  aria-invalid={row.word.trim() === '' && tableErrors.length > 0 ? true : undefined}
                  ref={(el) => {
                    if (el && focusWordOf.current === row.id) {
                      focusWordOf.current = null;
                      el.focus();
                    }
                  }}
                  onChange={(e) => change(row.id, { word: e.target.value })}
                />
              </td>
              <td>
                <select
                  aria-label={`Status for ${row.word || `row ${i + 1}`}`}
                  value={row.status}
                  onChange={(e) => change(row.id, { status: e.target.value as StatusMappingRow['status'] })}
                >
                  {NORMALISED_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {humanize(s)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove mapping for ${row.word || `row ${i + 1}`}`}
                  onClick={() => remove(row.id)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={add}>
        Add status word
      </button>
    </fieldset>
  );
}
