// One business-hours calendar in the SLA editor: its name, time zone, working hours per weekday and
// holidays. SLA targets count only the time inside these hours.
import { WEEKDAYS, type Weekday } from '../../shared/config/slaPolicies.ts';
import { TextField } from './fields.tsx';
import { fieldErrorsOf, ListItemCard, type ListItemProps } from './ListItemCard.tsx';
import { calendarRowPath, type CalendarRow } from './slaForm.ts';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export function SlaCalendarFields(item: ListItemProps<CalendarRow>) {
  const { row: calendar, index, change } = item;
  const path = calendarRowPath(calendar, index);
  const at = fieldErrorsOf(item.errors, path);
  return (
    <ListItemCard
      title={`Calendar ${index + 1}`}
      path={path}
      fields={['id', 'timeZone', 'holidays', ...WEEKDAYS.map((d) => `hours.${d}`)]}
      what={calendar.id.trim() || `calendar ${index + 1}`}
      item={item}
      movable={false}
    >
      <div className="field-row">
        <TextField
          label="Calendar name"
          hint="Policies name their calendar by this."
          errors={at('id')}
          maxLength={64}
          value={calendar.id}
          onChange={(id) => change({ id })}
        />
        <TextField
          label="Calendar time zone"
          hint="An IANA name, e.g. Europe/Berlin."
          errors={at('timeZone')}
          maxLength={64}
          value={calendar.timeZone}
          onChange={(timeZone) => change({ timeZone })}
        />
      </div>
      <p className="hint">Working hours per day, e.g. 09:00-12:00, 13:00-17:30. Empty: a day off.</p>
      <div className="field-row field-row--days">
        {WEEKDAYS.map((d) => (
          <TextField
            key={d}
            label={`${DAY_NAMES[d]} hours`}
            errors={at(`hours.${d}`)}
            value={calendar.hours[d]}
            onChange={(text) => change({ hours: { ...calendar.hours, [d]: text } })}
          />
        ))}
      </div>
      <TextField
        label="Holidays"
        hint="Dates with no working time, YYYY-MM-DD, with commas."
        errors={at('holidays')}
        value={calendar.holidays}
        onChange={(holidays) => change({ holidays })}
      />
    </ListItemCard>
  );
}
