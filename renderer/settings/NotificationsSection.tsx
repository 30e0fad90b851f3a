// Which events raise a desktop notification, how many may appear in a burst, and the quiet hours during
// which they wait silently.
import { errorsAt, PATHS } from '../lib/settingsForm.ts';
import { CheckboxField, FormField } from './FormField.tsx';
import type { SectionProps } from './sectionProps.ts';

export function NotificationsSection({ form, errors, edit }: SectionProps) {
  const off = !form.notificationsEnabled;
  return (
    <fieldset className="settings-section">
      <legend>Notifications</legend>
      <CheckboxField
        label="Show desktop notifications"
        checked={form.notificationsEnabled}
        onChange={(notificationsEnabled) => edit({ notificationsEnabled })}
      />
      <fieldset className="settings-subsection" disabled={off}>
        <legend>Notify me about</legend>
        <CheckboxField
          label="Failed transactions"
          checked={form.notifyTransactionFailed}
          onChange={(notifyTransactionFailed) => edit({ notifyTransactionFailed })}
        />
        <CheckboxField
          label="SLA warnings"
          checked={form.notifySlaWarning}
          onChange={(notifySlaWarning) => edit({ notifySlaWarning })}
        />
        <CheckboxField
          label="SLA breaches"
          checked={form.notifySlaBreach}
          onChange={(notifySlaBreach) => edit({ notifySlaBreach })}
        />
      </fieldset>
      <fieldset className="settings-subsection" disabled={off}>
        <legend>Bursts</legend>
        <div className="field-row">
          <FormField label="At most this many notifications" errors={errorsAt(errors, PATHS.throttleMax)}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={1}
                max={50}
                step={1}
                value={form.throttleMaxPerWindow}
                onChange={(e) => edit({ throttleMaxPerWindow: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            label="Per period of (seconds)"
            hint="More than that are folded into one summary."
            errors={errorsAt(errors, PATHS.throttleWindow)}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={10}
                max={3600}
                step={1}
                value={form.throttleWindowSeconds}
                onChange={(e) => edit({ throttleWindowSeconds: e.target.value })}
              />
            )}
          </FormField>
        </div>
      </fieldset>
      <fieldset className="settings-subsection" disabled={off}>
        <legend>Quiet hours</legend>
        <CheckboxField
          label="Hold notifications during quiet hours"
          checked={form.quietEnabled}
          onChange={(quietEnabled) => edit({ quietEnabled })}
        />
        <div className="field-row">
          <FormField label="Quiet from" errors={errorsAt(errors, PATHS.quietStart)}>
            {(p) => (
              <input
                {...p}
                type="time"
                disabled={!form.quietEnabled}
                value={form.quietStart}
                onChange={(e) => edit({ quietStart: e.target.value })}
              />
            )}
          </FormField>
          <FormField label="Quiet until" errors={errorsAt(errors, PATHS.quietEnd)}>
            {(p) => (
              <input
                {...p}
                type="time"
                disabled={!form.quietEnabled}
                value={form.quietEnd}
                onChange={(e) => edit({ quietEnd: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            label="Time zone"
            hint="An IANA name, e.g. Europe/Berlin."
            errors={errorsAt(errors, PATHS.quietTimeZone)}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                disabled={!form.quietEnabled}
                spellCheck={false}
                value={form.quietTimeZone}
                onChange={(e) => edit({ quietTimeZone: e.target.value })}
              />
            )}
          </FormField>
        </div>
      </fieldset>
    </fieldset>
  );
}
