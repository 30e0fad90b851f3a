// The SLA editor's form (flow 8): business-hours calendars, policies and the escalation ladder as a
// person edits them — working hours typed as "09:00-17:00", lists with commas, the warning point as a
// percentage — and back as SLA settings. Statuses that pause or stop the clock are not edited here and
// pass through unchanged. What the form cannot read gets a message at the field; the rest is judged by
// the shared schema, whose messages land at the same paths.
import {
  WEEKDAYS,
  type SlaSettings,
  type SlaSettingsInput,
  type Weekday,
} from '../../shared/config/slaPolicies.ts';
import { IssuePriority } from '../../shared/domain/issue.ts';
import type { SlaPolicy } from '../../shared/config/slaPolicies.ts';
import type { z } from 'zod';
import type { FieldErrors } from './formText.ts';
import {
  addError,
  listFromText,
  listToText,
  percentFromShare,
  readWhole,
  shareFromPercent,
} from './formText.ts';

export type Priority = (typeof IssuePriority.options)[number];
export const PRIORITIES: readonly Priority[] = IssuePriority.options;

export const SLA_PATH = 'sla';
export const calendarPath = (id: string) => `sla.calendars.${id}`;
export const policyPath = (i: number) => `sla.policies[${i}]`;
export const stepPath = (i: number) => `sla.ladder[${i}]`;

export interface CalendarRow {
  key: number;
  id: string;
  timeZone: string;
  /** Per weekday: "09:00-12:00, 13:00-17:30"; empty is a day off. */
  hours: Record<Weekday, string>;
  /** Dates written YYYY-MM-DD, separated by commas. */
  holidays: string;
}

export interface PolicyRow {
  key: number;
  id: string;
  partnerIds: string;
  /** None ticked: every priority. */
  priorities: Priority[];
  types: string;
  calendar: string;
  firstResponseMinutes: string;
  resolutionMinutes: string;
  /** Empty: the general warning point applies. */
  warningPercent: string;
}

export interface LadderRow {
  key: number;
  tier: string;
  priority: Priority;
  workflowId: string;
  afterMinutes: string;
  comment: string;
}

export interface SlaForm {
  /** The SLA settings as loaded: what the form does not edit (status words) is kept from here. */
  base: SlaSettings;
  enabled: boolean;
  warningPercent: string;
  calendars: CalendarRow[];
  policies: PolicyRow[];
  ladder: LadderRow[];
}

let nextKey = 0;
export const newSlaKey = () => nextKey++;

const hoursToText = (hours: readonly { from: string; to: string }[]) =>
  hours.map((h) => `${h.from}-${h.to}`).join(', ');

export function slaFormFrom(s: SlaSettings): SlaForm {
  return {
    base: s,
    enabled: s.enabled,
    warningPercent: percentFromShare(s.warningShare),
    calendars: Object.entries(s.calendars).map(([id, c]) => ({
      key: newSlaKey(),
      id,
      timeZone: c.timeZone,
      hours: Object.fromEntries(WEEKDAYS.map((d) => [d, hoursToText(c.hours[d])])) as Record<Weekday, string>,
      holidays: listToText(c.holidays),
    })),
    policies: s.policies.map((p) => ({
      key: newSlaKey(),
      id: p.id,
      partnerIds: listToText(p.match.partnerIds),
      priorities: [...(p.match.priorities ?? [])],
      types: listToText(p.match.types),
      calendar: p.calendar,
      firstResponseMinutes: String(p.firstResponseMinutes),
      resolutionMinutes: String(p.resolutionMinutes),
      warningPercent: percentFromShare(p.warningShare),
    })),
    ladder: s.ladder.map((step) => ({
      key: newSlaKey(),
      tier: String(step.tier),
      priority: step.priority,
      workflowId: step.workflowId,
      afterMinutes: String(step.afterMinutes),
      comment: step.comment,
    })),
  };
}

export function emptyPolicy(calendar: string): PolicyRow {
  return {
    key: newSlaKey(),
    id: '',
    partnerIds: '',
    priorities: [],
    types: '',
    calendar,
    firstResponseMinutes: '240',
    resolutionMinutes: '2700',
    warningPercent: '',
  };
}

export function emptyCalendar(): CalendarRow {
  const workday = '09:00-17:00';
  return {
    key: newSlaKey(),
    id: '',
    timeZone: 'UTC',
    hours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: '', sun: '' },
    holidays: '',
  };
}

export function emptyStep(): LadderRow {
  return { key: newSlaKey(), tier: '', priority: 'urgent', workflowId: '', afterMinutes: '240', comment: '' };
}

type SlaPolicyInput = z.input<typeof SlaPolicy>;

const SPAN = /^([0-2]\d:[0-5]\d)\s*[-–]\s*([0-2]\d:[0-5]\d)$/;

/** "09:00-12:00, 13:00-17:30" → working hours; the schema checks the times themselves. */
function readHours(text: string, path: string, errors: FieldErrors): { from: string; to: string }[] {
  const spans: { from: string; to: string }[] = [];
  for (const part of listFromText(text) ?? []) {
    const m = SPAN.exec(part);
    if (!m) {
      addError(
        errors,
        path,
        `"${part}" is not a span of working hours: write 09:00-17:00, several with commas`,
      );
      continue;
    }
    spans.push({ from: m[1] ?? '', to: m[2] ?? '' });
  }
  return spans;
}

function calendarsFromForm(rows: readonly CalendarRow[], errors: FieldErrors): SlaSettingsInput['calendars'] {
  const out: NonNullable<SlaSettingsInput['calendars']> = {};
  rows.forEach((row, i) => {
    const id = row.id.trim();
    const path = calendarRowPath(row, i);
    if (!id) {
      addError(errors, `${path}.id`, 'give the calendar a name, e.g. business-hours');
      return;
    }
    if (Object.hasOwn(out, id)) addError(errors, `${path}.id`, `calendar "${id}" is defined twice`);
    out[id] = {
      timeZone: row.timeZone.trim(),
      hours: Object.fromEntries(
        WEEKDAYS.map((d) => [d, readHours(row.hours[d], `${path}.hours.${d}`, errors)]),
      ) as Record<Weekday, { from: string; to: string }[]>,
      holidays: listFromText(row.holidays) ?? [],
    };
  });
  return out;
}

/** Where the form puts a calendar's errors: by its name, or by its place while it has none. */
export function calendarRowPath(row: CalendarRow, i: number): string {
  const id = row.id.trim();
  return id ? calendarPath(id) : `sla.calendars[${i}]`;
}

export function slaFromForm(form: SlaForm, errors: FieldErrors): SlaSettingsInput {
  const { base } = form;
  return {
    enabled: form.enabled,
    waitingStatus: base.waitingStatus,
    newStatuses: base.newStatuses,
    resolvedStatuses: base.resolvedStatuses,
    warningShare: shareFromPercent(form.warningPercent, 'sla.warningShare', errors),
    calendars: calendarsFromForm(form.calendars, errors),
    policies: form.policies.map((row, i) => {
      const path = policyPath(i);
      const match: NonNullable<SlaPolicyInput['match']> = {};
      const partnerIds = listFromText(row.partnerIds);
      const types = listFromText(row.types);
      if (partnerIds) match.partnerIds = partnerIds;
      if (row.priorities.length > 0) match.priorities = [...row.priorities];
      if (types) match.types = types;
      return {
        id: row.id.trim(),
        match,
        calendar: row.calendar,
        firstResponseMinutes: readWhole(row.firstResponseMinutes, `${path}.firstResponseMinutes`, errors),
        resolutionMinutes: readWhole(row.resolutionMinutes, `${path}.resolutionMinutes`, errors),
        ...(row.warningPercent.trim() === ''
          ? {}
          : { warningShare: shareFromPercent(row.warningPercent, `${path}.warningShare`, errors) }),
      };
    }),
    ladder: form.ladder.map((row, i) => ({
      tier: readWhole(row.tier, `${stepPath(i)}.tier`, errors),
      priority: row.priority,
      workflowId: row.workflowId.trim(),
      afterMinutes: readWhole(row.afterMinutes, `${stepPath(i)}.afterMinutes`, errors),
      comment: row.comment.trim(),
    })),
  };
}
