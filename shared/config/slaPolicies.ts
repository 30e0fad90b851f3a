// SLA policies, business-hours calendars and the escalation ladder (flow 8). Configuration with
// defaults, validated on load: an unknown time zone, overlapping working hours, a policy naming a
// calendar that does not exist or a ladder without steps is refused with a message that says which.
import { z } from 'zod';
import { settingsObject } from './strictSettings.ts';
import { IssuePriority } from '../domain/issue.ts';
import { SupportTier } from '../domain/issueUpdate.ts';
import { WorkflowId } from '../domain/workflowRun.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM` → minutes since local midnight; `24:00` is the end of the day. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when the runtime's time-zone database knows this IANA name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const TimeOfDay = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day written HH:MM, from 00:00 to 24:00');

export const WorkingHours = settingsObject({ from: TimeOfDay, to: TimeOfDay }).refine(
  (h) => minutesOfDay(h.to) > minutesOfDay(h.from),
  {
    message: 'working hours must end after they start (write 24:00 for midnight at the end of the day)',
  },
);
export type WorkingHours = z.infer<typeof WorkingHours>;

const DayHours = z
  .array(WorkingHours)
  .max(8)
  .superRefine((hours, ctx) => {
    const sorted = [...hours].sort((a, b) => minutesOfDay(a.from) - minutesOfDay(b.from));
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!;
      const after = sorted[i]!;
      if (minutesOfDay(after.from) < minutesOfDay(before.to))
        ctx.addIssue({
          code: 'custom',
          message: `working hours ${before.from}–${before.to} and ${after.from}–${after.to} overlap`,
        });
    }
  });

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
  }, 'not a date in the calendar');

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .superRefine((zone, ctx) => {
    if (!isKnownTimeZone(zone))
      ctx.addIssue({
        code: 'custom',
        message: `unknown time zone "${zone}": use an IANA name such as Europe/Berlin or America/New_York`,
      });
  });

const Name = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-" (at most 64)');

export const BusinessCalendar = settingsObject({
  /** IANA zone the working hours and holidays are written in. */
  timeZone: TimeZone,
  /** Working hours per weekday, in the calendar's zone. A weekday left out is a day off. */
  hours: settingsObject({
    mon: DayHours.default([]),
    tue: DayHours.default([]),
    wed: DayHours.default([]),
    thu: DayHours.default([]),
    fri: DayHours.default([]),
    sat: DayHours.default([]),
    sun: DayHours.default([]),
  }),
  /** Local dates with no working time at all. */
  holidays: z.array(IsoDate).max(2000).default([]),
}).superRefine((c, ctx) => {
  if (WEEKDAYS.every((d) => c.hours[d].length === 0))
    ctx.addIssue({
      code: 'custom',
      path: ['hours'],
      message: 'the calendar has no working hours on any weekday',
    });
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/** Business minutes: at most a year of them. */
const Minutes = z.number().int().min(1).max(525_600);
const Share = z.number().gt(0).lt(1);
const Status = z.string().min(1).max(64);

export const SlaPolicy = settingsObject({
  id: Name,
  /** Which cases the policy covers. A field left out matches every value. */
  match: settingsObject({
    partnerIds: z.array(z.string().min(1).max(128)).min(1).max(10_000).optional(),
    priorities: z.array(IssuePriority).min(1).optional(),
    types: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
  }).default({}),
  /** Id of the business-hours calendar the targets are counted in. */
  calendar: Name,
  firstResponseMinutes: Minutes,
  resolutionMinutes: Minutes,
  /** Overrides `warningShare` for this policy. */
  warningShare: Share.optional(),
}).refine((p) => p.resolutionMinutes >= p.firstResponseMinutes, {
  message: 'the resolution target cannot be shorter than the first-response target',
  path: ['resolutionMinutes'],
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/** Words an escalation comment may use, filled in for each case. */
export const COMMENT_PLACEHOLDERS = [
  'case',
  'title',
  'partner',
  'phase',
  'target',
  'dueAt',
  'overdue',
  'tier',
  'priority',
  'step',
] as const;

const Comment = z
  .string()
  .min(1)
  .max(2000)
  .superRefine((text, ctx) => {
    for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
      if (!(COMMENT_PLACEHOLDERS as readonly string[]).includes(m[1] ?? ''))
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {${m[1]}}: the comment may use ${COMMENT_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        });
    }
  });

export const LadderStep = settingsObject({
  /** Trading Grid support tier the case moves to (never lowered). */
  tier: SupportTier,
  /** Trading Grid priority the case gets (never lowered). */
  priority: IssuePriority,
  /** Comment posted on the Trading Grid issue with the change. */
  comment: Comment,
  /** xConnector workflow started for the step. */
  workflowId: WorkflowId,
  /**
   * For every step after the first: business minutes after the previous escalation (with the case
   * still overdue) before this step runs. The first step runs as soon as a target is breached.
   */
  afterMinutes: Minutes.default(240),
});
export type LadderStep = z.infer<typeof LadderStep>;

const nineToSix = [{ from: '09:00', to: '18:00' }];

const DEFAULT_CALENDARS: Record<string, z.input<typeof BusinessCalendar>> = {
  'business-hours': {
    timeZone: 'UTC',
    hours: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
  },
};

const DEFAULT_POLICIES: z.input<typeof SlaPolicy>[] = [
  {
    id: 'urgent',
    match: { priorities: ['urgent'] },
    calendar: 'business-hours',
    firstResponseMinutes: 60,
    resolutionMinutes: 480,
  },
  {
    id: 'high',
    match: { priorities: ['high'] },
    calendar: 'business-hours',
    firstResponseMinutes: 120,
    resolutionMinutes: 1080,
  },
  { id: 'standard', calendar: 'business-hours', firstResponseMinutes: 240, resolutionMinutes: 2700 },
  {
    id: 'low',
    match: { priorities: ['low'] },
    calendar: 'business-hours',
    firstResponseMinutes: 480,
    resolutionMinutes: 5400,
  },
];

const DEFAULT_LADDER: z.input<typeof LadderStep>[] = [
  {
    tier: 2,
    priority: 'high',
    workflowId: 'sla-escalation-tier2',
    comment:
      'The {phase} target of {target} for this case fell due {dueAt}. It is now with support tier {tier} at {priority} priority.',
  },
  {
    tier: 3,
    priority: 'urgent',
    workflowId: 'sla-escalation-tier3',
    afterMinutes: 240,
    comment: 'Still overdue ({overdue} past the {phase} target): escalated to support tier {tier}.',
  },
  {
    tier: 4,
    priority: 'urgent',
    workflowId: 'sla-escalation-management',
    afterMinutes: 480,
    comment: 'Still overdue ({overdue} past the {phase} target): escalated to management (tier {tier}).',
  },
];

export const SlaSettings = settingsObject({
  enabled: z.boolean().default(true),
  /** The case status meaning "waiting on the partner": the SLA clock stands still while it holds. */
  waitingStatus: Status.default('waiting_on_partner'),
  /** Statuses meaning nobody has answered yet: leaving them (or a recorded reply) is the first response. */
  newStatuses: z.array(Status).min(1).max(20).default(['new', 'open']),
  /** Statuses that stop the clock for good: the SLA is met, or breached if it was late. */
  resolvedStatuses: z.array(Status).min(1).max(20).default(['resolved', 'closed']),
  /** Share of a target after which a warning is raised (once per target). */
  warningShare: Share.default(0.8),
  calendars: z.record(Name, BusinessCalendar).prefault(DEFAULT_CALENDARS),
  /** The policy naming the most of partner, priority and type wins; among equals, the first listed. */
  policies: z.array(SlaPolicy).min(1).max(1000).prefault(DEFAULT_POLICIES),
  ladder: z
    .array(LadderStep)
    .min(1, 'the escalation ladder needs at least one step')
    .max(10)
    .prefault(DEFAULT_LADDER),
}).superRefine((s, ctx) => {
  const ids = new Set<string>();
  s.policies.forEach((p, i) => {
    if (ids.has(p.id))
      ctx.addIssue({
        code: 'custom',
        path: ['policies', i, 'id'],
        message: `policy id "${p.id}" is used twice`,
      });
    ids.add(p.id);
    if (!(p.calendar in s.calendars))
      ctx.addIssue({
        code: 'custom',
        path: ['policies', i, 'calendar'],
        message: `policy "${p.id}" names calendar "${p.calendar}", which is not defined (known: ${Object.keys(s.calendars).join(', ') || 'none'})`,
      });
  });
  if (!s.policies.some((p) => !p.match.partnerIds && !p.match.priorities && !p.match.types))
    ctx.addIssue({
      code: 'custom',
      path: ['policies'],
      message: 'one policy must match every case (a policy without partnerIds, priorities or types)',
    });
  s.ladder.forEach((step, i) => {
    const before = s.ladder[i - 1];
    if (before && step.tier <= before.tier)
      ctx.addIssue({
        code: 'custom',
        path: ['ladder', i, 'tier'],
        message: `each step must climb to a higher support tier than the one before (step ${i + 1} names tier ${step.tier} after tier ${before.tier})`,
      });
  });
  const overlap = [s.waitingStatus, ...s.newStatuses].filter((x) => s.resolvedStatuses.includes(x));
  if (overlap.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['resolvedStatuses'],
      message: `status "${overlap[0]}" cannot both stop the SLA and be a waiting or new status`,
    });
  if (s.newStatuses.includes(s.waitingStatus))
    ctx.addIssue({
      code: 'custom',
      path: ['waitingStatus'],
      message: `"${s.waitingStatus}" cannot be both the waiting status and a new status`,
    });
});
export type SlaSettings = z.infer<typeof SlaSettings>;
export type SlaSettingsInput = z.input<typeof SlaSettings>;
