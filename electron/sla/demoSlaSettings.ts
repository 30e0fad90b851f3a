// The built-in demo's SLA: a round-the-clock calendar and targets of minutes, so a person watching
// `npm run demo` sees warnings and escalations within a few minutes, whatever the hour. The product's
// defaults (business hours, targets of hours) live in shared/config/slaPolicies.ts.
import type { SlaSettingsInput } from '../../shared/config/slaPolicies.ts';

const allDay = [{ from: '00:00', to: '24:00' }];

export const DEMO_SLA_SETTINGS: SlaSettingsInput = {
  warningShare: 0.5,
  calendars: {
    'demo-24x7': {
      timeZone: 'UTC',
      hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    },
  },
  policies: [
    {
      id: 'demo-urgent',
      match: { priorities: ['urgent'] },
      calendar: 'demo-24x7',
      firstResponseMinutes: 1,
      resolutionMinutes: 5,
    },
    { id: 'demo', calendar: 'demo-24x7', firstResponseMinutes: 2, resolutionMinutes: 10 },
  ],
  // Further steps wait long enough that a second `--once` run soon after the first adds nothing.
  ladder: [
    {
      tier: 2,
      priority: 'high',
      workflowId: 'sla-escalation-tier2',
      comment: 'Demo: the {phase} target of {target} fell due {dueAt}; now with support tier {tier}.',
    },
    {
      tier: 3,
      priority: 'urgent',
      workflowId: 'sla-escalation-tier3',
      afterMinutes: 15,
      comment: 'Demo: still {overdue} past the {phase} target; escalated to support tier {tier}.',
    },
    {
      tier: 4,
      priority: 'urgent',
      workflowId: 'sla-escalation-management',
      afterMinutes: 30,
      comment: 'Demo: still {overdue} past the {phase} target; escalated to management.',
    },
  ],
};
