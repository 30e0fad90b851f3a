// How often each system is asked for changes. A poll only reads what changed since the last one, so a
// short interval costs little; Trading Grid's rate limits argue for a longer one there.
import { errorsAt, PATHS } from '../lib/settingsForm.ts';
import { FormField } from './FormField.tsx';
import type { SectionProps } from './sectionProps.ts';

export function PollSection({ form, errors, edit }: SectionProps) {
  return (
    <fieldset className="settings-section">
      <legend>Polling</legend>
      <div className="field-row">
        <FormField
          label="xConnector poll interval (seconds)"
          hint="Between 0.25 and 3600."
          errors={errorsAt(errors, PATHS.xconnectorPoll)}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={0.25}
              max={3600}
              step="any"
              inputMode="decimal"
              value={form.xconnectorPollSeconds}
              onChange={(e) => edit({ xconnectorPollSeconds: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          label="Trading Grid poll interval (seconds)"
          hint="Between 0.25 and 3600."
          errors={errorsAt(errors, PATHS.tradingGridPoll)}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={0.25}
              max={3600}
              step="any"
              inputMode="decimal"
              value={form.tradingGridPollSeconds}
              onChange={(e) => edit({ tradingGridPollSeconds: e.target.value })}
            />
          )}
        </FormField>
      </div>
    </fieldset>
  );
}
