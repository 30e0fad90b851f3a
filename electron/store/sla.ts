// SLA clocks (flow 8): each case's clock, the status changes waiting to be folded into it, and the SLA
// state and due time the inbox sorts and filters by. A tick reads only what is due, by index.
import type { Db } from './database.ts';

export type SlaPhase = 'first_response' | 'resolution' | 'done';
export type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'met';

export interface SlaClockRecord {
  caseId: string;
  evaluated: boolean;
  policyId: string | null;
  phase: SlaPhase;
  paused: boolean;
  consumedMs: number;
  consumedAt: number | null;
  warned: boolean;
  breachedAt: number | null;
  escalatedInPhase: boolean;
  level: number;
  lastEscalatedMs: number | null;
  lastEscalatedAt: number | null;
  tier: number;
  awaitingLink: boolean;
  nextCheckAt: number | null;
}

/** What the SLA evaluator needs to know about a case besides its clock. */
export interface SlaCaseFacts {
  id: string;
  partnerId: string;
  communityId: string | null;
  tgIssueId: string | null;
  title: string;
  type: string;
  status: string;
  priority: string;
  slaState: string;
  slaDueAt: number | null;
  /** When the case opened (its 'opened' timeline event), else when the desk first stored it. */
  openedAt: number;
}

export interface SlaChange {
  id: number;
  /** 'opened': the status the case was opened with, applied from its opening time. */
  kind: 'opened' | 'status' | 'responded';
  status: string | null;
  at: number;
}

interface ClockRow {
  caseId: string;
  evaluated: number;
  policyId: string | null;
  phase: SlaPhase;
  paused: number;
  consumedMs: number;
  consumedAt: number | null;
  warned: number;
  breachedAt: number | null;
  escalatedInPhase: number;
  level: number;
  lastEscalatedMs: number | null;
  lastEscalatedAt: number | null;
  tier: number;
  awaitingLink: number;
  nextCheckAt: number | null;
}

const clockColumns = `case_id AS caseId, evaluated, policy_id AS policyId, phase, paused, consumed_ms AS consumedMs,
  consumed_at AS consumedAt, warned, breached_at AS breachedAt, escalated_in_phase AS escalatedInPhase, level,
  last_escalated_ms AS lastEscalatedMs, last_escalated_at AS lastEscalatedAt, tier, awaiting_link AS awaitingLink,
  next_check_at AS nextCheckAt`;

const toRecord = (r: ClockRow): SlaClockRecord => ({
  ...r,
  evaluated: r.evaluated === 1,
  paused: r.paused === 1,
  warned: r.warned === 1,
  escalatedInPhase: r.escalatedInPhase === 1,
  awaitingLink: r.awaitingLink === 1,
});

const flag = (b: boolean) => (b ? 1 : 0);

export function createSlaStore(db: Db) {
  const clock = db.prepare(`SELECT ${clockColumns} FROM case_sla WHERE case_id = ?`);
  const facts = db.prepare(
    `SELECT c.id, c.partner_id AS partnerId, c.community_id AS communityId, c.tg_issue_id AS tgIssueId, c.title,
            c.type, c.status, c.priority, c.sla_state AS slaState, c.sla_due_at AS slaDueAt,
            COALESCE((SELECT e.at FROM case_events e WHERE e.case_id = c.id AND e.event_key = 'opened'), c.created_at) AS openedAt
     FROM cases c WHERE c.id = ?`,
  );
  const dueByTime = db.prepare(
    'SELECT case_id AS caseId FROM case_sla WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ?',
  );
  const withChanges = db.prepare('SELECT DISTINCT case_id AS caseId FROM sla_case_changes LIMIT ?');
  const changes = db.prepare(
    'SELECT id, kind, status, at FROM sla_case_changes WHERE case_id = ? ORDER BY id LIMIT 1000',
  );
  const dropChanges = db.prepare('DELETE FROM sla_case_changes WHERE case_id = ? AND id <= ?');
  const addChange = db.prepare(
    'INSERT INTO sla_case_changes (case_id, kind, status, at) VALUES (?, ?, ?, ?)',
  );
  const save = db.prepare(
    `UPDATE case_sla SET evaluated = ?, policy_id = ?, phase = ?, paused = ?, consumed_ms = ?, consumed_at = ?,
       warned = ?, breached_at = ?, escalated_in_phase = ?, level = ?, last_escalated_ms = ?, last_escalated_at = ?,
       tier = ?, awaiting_link = ?, next_check_at = ?, updated_at = ?
     WHERE case_id = ?`,
  );
  const setCaseSla = db.prepare('UPDATE cases SET sla_state = ?, sla_due_at = ? WHERE id = ?');
  const rearmRunning = db.prepare("UPDATE case_sla SET next_check_at = 0 WHERE phase <> 'done'");
  const metaGet = db.prepare('SELECT value FROM sla_meta WHERE key = ?');
  const metaSet = db.prepare(
    'INSERT INTO sla_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  return {
    /** Cases the evaluator must look at now: a change to fold in, or a deadline that has come. */
    dueCaseIds(now: number, limit: number): string[] {
      const ids = new Set<string>();
      for (const r of withChanges.all(limit) as { caseId: string }[]) ids.add(r.caseId);
      for (const r of dueByTime.all(now, limit) as { caseId: string }[]) {
        if (ids.size >= limit) break;
        ids.add(r.caseId);
      }
      return [...ids];
    },
    clock(caseId: string): SlaClockRecord | undefined {
      const row = clock.get(caseId) as ClockRow | undefined;
      return row && toRecord(row);
    },
    facts(caseId: string): SlaCaseFacts | undefined {
      return facts.get(caseId) as SlaCaseFacts | undefined;
    },
    /** Changes not yet folded into the case's clock, oldest first. */
    changes(caseId: string): SlaChange[] {
      return changes.all(caseId) as unknown as SlaChange[];
    },
    /** Forgets the changes up to `lastId`, once they are folded into the clock (same transaction). */
    dropChanges(caseId: string, lastId: number): void {
      dropChanges.run(caseId, lastId);
    },
    save(r: SlaClockRecord, now: number): void {
      save.run(
        flag(r.evaluated),
        r.policyId,
        r.phase,
        flag(r.paused),
        Math.round(r.consumedMs),
        r.consumedAt,
        flag(r.warned),
        r.breachedAt,
        flag(r.escalatedInPhase),
        r.level,
        r.lastEscalatedMs === null ? null : Math.round(r.lastEscalatedMs),
        r.lastEscalatedAt,
        r.tier,
        flag(r.awaitingLink),
        r.nextCheckAt,
        now,
        r.caseId,
      );
    },
    /** The SLA state and due time the inbox filters and sorts by. */
    setCaseSla(caseId: string, state: SlaState, dueAt: number | null): void {
      setCaseSla.run(state, dueAt, caseId);
    },
    /**
     * Someone on our side answered the partner (a reply posted to the Trading Grid case) without the
     * case's status changing: the first-response target is met from `at`.
     */
    recordFirstResponse(caseId: string, at: number): void {
      addChange.run(caseId, 'responded', null, at);
    },
    /** After the SLA settings changed: every running clock is evaluated again on the next tick. */
    rearmRunningClocks(): void {
      rearmRunning.run();
    },
    meta(key: string): string | undefined {
      return (metaGet.get(key) as { value: string } | undefined)?.value;
    },
    setMeta(key: string, value: string): void {
      metaSet.run(key, value);
    },
  };
}
export type SlaStore = ReturnType<typeof createSlaStore>;
