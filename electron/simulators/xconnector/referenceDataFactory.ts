// Makes xConnector's reference data for a simulated partner: the identifiers it trades under, its
// ship-to locations, the item codes exchanged with it and its contacts, in the amounts a partner of
// its role would have. Later it makes the edits a running system would make. All from a seeded Rng.
import type { Partner } from '../../../shared/domain/partner.ts';
import type {
  ContactData,
  ItemData,
  PartnerIdData,
  ReferenceKind,
  ReferenceRecord,
  ShipToData,
} from '../../../shared/domain/reference.ts';
import type { Rng } from '../rng.ts';
import type { PartnerRole } from '../worldFactory.ts';

type LiveRecord = ReferenceRecord & { data: NonNullable<ReferenceRecord['data']> };

const CITIES = [
  { city: 'Chicago', region: 'IL', country: 'US', zip: () => '606' },
  { city: 'Atlanta', region: 'GA', country: 'US', zip: () => '303' },
  { city: 'Dallas', region: 'TX', country: 'US', zip: () => '752' },
  { city: 'Columbus', region: 'OH', country: 'US', zip: () => '432' },
  { city: 'Reno', region: 'NV', country: 'US', zip: () => '895' },
  { city: 'Rotterdam', region: undefined, country: 'NL', zip: () => '30' },
  { city: 'Duisburg', region: 'NW', country: 'DE', zip: () => '470' },
  { city: 'Lyon', region: undefined, country: 'FR', zip: () => '690' },
  { city: 'Mississauga', region: 'ON', country: 'CA', zip: () => 'L5' },
] as const;
const STREETS = ['Commerce Dr', 'Logistics Pkwy', 'Industrial Blvd', 'Harbor Rd', 'Distribution Way'];
const GOODS = [
  ['Stainless steel water bottle', 'EA'],
  ['Organic green tea, 20 bags', 'CS'],
  ['LED desk lamp', 'EA'],
  ['Cotton crew socks, 6 pairs', 'PK'],
  ['Corrugated shipping box 40x30x20', 'BX'],
  ['Sparkling water 0.5 l', 'CS'],
  ['USB-C charging cable 2 m', 'EA'],
  ['Ceramic plant pot, 25 cm', 'EA'],
  ['Whole bean coffee 1 kg', 'KGM'],
  ['Nitrile gloves, box of 100', 'BX'],
  ['Wireless mouse', 'EA'],
  ['Olive oil, extra virgin 750 ml', 'CS'],
] as const;
const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dev',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kim',
  'Lena',
];
const LAST = ['Okafor', 'Schmidt', 'Nguyen', 'Moreau', 'Patel', 'Silva', 'Kowalski', 'Tanaka', 'Berg'];
const ROLES: ContactData['role'][] = ['edi', 'orders', 'accounts-payable', 'logistics', 'support'];

/** How many records of each kind a partner of each role has (min, max). */
const AMOUNTS: Record<PartnerRole, Record<Exclude<ReferenceKind, 'partnerId'>, [number, number]>> = {
  retailer: { shipTo: [4, 8], item: [6, 12], contact: [2, 4] },
  supplier: { shipTo: [1, 2], item: [12, 24], contact: [2, 4] },
  carrier: { shipTo: [2, 4], item: [1, 3], contact: [2, 3] },
};

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export class ReferenceDataFactory {
  readonly rng: Rng;
  /** Next number per partner and kind, so keys stay unique as activity adds records. */
  private readonly next = new Map<string, number>();

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** Every record a partner starts with, stamped between `from` and `to`. */
  recordsFor(partner: Partner, role: PartnerRole, from: number, to: number): LiveRecord[] {
    const at = () => new Date(this.rng.int(from, to)).toISOString();
    const out: LiveRecord[] = [this.partnerId(partner, 'DUNS', at()), this.partnerId(partner, 'GLN', at())];
    if (partner.ediId) out.push(this.partnerId(partner, 'X12_ISA', at()));
    for (const kind of ['shipTo', 'item', 'contact'] as const) {
      const [min, max] = AMOUNTS[role][kind];
      const n = this.rng.int(min, max);
      for (let i = 0; i < n; i++) out.push(this.record(kind, partner, at()));
    }
    return out;
  }

  /** One new record of a random kind for the partner. */
  newRecord(partner: Partner, at: string): LiveRecord {
    return this.record(this.rng.pick(['shipTo', 'item', 'item', 'contact'] as const), partner, at);
  }

  /** The record with one field edited, as a person in xConnector would edit it. */
  edit(r: LiveRecord, at: string): LiveRecord {
    const rng = this.rng;
    switch (r.kind) {
      case 'partnerId':
        return {
          ...r,
          updatedAt: at,
          data: { ...r.data, label: `${r.data.scheme} (verified ${at.slice(0, 10)})` },
        };
      case 'shipTo':
        return { ...r, updatedAt: at, data: { ...r.data, dock: `Dock ${rng.int(1, 40)}` } };
      case 'item':
        return { ...r, updatedAt: at, data: { ...r.data, packSize: rng.int(1, 48) } };
      case 'contact':
        return { ...r, updatedAt: at, data: { ...r.data, phone: `+1 312 555 ${rng.digits(4)}` } };
    }
  }

  private record(kind: Exclude<ReferenceKind, 'partnerId'>, partner: Partner, at: string): LiveRecord {
    const n = this.number(partner.partnerCode, kind);
    const base = { partnerId: partner.id, deleted: false, updatedAt: at };
    switch (kind) {
      case 'shipTo':
        return {
          ...base,
          kind,
          key: `ST-${partner.partnerCode}-${pad(n, 3)}`,
          data: this.shipTo(partner, n),
        };
      case 'item':
        return { ...base, kind, key: `ITM-${partner.partnerCode}-${pad(n, 5)}`, data: this.item() };
      case 'contact':
        return { ...base, kind, key: `CT-${partner.partnerCode}-${pad(n, 2)}`, data: this.contact(partner) };
    }
  }

  private number(code: string, kind: string): number {
    const id = `${code}|${kind}`;
    const n = (this.next.get(id) ?? 0) + 1;
    this.next.set(id, n);
    return n;
  }

  private partnerId(partner: Partner, scheme: PartnerIdData['scheme'], at: string): LiveRecord {
    const value =
      scheme === 'DUNS'
        ? this.rng.digits(9)
        : scheme === 'GLN'
          ? `0${this.rng.digits(12)}`
          : (partner.ediId ?? '');
    const data: PartnerIdData = {
      scheme,
      value,
      ...(scheme === 'X12_ISA' ? { qualifier: 'ZZ' } : {}),
      label: `${partner.name} ${scheme}`,
    };
    return {
      kind: 'partnerId',
      key: `PID-${partner.partnerCode}-${scheme.replace('_', '-')}`,
      partnerId: partner.id,
      deleted: false,
      updatedAt: at,
      data,
    };
  }

  private shipTo(partner: Partner, n: number): ShipToData {
    const place = this.rng.pick(CITIES);
    return {
      name: `${partner.name} DC ${place.city} ${n}`,
      address: {
        lines: [`${this.rng.int(100, 9999)} ${this.rng.pick(STREETS)}`],
        city: place.city,
        ...(place.region ? { region: place.region } : {}),
        postalCode: `${place.zip()}${this.rng.digits(3)}`,
        country: place.country,
      },
      gln: `0${this.rng.digits(12)}`,
    };
  }

  private item(): ItemData {
    const [description, unitOfMeasure] = this.rng.pick(GOODS);
    return {
      description,
      gtin: `0${this.rng.digits(12)}`,
      buyerItemCode: `B${this.rng.digits(7)}`,
      supplierItemCode: `S-${this.rng.code(6)}`,
      unitOfMeasure,
      packSize: this.rng.int(1, 24),
    };
  }

  private contact(partner: Partner): ContactData {
    const first = this.rng.pick(FIRST);
    const last = this.rng.pick(LAST);
    const domain = `${partner.partnerCode.toLowerCase().replace(/_/g, '-')}.example.com`;
    return {
      name: `${first} ${last}`,
      role: this.rng.pick(ROLES),
      email: `${first
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase()}.${last.toLowerCase()}@${domain}`,
      phone: `+1 312 555 ${this.rng.digits(4)}`,
    };
  }
}
