// Flow 8: SLA policies by partner, priority and case type, the business-hours calendars their targets
// are counted in, the warning point and the escalation ladder. Among the policies that match a case, the
// one naming the most of partner, priority and type wins; among equals, the first listed.
import { errorsAt, leftoverErrors } from '../lib/settingsForm.ts';
import { CheckboxField } from './FormField.tsx';
import { ErrorList, NumberField } from './fields.tsx';
import { EditableList } from './EditableList.tsx';
import { SlaCalendarFields } from './SlaCalendarFields.tsx';
import { SlaPolicyFields } from './SlaPolicyFields.tsx';
import { LadderStepFields } from './LadderStepFields.tsx';
import {
  calendarRowPath,
  emptyCalendar,
  emptyPolicy,
  emptyStep,
  policyPath,
  SLA_PATH,
  stepPath,
  type CalendarRow,
  type SlaForm,
} from './slaForm.ts';
import type { SectionProps } from './sectionProps.ts';

export function SlaSection({ form, errors, edit }: SectionProps) {
  const sla = form.sla;
  const set = (change: Partial<SlaForm>) => edit({ sla: { ...sla, ...change } });
  const calendarNames = sla.calendars.map((c) => c.id.trim()).filter((id) => id !== '');

  // A renamed calendar takes the policies that named it along, so a rename never breaks them.
  const changeCalendars = (calendars: CalendarRow[]) => {
    const renames = new Map<string, string>();
    for (const before of sla.calendars) {
      const after = calendars.find((c) => c.key === before.key);
      const from = before.id.trim();
      const to = after?.id.trim();
      // A name another calendar still has stays with that calendar.
      const stillNamed = calendars.some((c) => c.key !== before.key && c.id.trim() === from);
      if (after && from !== '' && to !== from && !stillNamed) renames.set(from, to ?? '');
    }
    const policies = sla.policies.map((p) =>
      renames.has(p.calendar) ? { ...p, calendar: renames.get(p.calendar) ?? '' } : p,
    );
    set({ calendars, policies });
  };

  const shown = [
    `${SLA_PATH}.enabled`,
    `${SLA_PATH}.warningShare`,
    ...sla.calendars.map((c, i) => calendarRowPath(c, i)),
    `${SLA_PATH}.policies`,
    `${SLA_PATH}.ladder`,
  ];
  const policyShown = sla.policies.map((_, i) => policyPath(i));
  const stepShown = sla.ladder.map((_, i) => stepPath(i));

  return (
    <fieldset className="settings-section" aria-describedby="sla-help">
      <legend>SLA policies</legend>
      <p id="sla-help" className="hint">
        How long a partner case may wait for a first response and for its resolution, counted in business
        hours. The clock stands still while the case waits on the partner.
      </p>
      <ErrorList errors={leftoverErrors(errors, SLA_PATH, shown)} />
      <CheckboxField
        label="Track SLAs and escalate overdue cases"
        checked={sla.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      <NumberField
        label="Warn at (% of a target)"
        hint="A warning is raised once this share of a target is used, e.g. 80."
        errors={errorsAt(errors, `${SLA_PATH}.warningShare`)}
        min={1}
        max={99}
        step="any"
        value={sla.warningPercent}
        onChange={(warningPercent) => set({ warningPercent })}
      />

      <h3>Business-hours calendars</h3>
      <EditableList
        rows={sla.calendars}
        errors={errors}
        onChange={changeCalendars}
        newRow={emptyCalendar}
        addLabel="Add calendar"
        renderItem={(item) => <SlaCalendarFields {...item} />}
      />

      <h3>Policies</h3>
      <ErrorList errors={leftoverErrors(errors, `${SLA_PATH}.policies`, policyShown)} />
      <EditableList
        rows={sla.policies}
        errors={errors}
        onChange={(policies) => set({ policies })}
        newRow={() => emptyPolicy(calendarNames[0] ?? '')}
        addLabel="Add SLA policy"
        renderItem={(item) => <SlaPolicyFields {...item} calendars={calendarNames} />}
      />

      <h3>Escalation ladder</h3>
      <ErrorList errors={leftoverErrors(errors, `${SLA_PATH}.ladder`, stepShown)} />
      <EditableList
        rows={sla.ladder}
        errors={errors}
        onChange={(ladder) => set({ ladder })}
        newRow={emptyStep}
        addLabel="Add escalation step"
        renderItem={(item) => <LadderStepFields {...item} />}
      />
    </fieldset>
  );
}
