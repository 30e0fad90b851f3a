// Which SLA policy covers a case: the policy naming the most of partner, priority and type among those
// that match wins; among equally specific ones, the first listed. Settings validation guarantees a
// catch-all policy, so every case has one.
import type { SlaPolicy } from '../../shared/config/slaPolicies.ts';

export interface PolicySubject {
  partnerId: string;
  priority: string;
  type: string;
}

function specificity(p: SlaPolicy, c: PolicySubject): number {
  const { partnerIds, priorities, types } = p.match;
  if (partnerIds && !partnerIds.includes(c.partnerId)) return -1;
  if (priorities && !(priorities as string[]).includes(c.priority)) return -1;
  if (types && !types.includes(c.type)) return -1;
  return (partnerIds ? 1 : 0) + (priorities ? 1 : 0) + (types ? 1 : 0);
}

export function matchPolicy(policies: readonly SlaPolicy[], c: PolicySubject): SlaPolicy {
  let best: SlaPolicy | undefined;
  let bestScore = -1;
  for (const p of policies) {
    const score = specificity(p, c);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  if (!best) throw new Error('no SLA policy matches every case (the settings should have refused this)');
  return best;
}
