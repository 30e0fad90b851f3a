// Writes a comment to the partner on the Trading Grid case (`cases:reply`) and says what happened. The
// text stays in the box until the engine has taken it, so a refused reply is never lost.
import { useId, useState, type FormEvent } from 'react';
import { useCase } from '../stores/caseStore.ts';

const MAX = 10_000;

export function ReplyBox() {
  const reply = useCase((s) => s.reply);
  const sending = useCase((s) => s.replySending);
  const outcome = useCase((s) => s.replyOutcome);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '') {
      setProblem('Write a reply first.');
      return;
    }
    setProblem(null);
    if (await reply(text)) setText('');
  };

  return (
    <form className="reply" aria-label="Reply" onSubmit={submit}>
      <label htmlFor={id}>Reply to the partner</label>
      <textarea
        id={id}
        rows={3}
        value={text}
        maxLength={MAX}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      />
      <p id={`${id}-hint`} className="hint">
        Posted as a comment on the Trading Grid case. Ctrl+Enter sends.
      </p>
      {problem && (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="reply-actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send reply'}
        </button>
        {outcome &&
          (outcome.ok ? (
            <p role="status" className="outcome outcome--ok">
              Reply queued for the partner: it appears in the timeline once Trading Grid has it.
            </p>
          ) : (
            <p role="alert" className="outcome outcome--error">
              Not sent: {outcome.message}
            </p>
          ))}
      </div>
    </form>
  );
}
