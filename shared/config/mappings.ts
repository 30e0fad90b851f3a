// Field and status mappings between the two systems. They are configuration, not code: an integrator
// pointing Partner Desk at a real xConnector or Trading Grid adjusts these, and each is validated on load.
import { z } from 'zod';
import { settingsObject } from './strictSettings.ts';
import { TransactionStatus } from '../domain/transaction.ts';
import { IssuePriority } from '../domain/issue.ts';
import { CaseSyncSettings } from './caseSync.ts';

/** Remote field name → our field name, applied to each feed item before it is parsed. */
const FieldRenames = z.record(z.string().min(1).max(64), z.string().min(1).max(64));

export const Mappings = settingsObject({
  xconnector: settingsObject({
    /** xConnector's status words → our normalised transaction status. An unmapped word is quarantined. */
    transactionStatus: z.record(z.string().min(1).max(64), TransactionStatus).default({
      RECEIVED: 'pending',
      VALIDATING: 'pending',
      SENT: 'in_transit',
      ACCEPTED: 'accepted',
      ACKNOWLEDGED: 'accepted',
      ACCEPTED_WITH_ERRORS: 'accepted',
      FAILED_VALIDATION: 'failed',
      TRANSMISSION_FAILED: 'failed',
      REJECTED: 'rejected',
      REJECTED_DOWNSTREAM: 'rejected',
    }),
    fieldRenames: settingsObject({
      partner: FieldRenames.default({}),
      exception: FieldRenames.default({}),
      transaction: FieldRenames.default({}),
    }).default({ partner: {}, exception: {}, transaction: {} }),
  }).prefault({}),
  tradingGrid: settingsObject({
    issueTypeByExceptionKind: settingsObject({
      shipment: z.string().min(1),
      invoice: z.string().min(1),
      order: z.string().min(1),
    }).default({ shipment: 'SHIPMENT_EXCEPTION', invoice: 'INVOICE_DISPUTE', order: 'ORDER_EXCEPTION' }),
    priorityBySeverity: settingsObject({
      low: IssuePriority,
      medium: IssuePriority,
      high: IssuePriority,
      critical: IssuePriority,
    }).default({ low: 'low', medium: 'medium', high: 'high', critical: 'urgent' }),
    fieldRenames: settingsObject({ community: FieldRenames.default({}) }).default({ community: {} }),
  }).prefault({}),
  /** Case sync, status back to partners and partner input routing (flows 4, 5, 7). */
  caseSync: CaseSyncSettings.prefault({}),
});
export type Mappings = z.infer<typeof Mappings>;
