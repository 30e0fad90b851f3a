// Settings: connections (with "Test connection"), credentials (write-only), poll intervals, the status
// mapping, routing rules, SLA policies, document limits, notifications and quiet hours. The form validates with the same schema the app applies on
// save, and shows the app's own field errors when it refuses.
import { useEffect, type FormEvent } from 'react';
import { useSettings } from '../stores/settingsStore.ts';
import { countErrors, unplacedErrors } from '../lib/settingsForm.ts';
import { ConnectionsSection } from './ConnectionsSection.tsx';
import { CredentialsSection } from './CredentialsSection.tsx';
import { PollSection } from './PollSection.tsx';
import { StatusMappingEditor } from './StatusMappingEditor.tsx';
import { RoutingRulesEditor } from './RoutingRulesEditor.tsx';
import { SlaSection } from './SlaSection.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { NotificationsSection } from './NotificationsSection.tsx';
import { CheckboxField } from './FormField.tsx';

export function SettingsScreen() {
  const { view, form, loadProblems, error, fieldErrors, saving, saveOutcome } = useSettings();
  const { load, save, edit } = useSettings.getState();

  useEffect(() => {
    void load();
  }, [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const general = unplacedErrors(fieldErrors);

  return (
    <section className="settings-screen" aria-labelledby="settings-heading">
      <h2 id="settings-heading" tabIndex={-1}>
        Settings
      </h2>
      {error && (
        <div role="alert" className="inline-error">
          Settings could not be read: {error}{' '}
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {view?.recovered && (
        <p role="alert" className="notice notice--warn">
          The settings file could not be used ({view.recovered.reason}). It was kept as{' '}
          <span className="mono">{view.recovered.backupPath}</span> and the desk started from default
          settings.
        </p>
      )}
      {!view && !error && <p role="status">Loading settings…</p>}

      {view && <CredentialsSection stored={view.credentialsStored} />}

      {view && !form && (
        <div className="notice notice--warn" role="alert">
          <p>These settings are in a shape this window cannot edit:</p>
          <ul>
            {loadProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      {form && (
        <form className="settings-form" aria-label="Settings" noValidate onSubmit={submit}>
          {countErrors(fieldErrors) > 0 && (
            <div className="error-summary" role="alert">
              <p>
                <strong>Settings not saved.</strong> Correct the fields marked below.
              </p>
              {general.length > 0 && (
                <ul>
                  {general.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <ConnectionsSection form={form} errors={fieldErrors} edit={edit} />
          <PollSection form={form} errors={fieldErrors} edit={edit} />
          <StatusMappingEditor form={form} errors={fieldErrors} edit={edit} />
          <RoutingRulesEditor form={form} errors={fieldErrors} edit={edit} />
          <SlaSection form={form} errors={fieldErrors} edit={edit} />
          <DocumentsSection form={form} errors={fieldErrors} edit={edit} />
          <NotificationsSection form={form} errors={fieldErrors} edit={edit} />
          <fieldset className="settings-section">
            <legend>Start-up</legend>
            <CheckboxField
              label="Start Partner Desk when I log in"
              checked={form.startAtLogin}
              onChange={(startAtLogin) => edit({ startAtLogin })}
            />
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save settings'}
            </button>
            <p
              className={`outcome${saveOutcome ? (saveOutcome.ok ? ' outcome--ok' : ' outcome--error') : ''}`}
              role="status"
            >
              {saveOutcome?.text ?? ''}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}
