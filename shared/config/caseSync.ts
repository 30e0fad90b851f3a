// Configuration of case sync (flow 7), status back to partners (flow 4) and partner input routing
// (flow 5): which side owns each synced field, how internal statuses read to a partner, how Trading
// Grid's status words map onto the desk's status, and where partner messages go. Validated on load.
import { z } from 'zod';
import { settingsObject } from './strictSettings.ts';
import { Id } from '../domain/primitives.ts';
import { ContentType } from '../domain/document.ts';
import { DEFAULT_FILE_TYPES } from './documentSettings.ts';
import { InternalRoute } from '../domain/routeMessage.ts';

export const SyncSide = z.enum(['xconnector', 'trading-grid']);
export type SyncSide = z.infer<typeof SyncSide>;

/** The desk's own case status vocabulary. Flow 8 pauses the SLA clock on `waiting_on_partner`. */
export const CaseStatus = z.enum(['open', 'in_progress', 'waiting_on_partner', 'resolved', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

const StatusWord = z.string().min(1).max(64);

export const PartnerFacingStatus = settingsObject({
  /** Trading Grid's status word the issue is set to. */
  status: StatusWord,
  /** What the partner reads in the status update. */
  message: z.string().min(1).max(2000),
});
export type PartnerFacingStatus = z.infer<typeof PartnerFacingStatus>;

export const RoutingRule = settingsObject({
  /** Shown to the receiving team as the reason the message came to them. */
  name: z.string().min(1).max(200),
  route: InternalRoute,
  /** Each list given must match (a rule with two lists needs both); a list matches if any entry does. */
  caseTypes: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
  partnerIds: z.array(Id).min(1).max(1000).optional(),
  /** Whole words or phrases, case-insensitive, looked for in the subject and body. */
  keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(200).optional(),
  /** Document types of the attached files (e.g. invoice, proof_of_delivery). */
  documentTypes: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
}).refine(
  (r) => r.caseTypes || r.partnerIds || r.keywords || r.documentTypes,
  'a routing rule needs at least one of caseTypes, partnerIds, keywords or documentTypes',
);
export type RoutingRule = z.infer<typeof RoutingRule>;

const DEFAULT_STATUS_TO_PARTNER: Record<string, PartnerFacingStatus> = {
  NEW: { status: 'OPEN', message: 'We have opened a case for this and will start on it shortly.' },
  TRIAGED: { status: 'OPEN', message: 'Your case has been reviewed and assigned to a specialist.' },
  INVESTIGATING: { status: 'IN_PROGRESS', message: 'We are investigating and will update you here.' },
  WAITING_ON_PARTNER: {
    status: 'WAITING_ON_PARTNER',
    message: 'We need information from you to continue: please see our latest comment.',
  },
  PENDING_CREDIT_NOTE: {
    status: 'IN_PROGRESS',
    message: 'We have agreed a correction; a credit note is being prepared.',
  },
  PENDING_REPLACEMENT: { status: 'IN_PROGRESS', message: 'A replacement shipment is being arranged.' },
  RESOLVED: { status: 'RESOLVED', message: 'We have resolved this case.' },
  CLOSED: { status: 'CLOSED', message: 'This case is closed.' },
  REOPENED: { status: 'IN_PROGRESS', message: 'We have reopened this case and are looking into it again.' },
};

const DEFAULT_RULES: RoutingRule[] = [
  {
    name: 'Invoices and remittances go to ERP',
    route: 'erp',
    documentTypes: ['invoice', 'credit_note', 'remittance_advice'],
  },
  {
    name: 'Order and delivery documents go to order management',
    route: 'order-management',
    documentTypes: ['purchase_order', 'order_change', 'packing_slip', 'proof_of_delivery', 'bill_of_lading'],
  },
  { name: 'Invoice disputes go to ERP', route: 'erp', caseTypes: ['INVOICE_DISPUTE'] },
  {
    name: 'Order and shipment exceptions go to order management',
    route: 'order-management',
    caseTypes: ['ORDER_EXCEPTION', 'SHIPMENT_EXCEPTION'],
  },
  {
    name: 'Payment questions go to ERP',
    route: 'erp',
    keywords: ['invoice', 'payment', 'paid', 'remittance', 'credit note', 'price'],
  },
  {
    name: 'Order questions go to order management',
    route: 'order-management',
    keywords: ['purchase order', 'order', 'delivery', 'shipment', 'quantity', 'backorder', 'cancel'],
  },
];

/**
 * The document types partners' files may be, by default: all the desk recognises except archives and
 * older Office formats, which can carry anything (or macros) into internal systems unseen.
 */
const PARTNER_FILE_TYPES = [...new Set(DEFAULT_FILE_TYPES.map((t) => t.contentType))].filter(
  (t) => !['application/zip', 'application/msword', 'application/vnd.ms-excel'].includes(t),
);

export const CaseSyncSettings = settingsObject({
  /**
   * The side whose value wins for each synced field. The owner's changes are copied to the other side;
   * a change on the other side alone is shown on the desk but not copied; when both changed since the
   * last sync, the owner wins and the desk's timeline records the conflict.
   */
  fieldOwners: settingsObject({
    status: SyncSide.default('xconnector'),
    resolution: SyncSide.default('xconnector'),
    title: SyncSide.default('xconnector'),
    priority: SyncSide.default('xconnector'),
  }).prefault({}),
  /** Internal status word → the partner-facing status and message posted to Trading Grid (flow 4). */
  statusToPartner: z.record(StatusWord, PartnerFacingStatus).default(DEFAULT_STATUS_TO_PARTNER),
  /** Trading Grid status word → the desk's case status. */
  partnerStatus: z.record(StatusWord, CaseStatus).default({
    OPEN: 'open',
    IN_PROGRESS: 'in_progress',
    WAITING_ON_PARTNER: 'waiting_on_partner',
    RESOLVED: 'resolved',
    CLOSED: 'closed',
  }),
  /** Trading Grid status word → internal status word, used only when Trading Grid owns the status. */
  partnerToInternal: z.record(StatusWord, StatusWord).default({
    OPEN: 'REOPENED',
    IN_PROGRESS: 'INVESTIGATING',
    WAITING_ON_PARTNER: 'WAITING_ON_PARTNER',
    RESOLVED: 'RESOLVED',
    CLOSED: 'CLOSED',
  }),
  /**
   * Files partners attach in Trading Grid, passed on to xConnector (flows 5 and 7): anything larger or
   * of another type is refused with its reason on the case's timeline. The type is judged by the
   * name and the bytes, with the document file types (Settings → Documents).
   */
  partnerFiles: settingsObject({
    maxBytes: z
      .number()
      .int()
      .min(1)
      .max(Number.MAX_SAFE_INTEGER)
      .default(100 * 1024 * 1024),
    allowedContentTypes: z
      .array(ContentType)
      .min(1)
      .max(200)
      .default(() => [...PARTNER_FILE_TYPES]),
  }).prefault({}),
  /** The author name the partner sees on replies written at the desk. */
  deskAuthorName: z.string().trim().min(1).max(200).default('Partner Desk'),
  routing: settingsObject({
    /** First matching rule wins. */
    rules: z.array(RoutingRule).max(200).default(DEFAULT_RULES),
    defaultRoute: InternalRoute.default('customer-service'),
  }).prefault({}),
}).superRefine((s, ctx) => {
  for (const [word, target] of Object.entries(s.statusToPartner)) {
    if (!Object.hasOwn(s.partnerStatus, target.status))
      ctx.addIssue({
        code: 'custom',
        path: ['statusToPartner', word, 'status'],
        message: `"${target.status}" is not a Trading Grid status that partnerStatus maps to a desk status`,
      });
  }
  for (const word of Object.keys(s.partnerToInternal)) {
    if (!Object.hasOwn(s.partnerStatus, word))
      ctx.addIssue({
        code: 'custom',
        path: ['partnerToInternal', word],
        message: `"${word}" is not a Trading Grid status that partnerStatus knows`,
      });
  }
});
export type CaseSyncSettings = z.infer<typeof CaseSyncSettings>;
