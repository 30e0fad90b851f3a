// One SLA policy in the editor: which cases it covers (partners, priorities, case types), the calendar
// its targets are counted in, the first-response and resolution targets, and its own warning point.
import { useId } from 'react';
import { CheckboxField } from './FormField.tsx';
import { ErrorList, NumberField, SelectField, TextField } from './fields.tsx';
import { fieldErrorsOf, ListItemCard, type ListItemProps } from './ListItemCard.tsx';
import { humanize } from '../lib/formatting.ts';
import { policyPath, PRIORITIES, type PolicyRow } from './slaForm.ts';

const FIELDS = [
  'id',
  'match.partnerIds',
  'match.priorities',
  'match.types',
  'calendar',
  'firstResponseMinutes',
  'resolutionMinutes',
  'warningShare',
];

export function SlaPolicyFields({
  calendars,
  ...item
}: ListItemProps<PolicyRow> & {
  /** Names of the calendars defined above, for the calendar choice. */
  calendars: readonly string[];
}) {
  const { row: policy, index, change } = item;
  const path = policyPath(index);
  const ids = useId();
  const at = fieldErrorsOf(item.errors, path);
  // A policy may name a calendar that was renamed or removed: keep it selectable so the error shows.
  const calendarChoices = calendars.includes(policy.calendar) ? calendars : [policy.calendar, ...calendars];
  const togglePriority = (p: PolicyRow['priorities'][number], on: boolean) =>
    change({
      priorities: on
        ? PRIORITIES.filter((x) => x === p || policy.priorities.includes(x))
        : policy.priorities.filter((x) => x !== p),
    });
  return (
    <ListItemCard
      title={`SLA policy ${index + 1}`}
      path={path}
      fields={FIELDS}
      what={`SLA policy ${index + 1}${policy.id ? ` (${policy.id})` : ''}`}
      item={item}
    >
      <div className="field-row">
        <TextField
          label="Policy name"
          hint="Letters, digits, '.', '_' or '-'."
          errors={at('id')}
          maxLength={64}
          value={policy.id}
          onChange={(id) => change({ id })}
        />
        <SelectField
          label="Calendar"
          errors={at('calendar')}
          value={policy.calendar}
          options={calendarChoices.map((c) => ({ value: c, label: c || '(none)' }))}
          onChange={(calendar) => change({ calendar })}
        />
      </div>
      <div className="field-row">
        <TextField
          label="Partner IDs"
          hint="With commas. Empty: every partner."
          errors={at('match.partnerIds')}
          value={policy.partnerIds}
          onChange={(partnerIds) => change({ partnerIds })}
        />
        <TextField
          label="Case types"
          hint="With commas. Empty: every type."
          errors={at('match.types')}
          value={policy.types}
          onChange={(types) => change({ types })}
        />
      </div>
      <fieldset className="settings-subsection" aria-describedby={`${ids}-hint ${ids}-errors`}>
        <legend>Priorities</legend>
        <div className="checkbox-row">
          {PRIORITIES.map((p) => (
            <CheckboxField
              key={p}
              label={humanize(p)}
              checked={policy.priorities.includes(p)}
              onChange={(on) => togglePriority(p, on)}
            />
          ))}
        </div>
        <p id={`${ids}-hint`} className="hint">
          None ticked: every priority.
        </p>
        <ErrorList id={`${ids}-errors`} errors={at('match.priorities')} />
      </fieldset>
      <div className="field-row">
        <NumberField
          label="First response within (business minutes)"
          errors={at('firstResponseMinutes')}
          min={1}
          value={policy.firstResponseMinutes}
          onChange={(firstResponseMinutes) => change({ firstResponseMinutes })}
        />
        <NumberField
          label="Resolution within (business minutes)"
          errors={at('resolutionMinutes')}
          min={1}
          value={policy.resolutionMinutes}
          onChange={(resolutionMinutes) => change({ resolutionMinutes })}
        />
        <NumberField
          label="Warn at (% of target)"
          hint="Empty: the general warning point."
          errors={at('warningShare')}
          min={1}
          max={99}
          step="any"
          value={policy.warningPercent}
          onChange={(warningPercent) => change({ warningPercent })}
        />
      </div>
    </ListItemCard>
  );
}
