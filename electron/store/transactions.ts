// Transactions seen in xConnector's feed, with their decoded errors for the failed-transactions view.
import type { Db } from './database.ts';
import type { Transaction } from '../../shared/domain/transaction.ts';

export interface StoredTransaction {
  id: string;
  partnerId: string;
  standard: string;
  documentType: string;
  direction: string;
  controlNumber: string;
  status: string;
  rawStatus: string;
  errors: unknown[];
  errorSummary: string | null;
  updatedAt: string;
}

type Row = Omit<StoredTransaction, 'errors'> & { errors: string };

export function createTransactionStore(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO transactions (id, partner_id, standard, document_type, direction, control_number, status, raw_status, errors, error_summary, payload, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET partner_id = excluded.partner_id, standard = excluded.standard,
       document_type = excluded.document_type, direction = excluded.direction, control_number = excluded.control_number,
       status = excluded.status, raw_status = excluded.raw_status, errors = excluded.errors,
       error_summary = excluded.error_summary, payload = excluded.payload, updated_at = excluded.updated_at`,
  );
  const failed = db.prepare(
    `SELECT id, partner_id AS partnerId, standard, document_type AS documentType, direction, control_number AS controlNumber,
            status, raw_status AS rawStatus, errors, error_summary AS errorSummary, updated_at AS updatedAt
     FROM transactions WHERE status IN ('failed', 'rejected') AND (? IS NULL OR partner_id = ?)
     ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`,
  );
  const failedCount = db.prepare(
    `SELECT COUNT(*) AS n FROM transactions WHERE status IN ('failed', 'rejected') AND (? IS NULL OR partner_id = ?)`,
  );
  return {
    upsert(t: Transaction, errors: unknown[], errorSummary: string | null): void {
      upsert.run(
        t.id,
        t.partnerId,
        t.standard,
        t.documentType,
        t.direction,
        t.controlNumber,
        t.status,
        t.rawStatus,
        JSON.stringify(errors),
        errorSummary,
        JSON.stringify(t),
        t.updatedAt,
      );
    },
    failed(limit = 100, offset = 0, partnerId: string | null = null): StoredTransaction[] {
      return (failed.all(partnerId, partnerId, limit, offset) as unknown as Row[]).map((r) => ({
        ...r,
        errors: JSON.parse(r.errors) as unknown[],
      }));
    },
    failedCount(partnerId: string | null = null): number {
      return (failedCount.get(partnerId, partnerId) as { n: number }).n;
    },
  };
}
export type TransactionStore = ReturnType<typeof createTransactionStore>;
