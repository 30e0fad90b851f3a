// Secrets go one way: from this field to the system keychain. The window never reads one back; it only
// knows whether one is stored. The field is not kept in any store and is cleared once the secret is saved.
import { useRef, useState, type FormEvent } from 'react';
import { useSettings, type CredentialName } from '../stores/settingsStore.ts';
import { FormField } from './FormField.tsx';

const CREDENTIALS: { name: CredentialName; label: string; hint: string }[] = [
  {
    name: 'xconnector.apiKey',
    label: 'xConnector API key',
    hint: 'Issued by your xConnector administrator.',
  },
  {
    name: 'tradingGrid.clientSecret',
    label: 'Trading Grid client secret',
    hint: 'The secret of the Trading Grid client ID above.',
  },
];

function CredentialForm({
  name,
  label,
  hint,
  stored,
}: {
  name: CredentialName;
  label: string;
  hint: string;
  stored: boolean;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const outcome = useSettings((s) => s.credentialOutcome[name]);
  const setCredential = useSettings((s) => s.setCredential);
  const clearOutcome = useSettings((s) => s.clearCredentialOutcome);

  // One state at a time: a new attempt (or a new value being typed) replaces what the last one said.
  const startOver = () => {
    setProblem(null);
    clearOutcome(name);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputRef.current;
    if (!input) return;
    startOver();
    if (input.value.length === 0) {
      setProblem(`Type the ${label} to store it.`);
      return;
    }
    if (input.value.length > 4096) {
      setProblem('That is longer than any key we know of (4096 characters at most).');
      return;
    }
    setSaving(true);
    const ok = await setCredential(name, input.value);
    setSaving(false);
    if (ok) input.value = '';
  };

  return (
    <form className="credential" aria-label={label} onSubmit={submit} autoComplete="off">
      <FormField label={label} hint={hint} errors={problem ? [problem] : []}>
        {(p) => (
          <input
            {...p}
            ref={inputRef}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            onInput={startOver}
          />
        )}
      </FormField>
      <p className={`credential-state${stored ? ' credential-state--stored' : ''}`}>
        {stored ? 'stored ✓' : 'not stored'}
      </p>
      <button type="submit" className="button" disabled={saving}>
        {saving ? 'Storing…' : stored ? 'Replace in keychain' : 'Store in keychain'}
      </button>
      <p
        role="status"
        className={`outcome${outcome ? (outcome.ok ? ' outcome--ok' : ' outcome--error') : ''}`}
      >
        {outcome ? (outcome.ok ? 'Stored in the system keychain.' : `Not stored: ${outcome.message}`) : ''}
      </p>
    </form>
  );
}

export function CredentialsSection({ stored }: { stored: Record<CredentialName, boolean> }) {
  return (
    <section className="settings-section" aria-labelledby="credentials-heading">
      <h3 id="credentials-heading">Credentials</h3>
      <p className="hint">
        Kept in the system keychain, never in the settings file. Stored secrets are never shown again.
      </p>
      {CREDENTIALS.map((c) => (
        <CredentialForm key={c.name} {...c} stored={stored[c.name] ?? false} />
      ))}
    </section>
  );
}
