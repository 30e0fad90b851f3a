// How each timeline entry introduces itself: what kind of thing happened and whose side it came from.
// The CSS gives each kind and origin its own mark, so a partner's comment never looks like ours.
import type { CaseTimelineEvent } from '../../shared/ipc/dto.ts';

type Kind = CaseTimelineEvent['kind'];
type Origin = CaseTimelineEvent['origin'];

const KIND_LABELS: Record<Kind, string> = {
  opened: 'Case opened',
  comment: 'Comment',
  status: 'Status change',
  escalation: 'Escalation',
  conflict: 'Conflict',
  document: 'Document',
  sync: 'Sync',
  sla: 'SLA',
};

const ORIGIN_LABELS: Record<Origin, string> = {
  'trading-grid': 'Partner (Trading Grid)',
  xconnector: 'Internal (xConnector)',
  desk: 'Partner Desk (you)',
  engine: 'Partner Desk',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as Kind] ?? kind;
}

export function originLabel(origin: string): string {
  return ORIGIN_LABELS[origin as Origin] ?? origin;
}

/** Detail fields worth showing for kinds where the summary alone hides the decision (conflicts, escalations). */
export function visibleDetail(event: CaseTimelineEvent): [string, string][] {
  if (event.kind !== 'conflict' && event.kind !== 'escalation' && event.kind !== 'status') return [];
  return Object.entries(event.detail)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .slice(0, 12)
    .map(([k, v]) => [labelFor(k), String(v)]);
}

function labelFor(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}
