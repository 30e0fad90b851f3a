// Makes the contents of xConnector's internal cases: cases about exceptions or standalone partner
// problems, the comments agents write (for the partner or internal-only), and the resolution steps a
// case goes through, always from a seeded Rng so the same calls give the same cases.
import type { PartnerException } from '../../../shared/domain/exception.ts';
import type { IssuePriority } from '../../../shared/domain/issue.ts';
import type {
  InternalCase,
  InternalComment,
  Resolution,
  ResolutionStep,
} from '../../../shared/domain/internalCase.ts';
import type { Rng } from '../rng.ts';

export const CASE_TYPES = [
  'INVOICE_DISPUTE',
  'SHIPMENT_EXCEPTION',
  'ORDER_EXCEPTION',
  'GENERAL_INQUIRY',
] as const;

const TYPE_OF_KIND: Record<PartnerException['kind'], string> = {
  shipment: 'SHIPMENT_EXCEPTION',
  invoice: 'INVOICE_DISPUTE',
  order: 'ORDER_EXCEPTION',
};

const PRIORITY_OF_SEVERITY: Record<PartnerException['severity'], IssuePriority> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'urgent',
};

const AGENTS = [
  'Maria Lopez (Accounts Receivable)',
  'Tom Becker (Logistics)',
  'Priya Nair (Customer Service)',
  'Jan de Vries (Order Desk)',
  'Chen Wei (Supplier Quality)',
  'Amara Okafor (Partner Support)',
];

const PARTNER_COMMENTS: Record<string, readonly string[]> = {
  INVOICE_DISPUTE: [
    'We have checked the agreed price list and the invoiced unit price does not match it.',
    'Please send a corrected invoice or a credit note for the difference.',
    'Could you confirm the tolerance that applies to this purchase order?',
  ],
  SHIPMENT_EXCEPTION: [
    'Our receiving dock counted fewer cartons than the ASN announced.',
    'Please send the proof of delivery so we can close the discrepancy.',
    'Can you confirm when the remaining cartons will ship?',
  ],
  ORDER_EXCEPTION: [
    'We have not received an order acknowledgment for this PO yet.',
    'Please confirm whether the changed quantities are acceptable.',
    'The item on line 3 is not in our catalogue: please advise a substitute.',
  ],
  GENERAL_INQUIRY: [
    'Thank you for reaching out, we are looking into it.',
    'Could you share the reference numbers involved?',
    'We will come back to you by the end of the week.',
  ],
};

const INTERNAL_NOTES = [
  'Checked with the warehouse: counts match the pick list.',
  'Escalated to the pricing team; waiting for their answer.',
  'Customer is strategic, handle with priority.',
  'Carrier claim may be needed, keep the photos.',
];

/** The healthy path of a case, by type: each step moves it one status further. */
const PATH: Record<string, readonly string[]> = {
  INVOICE_DISPUTE: [
    'NEW',
    'TRIAGED',
    'INVESTIGATING',
    'WAITING_ON_PARTNER',
    'INVESTIGATING',
    'PENDING_CREDIT_NOTE',
    'RESOLVED',
    'CLOSED',
  ],
  SHIPMENT_EXCEPTION: ['NEW', 'TRIAGED', 'INVESTIGATING', 'PENDING_REPLACEMENT', 'RESOLVED', 'CLOSED'],
  ORDER_EXCEPTION: ['NEW', 'INVESTIGATING', 'WAITING_ON_PARTNER', 'INVESTIGATING', 'RESOLVED', 'CLOSED'],
  GENERAL_INQUIRY: ['NEW', 'INVESTIGATING', 'RESOLVED', 'CLOSED'],
};

const OUTCOMES: Record<string, readonly string[]> = {
  INVOICE_DISPUTE: [
    'Credit note issued for the price difference',
    'Invoice corrected and re-sent',
    'Invoice upheld after review',
  ],
  SHIPMENT_EXCEPTION: [
    'Missing cartons re-shipped',
    'Carrier claim filed and goods replaced',
    'Counts reconciled: no shortage',
  ],
  ORDER_EXCEPTION: [
    'Order acknowledged with the agreed changes',
    'Line cancelled and re-ordered',
    'Substitute item agreed',
  ],
  GENERAL_INQUIRY: ['Question answered'],
};

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export class CaseFactory {
  readonly rng: Rng;
  private caseCounter = 0;
  private commentCounter = 0;
  private stepCounter = 0;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** A case opened because of an xConnector exception: it joins that exception's desk case. */
  fromException(e: PartnerException, at: number): InternalCase {
    const type = TYPE_OF_KIND[e.kind];
    return this.make({
      partnerId: e.partnerId,
      exceptionId: e.id,
      type,
      title: `Resolve: ${e.summary}`.slice(0, 500),
      description: `Internal case for xConnector exception ${e.id}. ${e.description ?? ''}`.trim(),
      priority: PRIORITY_OF_SEVERITY[e.severity],
      at,
    });
  }

  /** A case the internal team opened on its own (no exception behind it). */
  standalone(partnerId: string, at: number): InternalCase {
    const rng = this.rng;
    const type = rng.weighted<string>([
      ['INVOICE_DISPUTE', 4],
      ['SHIPMENT_EXCEPTION', 3],
      ['ORDER_EXCEPTION', 3],
      ['GENERAL_INQUIRY', 1],
    ]);
    const po = `45${rng.digits(8)}`;
    const title = {
      INVOICE_DISPUTE: `Invoice INV-${rng.digits(7)} on PO ${po} disputed by the partner`,
      SHIPMENT_EXCEPTION: `Short delivery on PO ${po}: ${rng.int(1, 12)} cartons missing`,
      ORDER_EXCEPTION: `PO ${po} changed after confirmation`,
      GENERAL_INQUIRY: `Partner asks about onboarding of new item codes`,
    }[type] as string;
    return this.make({
      partnerId,
      exceptionId: null,
      type,
      title,
      description: `Opened by ${rng.pick(AGENTS)} after a call with the partner about PO ${po}.`,
      priority: rng.weighted<IssuePriority>([
        ['low', 2],
        ['medium', 5],
        ['high', 3],
        ['urgent', 1],
      ]),
      at,
    });
  }

  comment(c: InternalCase, at: number, visibility?: InternalComment['visibility']): InternalComment {
    const rng = this.rng;
    const shown = visibility ?? (rng.chance(0.75) ? 'partner' : 'internal');
    const body =
      shown === 'partner'
        ? rng.pick(PARTNER_COMMENTS[c.type] ?? PARTNER_COMMENTS.GENERAL_INQUIRY!)
        : rng.pick(INTERNAL_NOTES);
    return {
      id: this.commentId(),
      caseId: c.id,
      author: rng.pick(AGENTS),
      body,
      visibility: shown,
      origin: null,
      correlationRef: null,
      createdAt: iso(at),
    };
  }

  /** The case's next step on its type's path, or undefined when it is closed. */
  nextStep(c: InternalCase, at: number): ResolutionStep | undefined {
    const path = PATH[c.type] ?? PATH.GENERAL_INQUIRY!;
    const next = path[c.steps.length];
    if (next === undefined) return undefined;
    const resolution: Resolution | null =
      next === 'RESOLVED' ? { outcome: this.rng.pick(OUTCOMES[c.type] ?? OUTCOMES.GENERAL_INQUIRY!) } : null;
    return this.step(c.id, next, at, resolution);
  }

  step(caseId: string, status: string, at: number, resolution: Resolution | null = null): ResolutionStep {
    return {
      id: this.stepId(),
      caseId,
      status,
      resolution,
      note: this.rng.chance(0.3) ? this.rng.pick(INTERNAL_NOTES) : undefined,
      origin: null,
      correlationRef: null,
      createdAt: iso(at),
    };
  }

  commentId(): string {
    this.commentCounter++;
    return `CC-${String(this.commentCounter).padStart(8, '0')}`;
  }

  stepId(): string {
    this.stepCounter++;
    return `CS-${String(this.stepCounter).padStart(8, '0')}`;
  }

  private make(o: {
    partnerId: string;
    exceptionId: string | null;
    type: string;
    title: string;
    description: string;
    priority: IssuePriority;
    at: number;
  }): InternalCase {
    this.caseCounter++;
    const id = `IC-${String(this.caseCounter).padStart(7, '0')}`;
    const first = this.step(id, 'NEW', o.at);
    return {
      id,
      partnerId: o.partnerId,
      exceptionId: o.exceptionId,
      type: o.type,
      title: o.title,
      description: o.description.slice(0, 20_000),
      priority: o.priority,
      status: 'NEW',
      resolution: null,
      steps: [first],
      comments: [],
      attachments: [],
      link: null,
      createdAt: iso(o.at),
      updatedAt: iso(o.at),
    };
  }
}
