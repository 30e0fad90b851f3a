// How often each system is asked for changes. A poll only reads what changed since the last one, so a
// short interval costs little; Trading Grid's rate limits argue for a longer one there.
import { errorsAt, PATHS } from '../lib/settingsForm.ts';
import { NumberField } from './fields.tsx';
import type { SectionProps } from './sectionProps.ts';

export function PollSection({ form, errors, edit }: SectionProps) {
  return (
    <fieldset className="settings-section">
      <legend>Polling</legend>
      <div className="field-row">
        <NumberField
          label="xConnector poll interval (seconds)"
          hint="Between 0.25 and 3600."
          errors={errorsAt(errors, PATHS.xconnectorPoll)}
          min={0.25}
          max={3600}
          step="any"
          value={form.xconnectorPollSeconds}
          onChange={(xconnectorPollSeconds) => edit({ xconnectorPollSeconds })}
        />
        <NumberField
          label="Trading Grid poll interval (seconds)"
          hint="Between 0.25 and 3600."
          errors={errorsAt(errors, PATHS.tradingGridPoll)}
          min={0.25}
          max={3600}
          step="any"
          value={form.tradingGridPollSeconds}
          onChange={(tradingGridPollSeconds) => edit({ tradingGridPollSeconds })}
        />
      </div>
    </fieldset>
  );
}
