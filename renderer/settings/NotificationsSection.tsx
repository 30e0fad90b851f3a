// Which events raise a desktop notification, how many may appear in a burst, and the quiet hours during
// which they wait silently.
import { errorsAt, PATHS } from '../lib/settingsForm.ts';
import { CheckboxField } from './FormField.tsx';
import { NumberField, TextField } from './fields.tsx';
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
          <NumberField
            label="At most this many notifications"
            errors={errorsAt(errors, PATHS.throttleMax)}
            min={1}
            max={50}
            value={form.throttleMaxPerWindow}
            onChange={(throttleMaxPerWindow) => edit({ throttleMaxPerWindow })}
          />
          <NumberField
            label="Per period of (seconds)"
            hint="More than that are folded into one summary."
            errors={errorsAt(errors, PATHS.throttleWindow)}
            min={10}
            max={3600}
            value={form.throttleWindowSeconds}
            onChange={(throttleWindowSeconds) => edit({ throttleWindowSeconds })}
          />
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
          <TextField
            label="Quiet from"
            errors={errorsAt(errors, PATHS.quietStart)}
            type="time"
            disabled={!form.quietEnabled}
            value={form.quietStart}
            onChange={(quietStart) => edit({ quietStart })}
          />
          <TextField
            label="Quiet until"
            errors={errorsAt(errors, PATHS.quietEnd)}
            type="time"
            disabled={!form.quietEnabled}
            value={form.quietEnd}
            onChange={(quietEnd) => edit({ quietEnd })}
          />
          <TextField
            label="Time zone"
            hint="An IANA name, e.g. Europe/Berlin."
            errors={errorsAt(errors, PATHS.quietTimeZone)}
            disabled={!form.quietEnabled}
            value={form.quietTimeZone}
            onChange={(quietTimeZone) => edit({ quietTimeZone })}
          />
        </div>
      </fieldset>
    </fieldset>
  );
}
