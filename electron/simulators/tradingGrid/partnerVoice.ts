// What partners write in Trading Grid: follow-up comments (some with documents attached), issues they
// open themselves, and the people who write them. Seeded, so the same calls give the same words.
import type { IssuePriority } from '../../../shared/domain/issue.ts';
import type { Rng } from '../rng.ts';
import { pdfDocument, pngImage } from '../xconnector/documentContent.ts';
import type { PartnerFileInput } from './issueFiles.ts';

const PEOPLE = ['Sam Carter', 'Lea Schmidt', 'Ravi Patel', 'Emma Johansson', 'Diego Alvarez', 'Yuki Tanaka'];

const FOLLOW_UPS: readonly string[] = [
  'Any update on this? Our finance team needs an answer this week.',
  'We have attached the proof of delivery signed by your driver.',
  'The invoice still shows the old price, please send a credit note.',
  'Please confirm the new delivery date for the purchase order.',
  'Thanks, we accept the proposed solution.',
  'The quantity on the packing slip does not match what we received.',
  'Can someone call me about this? It is blocking our month-end close.',
  'We cancelled the backorder on our side, please do the same.',
];

const ATTACHMENTS: readonly { name: string; contentType: string; documentType: string }[] = [
  { name: 'POD-signed.pdf', contentType: 'application/pdf', documentType: 'proof_of_delivery' },
  { name: 'invoice-copy.pdf', contentType: 'application/pdf', documentType: 'invoice' },
  { name: 'packing-slip.png', contentType: 'image/png', documentType: 'packing_slip' },
  { name: 'purchase-order.pdf', contentType: 'application/pdf', documentType: 'purchase_order' },
];

const OPENERS: readonly { type: string; title: (r: Rng) => string; body: string; priority: IssuePriority }[] =
  [
    {
      type: 'QUESTION',
      title: (r) => `Remittance for invoice INV-${r.digits(7)} not received`,
      body: 'We sent the payment last week but your remittance advice has not arrived. Please check.',
      priority: 'medium',
    },
    {
      type: 'ORDER_CHANGE',
      title: (r) => `Please change the delivery date of PO 45${r.digits(8)}`,
      body: 'Our warehouse is closed next Monday; please deliver the order on Tuesday instead.',
      priority: 'high',
    },
    {
      type: 'DELIVERY_ISSUE',
      title: (r) => `Damaged goods on shipment SHP-${r.code(8)}`,
      body: 'Two pallets arrived damaged. Photos and the packing slip are attached.',
      priority: 'high',
    },
    {
      type: 'GENERAL',
      title: () => 'New contact for our accounts team',
      body: 'From next month please address accounts questions to our new shared mailbox.',
      priority: 'low',
    },
  ];

export class PartnerVoice {
  private readonly rng: Rng;
  private attachmentCounter = 0;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  person(communityName: string): string {
    return `${this.rng.pick(PEOPLE)} (${communityName})`.slice(0, 500);
  }

  followUp(): { body: string; files: PartnerFileInput[] } {
    const body = this.rng.pick(FOLLOW_UPS);
    const files = this.rng.chance(0.3) ? [this.attachment()] : [];
    return { body, files };
  }

  opener(): { type: string; title: string; description: string; priority: IssuePriority } {
    const o = this.rng.pick(OPENERS);
    return { type: o.type, title: o.title(this.rng), description: o.body, priority: o.priority };
  }

  /** A small but real file (a one-page PDF or a PNG), so type checks and hashes see real bytes. */
  attachment(): PartnerFileInput {
    const a = this.rng.pick(ATTACHMENTS);
    this.attachmentCounter++;
    const reference = this.rng.int(20_000, 4_000_000);
    const content =
      a.contentType === 'image/png'
        ? pngImage(reference)
        : pdfDocument(a.name.replace(/\.pdf$/, ''), [
            `Partner document ${this.attachmentCounter}`,
            `Ref ${reference}`,
          ]);
    return { name: a.name, contentType: a.contentType, content, documentType: a.documentType };
  }

  /** A status a partner sets: confirming a fix, or reopening. */
  status(): string {
    return this.rng.weighted<string>([
      ['RESOLVED', 3],
      ['OPEN', 2],
    ]);
  }
}
