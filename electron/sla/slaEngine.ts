// Flow 8's driver inside the engine: each tick looks only at the cases whose SLA clock has something
// due (a status change to fold in, a warning, a breach, a next ladder step), found by index, so the cost
// follows the work and not the number of cases. Each batch of cases is decided in one transaction.
import { createHash } from 'node:crypto';
import { applySlaDecision } from '../flows/slaEscalation.ts';
import { createBusinessCalendar } from './businessCalendar.ts';
import { evaluateSla, type SlaRules } from './slaClock.ts';
import type { SlaSettings } from '../../shared/config/slaPolicies.ts';
import type { FlowContext, UnitOfWork } from '../flows/flowContext.ts';
import type { Store } from '../store/store.ts';
import type { SlaPhase, SlaState } from '../store/sla.ts';
import type { Logger } from '../logging/logger.ts';

const BATCH = 200;
/** A case still due after this many looks in one tick is left for the next (and logged). */
const MAX_LOOKS_PER_TICK = 3;

export interface SlaTickReport {
  evaluated: number;
  escalations: number;
}

/** One case's SLA as the case view shows it (countdown, escalation level). */
export interface CaseSlaView {
  state: SlaState;
  dueAt: number | null;
  phase: SlaPhase;
  paused: boolean;
  policyId: string | null;
  timeZone: string | null;
  targetMinutes: number | null;
  /** Business minutes used, as of `usedAsOf`. */
  usedMinutes: number;
  usedAsOf: number | null;
  escalationLevel: number;
  supportTier: number;
  lastEscalatedAt: number | null;
  nextCheckAt: number | null;
}

export interface SlaEngineDeps {
  store: Store;
  unit: UnitOfWork;
  settings: SlaSettings;
  logger: Logger;
}

export function createSlaEngine(deps: SlaEngineDeps) {
  const { store, settings, logger } = deps;
  const rules: SlaRules = {
    settings,
    calendars: new Map(Object.entries(settings.calendars).map(([id, c]) => [id, createBusinessCalendar(c)])),
  };

  // Clocks computed under other settings are looked at again on the next tick.
  if (settings.enabled) {
    const fingerprint = createHash('sha256').update(JSON.stringify(settings)).digest('hex');
    if (store.sla.meta('settings') !== fingerprint)
      store.transaction(() => {
        store.sla.rearmRunningClocks();
        store.sla.setMeta('settings', fingerprint);
      });
  }

  /** Looks at one case; returns the number of ladder steps it took. */
  function lookAt(ctx: FlowContext, caseId: string): number {
    const facts = ctx.store.sla.facts(caseId);
    const clock = ctx.store.sla.clock(caseId);
    const changes = ctx.store.sla.changes(caseId);
    const lastChange = changes.at(-1);
    if (lastChange) ctx.store.sla.dropChanges(caseId, lastChange.id);
    if (!facts || !clock) return 0;
    const evaluation = evaluateSla(clock, facts, changes, ctx.now, rules);
    ctx.store.sla.save(evaluation.clock, ctx.now);
    if (facts.slaState !== evaluation.state || facts.slaDueAt !== evaluation.dueAt) {
      ctx.store.sla.setCaseSla(caseId, evaluation.state, evaluation.dueAt);
      ctx.emit('caseUpdated', {
        caseId,
        partnerId: facts.partnerId,
        title: facts.title,
        tgIssueId: facts.tgIssueId,
      });
    }
    applySlaDecision(ctx, {
      facts,
      evaluation,
      partnerName: ctx.store.directory.routeFor(facts.partnerId)?.partnerName ?? facts.partnerId,
      ladder: settings.ladder,
    });
    return evaluation.happenings.filter((h) => h.kind === 'escalate').length;
  }

  return {
    /** Looks at every case with something due now. Never throws: a case that fails is logged and skipped. */
    async tick(): Promise<SlaTickReport> {
      const report: SlaTickReport = { evaluated: 0, escalations: 0 };
      if (!settings.enabled) return report;
      const looks = new Map<string, number>();
      const skipped = new Set<string>();
      try {
        for (;;) {
          const ids = deps.unit.run((ctx) => {
            const due = ctx.store.sla
              .dueCaseIds(ctx.now, BATCH + skipped.size)
              .filter((id) => !skipped.has(id))
              .slice(0, BATCH);
            for (const id of due) {
              const n = (looks.get(id) ?? 0) + 1;
              looks.set(id, n);
              if (n >= MAX_LOOKS_PER_TICK) skipped.add(id);
              const r = ctx.isolated(() => lookAt(ctx, id));
              if (r.ok) {
                report.evaluated++;
                report.escalations += r.value;
              } else {
                skipped.add(id);
                logger.error(
                  { caseId: id, err: r.error },
                  'SLA evaluation failed; the case is skipped this tick',
                );
              }
            }
            return due;
          });
          if (ids.length === 0) break;
          // Let the event loop breathe between batches (a first run may find thousands of cases due).
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        logger.error({ err: error }, 'SLA tick failed');
      }
      return report;
    },
    api: {
      settings: (): SlaSettings => settings,
      /** The SLA of one case as the case view shows it; null for an unknown case. */
      forCase(caseId: string): CaseSlaView | null {
        const facts = store.sla.facts(caseId);
        const clock = store.sla.clock(caseId);
        if (!facts || !clock) return null;
        const policy = settings.policies.find((p) => p.id === clock.policyId);
        const phase = clock.phase;
        return {
          state: facts.slaState as SlaState,
          dueAt: facts.slaDueAt,
          phase,
          paused: clock.paused,
          policyId: clock.policyId,
          timeZone: policy ? (settings.calendars[policy.calendar]?.timeZone ?? null) : null,
          targetMinutes:
            !policy || phase === 'done'
              ? null
              : phase === 'first_response'
                ? policy.firstResponseMinutes
                : policy.resolutionMinutes,
          usedMinutes: Math.floor(clock.consumedMs / 60_000),
          usedAsOf: clock.consumedAt,
          escalationLevel: clock.level,
          supportTier: clock.tier,
          lastEscalatedAt: clock.lastEscalatedAt,
          nextCheckAt: clock.nextCheckAt,
        };
      },
    },
  };
}
export type SlaEngine = ReturnType<typeof createSlaEngine>;
