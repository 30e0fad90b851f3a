// Makes the objects of a simulated world: partners with realistic names, communities, exceptions and
// transactions (healthy, failed, rejected). Used to build a scenario and, later, to generate activity,
// always from a seeded Rng so the same calls give the same objects.
import type { Community, Partner } from '../../shared/domain/partner.ts';
import type { PartnerException } from '../../shared/domain/exception.ts';
import type { TransactionWire } from '../../shared/domain/transaction.ts';
import { sampleAcknowledgment, sampleTransmissionError, sampleValidationErrors } from './ediSamples.ts';
import type { Rng } from './rng.ts';

export type PartnerRole = 'retailer' | 'supplier' | 'carrier';

/** xConnector's own transaction status words. */
export const HEALTHY_STATUSES = [
  'RECEIVED',
  'VALIDATING',
  'SENT',
  'ACCEPTED',
  'ACKNOWLEDGED',
  'ACCEPTED_WITH_ERRORS',
] as const;
export const FAILED_STATUSES = [
  'FAILED_VALIDATION',
  'TRANSMISSION_FAILED',
  'REJECTED',
  'REJECTED_DOWNSTREAM',
] as const;
export const IN_FLIGHT_STATUSES: readonly string[] = ['RECEIVED', 'VALIDATING', 'SENT'];
export type FailedStatus = (typeof FAILED_STATUSES)[number];

/** Our own EDI interchange id, as partners see it. */
export const OUR_EDI_ID = 'PDESKHQ';

const NAME_STEMS = [
  'Northwind',
  'Bluewater',
  'Harbor',
  'Summit',
  'Evergreen',
  'Redwood',
  'Lakeside',
  'Prairie',
  'Granite',
  'Silverline',
  'Maple',
  'Coastal',
  'Pinecrest',
  'Riverbend',
  'Sunrise',
  'Oakridge',
  'Highland',
  'Meridian',
  'Crescent',
  'Westfield',
  'Ironbridge',
  'Golden Gate',
  'Cedar Point',
  'Bayview',
  'Stonegate',
  'Brightway',
];
const SUFFIXES: Record<PartnerRole, readonly string[]> = {
  retailer: [
    'Stores',
    'Market',
    'Department Stores',
    'Home & Garden',
    'Grocers',
    'Outfitters',
    'Pharmacy',
    'Superstores',
  ],
  supplier: [
    'Components Inc.',
    'Manufacturing Co.',
    'Foods Ltd.',
    'Textiles GmbH',
    'Packaging Corp.',
    'Electronics Ltd.',
    'Industrial Supply',
    'Beverages S.A.',
  ],
  carrier: ['Freight Lines', 'Logistics', 'Express', 'Transport', 'Cargo', 'Haulage'],
};

const X12_TYPES = ['850', '855', '856', '810', '860', '820'] as const;
const EDIFACT_TYPES = ['ORDERS', 'ORDRSP', 'DESADV', 'INVOIC'] as const;
const API_TYPES = ['ORDER', 'ORDERACK', 'ASN', 'INVOICE'] as const;
/** Documents a retailer sends us (we receive them); the rest we send. Reversed for suppliers. */
const SENT_BY_BUYER = new Set(['850', '860', '820', 'ORDERS', 'ORDER']);

const DOWNSTREAM = ['ERP (SAP S/4HANA)', 'order management', 'warehouse management', 'accounts payable'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function codeFromName(name: string): string {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(
      (w) =>
        w.length > 0 &&
        w !== 'INC' &&
        w !== 'CO' &&
        w !== 'LTD' &&
        w !== 'GMBH' &&
        w !== 'CORP' &&
        w !== 'S' &&
        w !== 'A',
    );
  return words.join('_').slice(0, 48) || 'PARTNER';
}

export interface FactoryCounters {
  partner: number;
  exception: number;
  transaction: number;
  control: number;
}

export class WorldFactory {
  readonly rng: Rng;
  readonly counters: FactoryCounters;
  private readonly usedNames = new Set<string>();
  private readonly usedCodes = new Set<string>();

  constructor(
    rng: Rng,
    counters?: Partial<FactoryCounters>,
    taken?: { names: Iterable<string>; codes: Iterable<string> },
  ) {
    this.rng = rng;
    this.counters = { partner: 0, exception: 0, transaction: 0, control: 0, ...counters };
    for (const n of taken?.names ?? []) this.usedNames.add(n);
    for (const c of taken?.codes ?? []) this.usedCodes.add(c);
  }

  partner(at: number): { partner: Partner; role: PartnerRole } {
    const rng = this.rng;
    const role = rng.weighted<PartnerRole>([
      ['retailer', 5],
      ['supplier', 4],
      ['carrier', 2],
    ]);
    let name = `${rng.pick(NAME_STEMS)} ${rng.pick(SUFFIXES[role])}`;
    if (this.usedNames.has(name)) {
      let n = 2;
      while (this.usedNames.has(`${name} ${n}`)) n++;
      name = `${name} ${n}`;
    }
    this.usedNames.add(name);
    let code = codeFromName(name);
    if (this.usedCodes.has(code)) {
      let n = 2;
      while (this.usedCodes.has(`${code}_${n}`)) n++;
      code = `${code}_${n}`;
    }
    this.usedCodes.add(code);
    this.counters.partner++;
    const partner: Partner = {
      id: `PTR-${pad(this.counters.partner, 5)}`,
      name,
      partnerCode: code,
      ediId: rng.digits(9),
      active: !rng.chance(0.05),
      updatedAt: iso(at),
    };
    return { partner, role };
  }

  community(partner: Partner, at: number): Community {
    return {
      id: `C-${this.rng.code(10)}`,
      name: partner.name,
      partnerCode: partner.partnerCode,
      createdAt: iso(at),
    };
  }

  exception(partnerId: string, at: number, transactionId?: string): PartnerException {
    const rng = this.rng;
    this.counters.exception++;
    const id = `EX-${pad(this.counters.exception, 7)}`;
    const kind = rng.weighted<PartnerException['kind']>([
      ['shipment', 4],
      ['invoice', 4],
      ['order', 3],
    ]);
    const severity = rng.weighted<PartnerException['severity']>([
      ['low', 3],
      ['medium', 5],
      ['high', 3],
      ['critical', 1],
    ]);
    const po = `45${rng.digits(8)}`;
    const currency = rng.weighted([
      ['USD', 6],
      ['EUR', 3],
      ['GBP', 1],
      ['CAD', 1],
    ] as const);
    const references: PartnerException['references'] = { poNumber: po };
    if (transactionId) references.transactionId = transactionId;
    let summary: string;
    let description: string;
    let amounts: PartnerException['amounts'];
    if (kind === 'shipment') {
      const asn = `ASN${rng.digits(8)}`;
      const shipment = `SHP-${rng.code(8)}`;
      references.asnNumber = asn;
      references.shipmentId = shipment;
      const variant = rng.int(0, 4);
      const shipped = rng.int(10, 120);
      const received = shipped - rng.int(1, Math.min(9, shipped - 1));
      const lateDays = rng.int(1, 6);
      summary = [
        `ASN ${asn} quantity mismatch: ${shipped} cartons shipped, ${received} received`,
        `Shipment ${shipment} delivered ${lateDays} day(s) after the requested date`,
        `Proof of delivery missing for shipment ${shipment}`,
        `Shipment ${shipment} received damaged (${rng.int(1, 6)} pallets)`,
        `Goods for PO ${po} arrived before ASN ${asn}`,
      ][variant] as string;
      description = `Detected by xConnector receiving reconciliation against PO ${po}. Dock: DC-${rng.int(1, 9)}${rng.int(0, 9)}, carrier ref ${rng.code(10)}.`;
    } else if (kind === 'invoice') {
      const invoice = `INV-${rng.digits(7)}`;
      references.invoiceNumber = invoice;
      const expected = Math.round(rng.float(200, 50_000) * 100) / 100;
      const actual = Math.round(expected * rng.float(1.01, 1.25) * 100) / 100;
      const variant = rng.int(0, 3);
      summary = [
        `Invoice ${invoice} price mismatch on PO ${po}: billed ${actual.toFixed(2)} ${currency}, agreed ${expected.toFixed(2)} ${currency}`,
        `Duplicate invoice ${invoice} for PO ${po}`,
        `Invoice ${invoice} total exceeds PO ${po} by ${(actual - expected).toFixed(2)} ${currency}`,
        `Invoice ${invoice} references a PO that is closed (${po})`,
      ][variant] as string;
      if (variant !== 1) amounts = { currency, expected, actual };
      description = `Three-way match failed (PO / receipt / invoice). Tolerance ${rng.pick(['0.5%', '1%', '2%'])}; payment is on hold until resolved.`;
    } else {
      const variant = rng.int(0, 3);
      const sku = `SKU-${rng.digits(6)}`;
      summary = [
        `PO ${po} not acknowledged: no 855 after ${rng.pick([24, 48, 72])} hours`,
        `PO ${po} acknowledged with quantity changes on ${rng.int(1, 8)} line(s)`,
        `PO ${po} cancelled by partner after goods were picked`,
        `PO ${po} line rejected: item ${sku} not in partner catalogue`,
      ][variant] as string;
      description = `Order exception raised by xConnector order monitoring for PO ${po}.`;
    }
    const detected = iso(at);
    const exception: PartnerException = {
      id,
      kind,
      partnerId,
      severity,
      summary,
      description,
      references,
      detectedAt: detected,
      updatedAt: detected,
      link: null,
    };
    if (amounts) exception.amounts = amounts;
    return exception;
  }

  /** A new transaction. `failed` forces a failure status; otherwise a healthy status is drawn. */
  transaction(
    partner: Partner,
    role: PartnerRole,
    at: number,
    options: { failed?: boolean; status?: string } = {},
  ): TransactionWire {
    const rng = this.rng;
    this.counters.transaction++;
    this.counters.control++;
    const standard = rng.weighted<TransactionWire['standard']>([
      ['X12', 6],
      ['EDIFACT', 3],
      ['API', 2],
    ]);
    const documentType =
      standard === 'X12'
        ? rng.pick(X12_TYPES)
        : standard === 'EDIFACT'
          ? rng.pick(EDIFACT_TYPES)
          : rng.pick(API_TYPES);
    const sentByBuyer = SENT_BY_BUYER.has(documentType);
    const inbound = role === 'supplier' ? !sentByBuyer : sentByBuyer;
    const controlNumber =
      standard === 'X12'
        ? pad(100_000_000 + this.counters.control, 9)
        : standard === 'EDIFACT'
          ? `XC${pad(this.counters.control, 9)}`
          : `MSG-${rng.hex(12)}`;
    const created = iso(at);
    const tx: TransactionWire = {
      id: `TX-${pad(this.counters.transaction, 8)}`,
      partnerId: partner.id,
      standard,
      documentType,
      direction: inbound ? 'inbound' : 'outbound',
      controlNumber,
      status: 'RECEIVED',
      validationErrors: [],
      acknowledgment: null,
      transmissionError: null,
      createdAt: created,
      updatedAt: created,
    };
    if (options.failed) return this.fail(tx, partner, at + rng.int(1, 30) * 60_000);
    const status =
      options.status ??
      rng.weighted<string>(
        inbound
          ? [
              ['RECEIVED', 2],
              ['VALIDATING', 2],
              ['ACCEPTED', 60],
            ]
          : [
              ['RECEIVED', 2],
              ['VALIDATING', 2],
              ['SENT', 8],
              ['ACCEPTED', 25],
              ['ACKNOWLEDGED', 40],
              ['ACCEPTED_WITH_ERRORS', 5],
            ],
      );
    return this.withStatus(tx, partner, status, at + (status === 'RECEIVED' ? 0 : rng.int(1, 30) * 60_000));
  }

  /** The transaction moved to a healthy status (ack attached when the status implies one). */
  withStatus(tx: TransactionWire, partner: Partner, status: string, at: number): TransactionWire {
    const next: TransactionWire = { ...tx, status, updatedAt: iso(at) };
    if (status === 'ACCEPTED_WITH_ERRORS' && tx.standard === 'X12') {
      next.acknowledgment = sampleAcknowledgment(this.rng, {
        standard: 'X12',
        documentType: tx.documentType,
        controlNumber: tx.controlNumber,
        status: 'E',
        parties: { ourId: OUR_EDI_ID, partnerId: partner.ediId ?? partner.partnerCode },
        at: new Date(at),
      });
      next.statusReason = 'Accepted by the partner with errors noted';
    } else if (status === 'ACCEPTED_WITH_ERRORS') {
      next.validationErrors = sampleValidationErrors(this.rng, tx.standard, { count: 1 });
      next.statusReason = 'Accepted by the partner with warnings';
    }
    return next;
  }

  /** The transaction moved to a failure status that fits its direction and standard. */
  fail(tx: TransactionWire, partner: Partner, at: number, forced?: FailedStatus): TransactionWire {
    const rng = this.rng;
    const status: FailedStatus =
      forced ??
      (tx.direction === 'inbound'
        ? rng.weighted<FailedStatus>([
            ['FAILED_VALIDATION', 3],
            ['REJECTED_DOWNSTREAM', 2],
          ])
        : rng.weighted<FailedStatus>([
            ['FAILED_VALIDATION', 3],
            ['TRANSMISSION_FAILED', 2],
            ['REJECTED', 3],
            ['REJECTED_DOWNSTREAM', 1],
          ]));
    const next: TransactionWire = {
      ...tx,
      status,
      updatedAt: iso(at),
      validationErrors: [],
      acknowledgment: null,
      transmissionError: null,
    };
    switch (status) {
      case 'FAILED_VALIDATION':
        next.validationErrors = sampleValidationErrors(rng, tx.standard);
        next.statusReason = `Failed xConnector validation with ${next.validationErrors.length} error(s)`;
        break;
      case 'TRANSMISSION_FAILED':
        next.transmissionError = sampleTransmissionError(rng, partner.partnerCode, new Date(at));
        next.statusReason = 'Could not be delivered to the partner';
        break;
      case 'REJECTED':
        if (tx.standard === 'API') {
          next.validationErrors = sampleValidationErrors(rng, 'API');
          next.statusReason = 'Rejected by the partner API (HTTP 422)';
        } else {
          next.acknowledgment = sampleAcknowledgment(rng, {
            standard: tx.standard,
            documentType: tx.documentType,
            controlNumber: tx.controlNumber,
            status: 'R',
            parties: { ourId: OUR_EDI_ID, partnerId: partner.ediId ?? partner.partnerCode },
            at: new Date(at),
          });
          next.statusReason = `Rejected by the partner (${next.acknowledgment.type})`;
        }
        break;
      case 'REJECTED_DOWNSTREAM':
        next.validationErrors = sampleValidationErrors(rng, tx.standard, {
          count: 1,
          only: rng.chance(0.6) ? 'UNKNOWN_ITEM' : 'INVALID_CODE',
        });
        next.statusReason = `Rejected downstream by ${rng.pick(DOWNSTREAM)}`;
        break;
    }
    return next;
  }

  /** Next healthy step of an in-flight transaction (RECEIVED → VALIDATING → SENT/ACCEPTED → …). */
  advance(tx: TransactionWire, partner: Partner, at: number): TransactionWire {
    const rng = this.rng;
    const next =
      tx.status === 'RECEIVED'
        ? 'VALIDATING'
        : tx.status === 'VALIDATING'
          ? tx.direction === 'inbound'
            ? 'ACCEPTED'
            : 'SENT'
          : rng.weighted<string>([
              ['ACKNOWLEDGED', 6],
              ['ACCEPTED', 3],
              ['ACCEPTED_WITH_ERRORS', 1],
            ]);
    return this.withStatus(tx, partner, next, at);
  }
}
