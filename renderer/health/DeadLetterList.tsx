// Writes the outbox gave up on after all its attempts. Retry puts one back in the queue; Discard drops it
// for good, so it asks first.
import { useState } from 'react';
import { useHealth } from '../stores/healthStore.ts';
import { formatDateTime } from '../lib/formatting.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { DeadLetterDto } from '../../shared/ipc/dto.ts';

export function DeadLetterList() {
  const deadLetters = useHealth((s) => s.deadLetters);
  const busy = useHealth((s) => s.busy);
  const { retry, discard } = useHealth.getState();
  const [confirming, setConfirming] = useState<DeadLetterDto | null>(null);

  return (
    <section className="dead-letters" aria-labelledby="dead-heading">
      <h3 id="dead-heading">Dead letters</h3>
      {deadLetters.length === 0 ? (
        <p className="empty-state">
          No failed writes: everything the desk had to write has been delivered or is on its way.
        </p>
      ) : (
        <table className="dead-letter-table">
          <caption className="visually-hidden">Writes that could not be delivered</caption>
          <thead>
            <tr>
              <th scope="col">Write</th>
              <th scope="col">System</th>
              <th scope="col">Reference</th>
              <th scope="col">Attempts</th>
              <th scope="col">Why it failed</th>
              <th scope="col">Last attempt</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deadLetters.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  #{d.id} {d.operation}
                </th>
                <td>{d.system}</td>
                <td className="mono">{d.correlationRef}</td>
                <td>{d.attempts}</td>
                <td className="dead-reason">{d.reason}</td>
                <td>{formatDateTime(d.updatedAt)}</td>
                <td className="actions">
                  <div className="actions-buttons">
                    <button
                      type="button"
                      className="button"
                      aria-label={`Retry write #${d.id}`}
                      disabled={busy !== null}
                      onClick={() => void retry(d.id)}
                    >
                      Retry
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      aria-label={`Discard write #${d.id}`}
                      disabled={busy !== null}
                      onClick={() => setConfirming(d)}
                    >
                      Discard
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Discard write #${confirming.id}?`}
          confirmLabel="Discard write"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const id = confirming.id;
            setConfirming(null);
            void discard(id);
          }}
        >
          <p>
            “{confirming.operation}” to {confirming.system} ({confirming.correlationRef}) will never be
            delivered. This cannot be undone. If the remote system was only down for a while, Retry is usually
            the better choice.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
