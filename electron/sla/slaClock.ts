// One case's SLA clock, as a pure function of its stored clock, the case, the changes since the last
// look and the time now. The clock counts business time since the case opened, standing still while
// the case waits on the partner. It is measured against the first-response target until someone
// answers, then against the resolution target. Past a target the escalation ladder climbs: the first
// step at the breach, each further step once its own business time has run since the step before.
import type { LadderStep, SlaPolicy, SlaSettings } from '../../shared/config/slaPolicies.ts';
import type { SlaCaseFacts, SlaChange, SlaClockRecord, SlaPhase, SlaState } from '../store/sla.ts';
import type { BusinessCalendar } from './businessCalendar.ts';
import { matchPolicy } from './policyMatch.ts';

const DAY_MS = 86_400_000;
/** How far back a clock may start: a case older than this counts from this far back. */
const LONGEST_LOOKBACK_MS = 366 * DAY_MS;

export type RunningPhase = Exclude<SlaPhase, 'done'>;

export type SlaHappening =
  | { kind: 'warning'; phase: RunningPhase; at: number; dueAt: number; targetMs: number }
  | { kind: 'breach'; phase: RunningPhase; at: number; targetMs: number }
  | {
      kind: 'escalate';
      /** 1-based step of the ladder. */
      step: number;
      ladderStep: LadderStep;
      /** 'breach': a target was just breached; 'still_overdue': the previous step's time ran out. */
      reason: 'breach' | 'still_overdue';
      phase: RunningPhase;
      at: number;
      dueAt: number;
      targetMs: number;
      overdueMs: number;
    }
  | { kind: 'resolved'; at: number; late: boolean };

export interface SlaEvaluation {
  clock: SlaClockRecord;
  policy: SlaPolicy;
  calendar: BusinessCalendar;
  /** What the inbox shows. */
  state: SlaState;
  /** When the current target falls (or fell) due; null while paused or once resolved. */
  dueAt: number | null;
  happenings: SlaHappening[];
}

export interface SlaRules {
  settings: SlaSettings;
  calendars: ReadonlyMap<string, BusinessCalendar>;
}

export function evaluateSla(
  stored: SlaClockRecord,
  facts: SlaCaseFacts,
  changes: readonly SlaChange[],
  now: number,
  rules: SlaRules,
): SlaEvaluation {
  const { settings } = rules;
  const policy = matchPolicy(settings.policies, facts);
  const calendar = rules.calendars.get(policy.calendar);
  if (!calendar) throw new Error(`SLA policy ${policy.id} names an unknown calendar ${policy.calendar}`);
  const share = policy.warningShare ?? settings.warningShare;
  const ladder = settings.ladder;
  const targetOf = (phase: RunningPhase) =>
    (phase === 'first_response' ? policy.firstResponseMinutes : policy.resolutionMinutes) * 60_000;
  const happenings: SlaHappening[] = [];

  const c: SlaClockRecord = stored.evaluated
    ? { ...stored }
    : {
        ...stored,
        evaluated: true,
        phase: 'first_response',
        paused: false,
        consumedMs: 0,
        consumedAt: Math.max(facts.openedAt, now - LONGEST_LOOKBACK_MS),
        warned: false,
        breachedAt: null,
        escalatedInPhase: false,
        awaitingLink: false,
      };
  c.policyId = policy.id;
  let consumedAt = c.consumedAt ?? now;

  const enterPhase = (phase: SlaPhase) => {
    c.phase = phase;
    c.warned = false;
    c.breachedAt = null;
    c.escalatedInPhase = false;
  };

  // A changed policy may have moved the target past the time already used: the case is no longer late.
  if (c.phase !== 'done' && c.breachedAt !== null && c.consumedMs < targetOf(c.phase)) {
    c.breachedAt = null;
    c.escalatedInPhase = false;
  }

  /** Lets the clock run to `to`, noting the instants it crosses the warning share and the target. */
  const runTo = (to: number) => {
    const from = consumedAt;
    if (to > from) consumedAt = to;
    if (c.paused || c.phase === 'done') return;
    const phase = c.phase;
    const target = targetOf(phase);
    const warnAt = share * target;
    const before = c.consumedMs;
    const after = before + (to > from ? calendar.between(from, to) : 0);
    if (!c.warned && c.breachedAt === null && after >= warnAt) {
      c.warned = true;
      if (after < target)
        happenings.push({
          kind: 'warning',
          phase,
          at: before >= warnAt ? from : calendar.add(from, warnAt - before),
          dueAt: calendar.add(from, target - before),
          targetMs: target,
        });
    }
    if (c.breachedAt === null && after >= target) {
      c.warned = true;
      c.breachedAt = before >= target ? from : calendar.add(from, target - before);
      happenings.push({ kind: 'breach', phase, at: c.breachedAt, targetMs: target });
    }
    c.consumedMs = after;
  };

  const apply = (change: SlaChange, at: number) => {
    if (change.kind === 'responded') {
      if (c.phase === 'first_response') enterPhase('resolution');
      return;
    }
    const status = change.status ?? '';
    if (settings.resolvedStatuses.includes(status)) {
      if (c.phase === 'done') return;
      const late = c.consumedMs >= targetOf('resolution');
      const lateSince = c.phase === 'resolution' && c.breachedAt !== null ? c.breachedAt : at;
      enterPhase('done');
      c.paused = false;
      c.breachedAt = late ? lateSince : null;
      happenings.push({ kind: 'resolved', at, late });
      return;
    }
    if (c.phase === 'done') enterPhase('resolution');
    else if (c.phase === 'first_response' && !settings.newStatuses.includes(status)) enterPhase('resolution');
    c.paused = status === settings.waitingStatus;
  };

  for (const change of changes) {
    // The opening status holds from the opening; nothing is applied before the clock's last reading
    // (history is not rewritten) nor after now (a remote clock running ahead).
    const at = change.kind === 'opened' ? consumedAt : Math.min(now, Math.max(change.at, consumedAt));
    runTo(at);
    apply(change, at);
  }
  runTo(now);

  // At most one ladder step per look: the next one is measured from this one.
  const running = c.phase !== 'done' && !c.paused;
  if (running && c.breachedAt !== null && c.level < ladder.length) {
    const phase = c.phase as RunningPhase;
    const target = targetOf(phase);
    const dueMs = nextStepDueMs(c, target, ladder);
    if (c.consumedMs >= dueMs) {
      if (facts.tgIssueId) {
        const step = ladder[c.level]!;
        happenings.push({
          kind: 'escalate',
          step: c.level + 1,
          ladderStep: step,
          reason: c.escalatedInPhase ? 'still_overdue' : 'breach',
          phase,
          at: now,
          dueAt: c.breachedAt,
          targetMs: target,
          overdueMs: c.consumedMs - target,
        });
        c.level++;
        c.tier = Math.max(c.tier, step.tier);
        c.lastEscalatedMs = c.consumedMs;
        c.lastEscalatedAt = now;
        c.escalatedInPhase = true;
        c.awaitingLink = false;
      } else {
        // Nothing to update in Trading Grid yet: the link trigger re-arms the clock once there is.
        c.awaitingLink = true;
      }
    }
  } else {
    c.awaitingLink = false;
  }

  c.consumedAt = consumedAt;
  let state: SlaState;
  let dueAt: number | null = null;
  c.nextCheckAt = null;
  if (c.phase === 'done') {
    state = c.breachedAt !== null ? 'breached' : 'met';
  } else if (c.paused) {
    state = 'paused';
  } else {
    const target = targetOf(c.phase);
    const warnAt = share * target;
    const used = c.consumedMs;
    state = used >= target ? 'breached' : used >= warnAt ? 'warning' : 'ok';
    dueAt = c.breachedAt ?? calendar.add(consumedAt, target - used);
    const checks: number[] = [];
    if (!c.warned && used < warnAt) checks.push(calendar.add(consumedAt, warnAt - used));
    if (c.breachedAt === null) checks.push(dueAt);
    else if (c.level < ladder.length && !c.awaitingLink) {
      const stepDue = nextStepDueMs(c, target, ladder);
      checks.push(stepDue > used ? calendar.add(consumedAt, stepDue - used) : consumedAt);
    }
    c.nextCheckAt = checks.length > 0 ? Math.min(...checks) : null;
  }
  return { clock: c, policy, calendar, state, dueAt, happenings };
}

/** SLA-clock reading at which the next ladder step is due, for a case past its target. */
function nextStepDueMs(c: SlaClockRecord, target: number, ladder: readonly LadderStep[]): number {
  if (!c.escalatedInPhase) return target;
  return (c.lastEscalatedMs ?? target) + (ladder[c.level]?.afterMinutes ?? 0) * 60_000;
}
