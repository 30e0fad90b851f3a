// A conflict as the desk sees it on the case's timeline: what each side said, which won, and why.
// Recorded once per conflict (its key names both changes), never silently dropped.
import type { CaseTimelineStore } from '../store/caseTimeline.ts';
import type { SyncSide } from '../../shared/config/caseSync.ts';
import type { Conflict, FieldChange } from './fieldOwnership.ts';

const SIDE_NAME: Record<SyncSide, string> = { xconnector: 'xConnector', 'trading-grid': 'Trading Grid' };

const said = (c: FieldChange) =>
  `${SIDE_NAME[c.side]} said "${c.said}" (${c.by}, ${new Date(c.at).toISOString()})`;

export function recordConflict(
  timeline: CaseTimelineStore,
  caseId: string,
  c: Conflict,
  key: string,
  at: number,
): boolean {
  const winner = SIDE_NAME[c.winner];
  return timeline.add({
    caseId,
    eventKey: `conflict:${c.field}:${key}`,
    kind: 'conflict',
    origin: 'engine',
    at,
    summary: `Conflict on ${c.field}: ${said(c.lost)}, then ${said(c.won)}. ${winner} owns ${c.field}, so "${c.won.said}" stands on both sides.`,
    detail: {
      field: c.field,
      winner: c.winner,
      reason: `${winner} owns ${c.field} (Settings → Mappings → case sync → field owners)`,
      [c.won.side]: { value: c.won.value, said: c.won.said, at: c.won.at, by: c.won.by },
      [c.lost.side]: { value: c.lost.value, said: c.lost.said, at: c.lost.at, by: c.lost.by },
    },
  });
}
