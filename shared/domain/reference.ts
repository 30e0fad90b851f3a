// Reference data (flow 6): the partner identifiers, ship-to locations, item codes and contacts that
// xConnector masters and Trading Grid's reference-data directory mirrors. Every field is bounded, so a
// hostile or broken system cannot make us store or send megabytes in one record.
import { z } from 'zod';
import { CorrelationRef, Id, IsoDateTime, ShortText } from './primitives.ts';
import { PartnerCode } from './partner.ts';

export const REFERENCE_KINDS = ['partnerId', 'shipTo', 'item', 'contact'] as const;
export const ReferenceKind = z.enum(REFERENCE_KINDS);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

/** A record's key within its kind. Safe in a URL path segment and inside a correlation reference. */
export const ReferenceKey = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/, 'letters, digits, . _ and -, at most 120 characters');
export type ReferenceKey = z.infer<typeof ReferenceKey>;

/** `sha256:` and the hex digest of the record's canonical JSON (see canonicalJson). */
export const ContentHash = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>');

/** An identifier a trading partner is known by: DUNS, GLN, an X12 ISA or EDIFACT UNB sender id, … */
export const PartnerIdData = z.object({
  scheme: z.enum(['DUNS', 'GLN', 'X12_ISA', 'EDIFACT_UNB', 'VAT', 'INTERNAL']),
  /** ISA05/ISA07 or UNB 0007 qualifier, when the scheme has one. */
  qualifier: z
    .string()
    .regex(/^[A-Z0-9]{1,4}$/)
    .optional(),
  value: z.string().min(1).max(35),
  label: ShortText.optional(),
});
export type PartnerIdData = z.infer<typeof PartnerIdData>;

export const ShipToData = z.object({
  name: z.string().min(1).max(200),
  address: z.object({
    lines: z.array(z.string().min(1).max(100)).min(1).max(4),
    city: z.string().min(1).max(100),
    region: z.string().max(100).optional(),
    postalCode: z.string().max(20),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code'),
  }),
  gln: z
    .string()
    .regex(/^\d{13}$/, 'a 13-digit GLN')
    .optional(),
  dock: z.string().max(50).optional(),
});
export type ShipToData = z.infer<typeof ShipToData>;

export const ItemData = z.object({
  description: z.string().min(1).max(500),
  gtin: z
    .string()
    .regex(/^(\d{8}|\d{12}|\d{13}|\d{14})$/, 'a GTIN-8, -12, -13 or -14')
    .optional(),
  buyerItemCode: z.string().min(1).max(48).optional(),
  supplierItemCode: z.string().min(1).max(48).optional(),
  /** UN/ECE Recommendation 20 or X12 355 unit code, e.g. EA, CS, KGM. */
  unitOfMeasure: z.string().regex(/^[A-Z0-9]{2,3}$/, 'a unit code such as EA, CS or KGM'),
  packSize: z.number().int().min(1).max(1_000_000).optional(),
});
export type ItemData = z.infer<typeof ItemData>;

export const ContactData = z.object({
  name: z.string().min(1).max(200),
  role: z.enum(['edi', 'orders', 'accounts-payable', 'logistics', 'support', 'other']),
  email: z.email().max(254),
  phone: z.string().max(40).optional(),
});
export type ContactData = z.infer<typeof ContactData>;

/** The data schema of each kind. */
export const REFERENCE_DATA: { readonly [K in ReferenceKind]: z.ZodType } = {
  partnerId: PartnerIdData,
  shipTo: ShipToData,
  item: ItemData,
  contact: ContactData,
};

export type ReferenceData = PartnerIdData | ShipToData | ItemData | ContactData;

function variant<K extends ReferenceKind, D extends z.ZodType>(kind: K, data: D) {
  return z
    .object({
      kind: z.literal(kind),
      key: ReferenceKey,
      /** The xConnector partner the record belongs to. */
      partnerId: Id,
      /** A deleted record keeps its key and partner and may leave `data` out. */
      deleted: z.boolean().default(false),
      updatedAt: IsoDateTime,
      data: data.optional(),
    })
    .refine((r) => r.deleted || r.data !== undefined, {
      message: 'data is required unless the record is deleted',
      path: ['data'],
    });
}

/** One record of xConnector's reference-data change feed; deletes come through it as `deleted: true`. */
export const ReferenceRecord = z.discriminatedUnion('kind', [
  variant('partnerId', PartnerIdData),
  variant('shipTo', ShipToData),
  variant('item', ItemData),
  variant('contact', ContactData),
]);
export type ReferenceRecord = z.infer<typeof ReferenceRecord>;

/** What Partner Desk writes into Trading Grid's directory for one record (`PUT /directory/:kind/:key`). */
export const DirectoryUpsert = z.object({
  partnerCode: PartnerCode,
  data: z.union([PartnerIdData, ShipToData, ItemData, ContactData]),
  correlationRef: CorrelationRef,
  contentHash: ContentHash,
});
export type DirectoryUpsert = z.infer<typeof DirectoryUpsert>;

/**
 * A record as Trading Grid's directory holds it. Loose on purpose: people can edit the directory on
 * the Trading Grid side, and the reconcile must be able to read what they left there to repair it.
 */
export const DirectoryRecord = z.object({
  kind: ReferenceKind,
  key: ReferenceKey,
  partnerCode: z.string().max(64),
  data: z.record(z.string().max(64), z.unknown()),
  correlationRef: z.string().max(256).optional(),
  contentHash: z.string().max(128).optional(),
  updatedAt: IsoDateTime,
});
export type DirectoryRecord = z.infer<typeof DirectoryRecord>;

/** The correlation reference Partner Desk writes on a directory record. */
export function referenceCorrelationRef(kind: ReferenceKind, key: string): string {
  return `pd:ref:${kind}:${key}`;
}

/**
 * JSON with object keys sorted at every level and `undefined` members left out: the same content
 * always gives the same text, whatever order its fields were built or sent in. Content hashes are
 * taken over this text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
