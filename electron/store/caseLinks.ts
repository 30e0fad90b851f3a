// Case sync's links (flow 7): which desk case each xConnector internal case belongs to, which desk case
// a Trading Grid issue belongs to, whose partner a community is, and the per-field sync bookkeeping.
import type { Db } from './database.ts';

export interface CommunityPartner {
  partnerId: string;
  partnerName: string;
}

export function createCaseLinkStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO case_links (xc_case_id, case_id, adopted, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (xc_case_id) DO NOTHING',
  );
  const byXcCase = db.prepare('SELECT case_id AS caseId FROM case_links WHERE xc_case_id = ?');
  const firstForCase = db.prepare(
    'SELECT xc_case_id AS xcCaseId FROM case_links WHERE case_id = ? ORDER BY created_at, xc_case_id LIMIT 1',
  );
  const adopted = db.prepare('SELECT 1 FROM case_links WHERE case_id = ? AND adopted = 1 LIMIT 1');
  const byIssue = db.prepare('SELECT id FROM cases WHERE tg_issue_id = ?');
  const partnerOfCommunity = db.prepare(
    `SELECT p.id AS partnerId, p.name AS partnerName FROM communities c
     JOIN partners p ON p.partner_code = c.partner_code WHERE c.id = ? ORDER BY p.id LIMIT 1`,
  );
  const getState = db.prepare('SELECT fields FROM case_sync_state WHERE case_id = ?');
  const putState = db.prepare(
    `INSERT INTO case_sync_state (case_id, fields, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (case_id) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at`,
  );
  return {
    /** Returns true when the link is new. */
    link(xcCaseId: string, caseId: string, adoptedLink: boolean, now: number): boolean {
      return insert.run(xcCaseId, caseId, adoptedLink ? 1 : 0, now).changes > 0;
    },
    /** True when an earlier installation may already have copied things for this case. */
    isAdopted(caseId: string): boolean {
      return adopted.get(caseId) !== undefined;
    },
    caseOf(xcCaseId: string): string | undefined {
      return (byXcCase.get(xcCaseId) as { caseId: string } | undefined)?.caseId;
    },
    /** The (first) internal case linked to a desk case. */
    internalCaseOf(caseId: string): string | undefined {
      return (firstForCase.get(caseId) as { xcCaseId: string } | undefined)?.xcCaseId;
    },
    caseOfIssue(issueId: string): string | undefined {
      return (byIssue.get(issueId) as { id: string } | undefined)?.id;
    },
    partnerOfCommunity(communityId: string): CommunityPartner | undefined {
      return partnerOfCommunity.get(communityId) as CommunityPartner | undefined;
    },
    fieldState(caseId: string): Record<string, unknown> {
      const row = getState.get(caseId) as { fields: string } | undefined;
      return row ? (JSON.parse(row.fields) as Record<string, unknown>) : {};
    },
    setFieldState(caseId: string, fields: Record<string, unknown>, now: number): void {
      putState.run(caseId, JSON.stringify(fields), now);
    },
  };
}
export type CaseLinkStore = ReturnType<typeof createCaseLinkStore>;
