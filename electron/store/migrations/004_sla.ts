// Migration 4: SLA clocks and escalations (flow 8). One row per case holds its SLA clock; triggers on
// the cases table tell the SLA evaluator what to look at, so a tick reads only cases with something
// due (by index) instead of scanning every case, and no flow has to remember to tell it.
import type { DatabaseSync } from 'node:sqlite';

export function up(db: DatabaseSync): void {
  db.exec(`
    CREATE TABLE case_sla (
      case_id TEXT PRIMARY KEY,
      -- 0 until the evaluator has seen the case once (it then finds its policy and opening time).
      evaluated INTEGER NOT NULL DEFAULT 0,
      policy_id TEXT,
      phase TEXT NOT NULL DEFAULT 'first_response',
      paused INTEGER NOT NULL DEFAULT 0,
      -- Business milliseconds the SLA clock has run, exact as of consumed_at.
      consumed_ms INTEGER NOT NULL DEFAULT 0,
      consumed_at INTEGER,
      warned INTEGER NOT NULL DEFAULT 0,
      -- When the current phase's target fell due, once it has.
      breached_at INTEGER,
      escalated_in_phase INTEGER NOT NULL DEFAULT 0,
      -- Escalation ladder steps taken so far, and the clock reading and instant of the last one.
      level INTEGER NOT NULL DEFAULT 0,
      last_escalated_ms INTEGER,
      last_escalated_at INTEGER,
      tier INTEGER NOT NULL DEFAULT 1,
      -- A step is due but the case has no Trading Grid issue yet: the link trigger below re-arms it.
      awaiting_link INTEGER NOT NULL DEFAULT 0,
      -- When the evaluator must look at the case again (warning, breach, next step); NULL = nothing due.
      next_check_at INTEGER,
      updated_at INTEGER
    );
    CREATE INDEX case_sla_next_check ON case_sla (next_check_at) WHERE next_check_at IS NOT NULL;

    -- The opening status, later status changes and first replies not yet folded into a case's SLA
    -- clock, in order.
    CREATE TABLE sla_case_changes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      status TEXT,
      at INTEGER NOT NULL
    );
    CREATE INDEX sla_case_changes_by_case ON sla_case_changes (case_id, id);

    -- The settings the clocks were last computed with (a change re-evaluates every running clock).
    CREATE TABLE sla_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    -- Cases from before this migration start their clocks on the next tick, like new ones.
    INSERT OR IGNORE INTO case_sla (case_id, next_check_at) SELECT id, 0 FROM cases;
    INSERT INTO sla_case_changes (case_id, kind, status, at) SELECT id, 'opened', status, created_at FROM cases;

    -- A new case: its clock starts from its opening time, in the status it was opened with.
    CREATE TRIGGER case_sla_on_open AFTER INSERT ON cases BEGIN
      INSERT OR IGNORE INTO case_sla (case_id, next_check_at) VALUES (NEW.id, 0);
      INSERT INTO sla_case_changes (case_id, kind, status, at) VALUES (NEW.id, 'opened', NEW.status, NEW.created_at);
    END;
    CREATE TRIGGER case_sla_on_status AFTER UPDATE OF status ON cases
    WHEN NEW.status IS NOT OLD.status BEGIN
      INSERT INTO sla_case_changes (case_id, kind, status, at) VALUES (NEW.id, 'status', NEW.status, NEW.updated_at);
    END;
    -- Priority, type and partner choose the policy: a change re-evaluates the case now.
    CREATE TRIGGER case_sla_on_policy_inputs AFTER UPDATE OF priority, type, partner_id ON cases
    WHEN NEW.priority IS NOT OLD.priority OR NEW.type IS NOT OLD.type OR NEW.partner_id IS NOT OLD.partner_id BEGIN
      UPDATE case_sla SET next_check_at = 0 WHERE case_id = NEW.id;
    END;
    CREATE TRIGGER case_sla_on_link AFTER UPDATE OF tg_issue_id ON cases
    WHEN NEW.tg_issue_id IS NOT NULL BEGIN
      UPDATE case_sla SET next_check_at = 0 WHERE case_id = NEW.id AND awaiting_link = 1;
    END;
  `);
}
