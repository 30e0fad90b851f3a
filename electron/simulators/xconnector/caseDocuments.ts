// Documents agents attach to internal cases: a PDF or an image whose bytes xConnector serves from its
// documents content endpoint (hosted beside the dispute documents), listed on the case.
import { createHash } from 'node:crypto';
import type { DisputeDocument, DisputeDocumentKind } from '../../../shared/domain/document.ts';
import type { CaseAttachment, InternalCase } from '../../../shared/domain/internalCase.ts';
import type { PartnerFile } from '../../../shared/domain/partnerFile.ts';
import type { Rng } from '../rng.ts';
import { pdfDocument, pngImage } from './documentContent.ts';

export type HostDocument = (document: DisputeDocument, content: Buffer) => void;

interface Template {
  documentType: string;
  kind: DisputeDocumentKind;
  name: (n: number) => string;
  image: boolean;
}

const BY_TYPE: Record<string, readonly Template[]> = {
  INVOICE_DISPUTE: [
    { documentType: 'invoice', kind: 'invoice', name: (n) => `Invoice copy ${n}.pdf`, image: false },
    { documentType: 'credit_note', kind: 'other', name: (n) => `Credit note draft ${n}.pdf`, image: false },
  ],
  SHIPMENT_EXCEPTION: [
    {
      documentType: 'proof_of_delivery',
      kind: 'proof_of_delivery',
      name: (n) => `POD ${n}.png`,
      image: true,
    },
    {
      documentType: 'packing_slip',
      kind: 'packing_slip',
      name: (n) => `Packing slip ${n}.pdf`,
      image: false,
    },
  ],
  ORDER_EXCEPTION: [
    {
      documentType: 'purchase_order',
      kind: 'purchase_order',
      name: (n) => `PO change ${n}.pdf`,
      image: false,
    },
  ],
};
const OTHER: readonly Template[] = [
  { documentType: 'other', kind: 'other', name: (n) => `Case notes ${n}.pdf`, image: false },
];

export class CaseDocuments {
  private readonly rng: Rng;
  private readonly host: HostDocument;
  private counter = 0;

  constructor(rng: Rng, host: HostDocument) {
    this.rng = rng;
    this.host = host;
  }

  /** A new document on the case (partner-visible unless said otherwise), its bytes hosted for download. */
  make(c: InternalCase, at: number, visibility?: CaseAttachment['visibility']): CaseAttachment {
    this.counter++;
    const t = this.rng.pick(BY_TYPE[c.type] ?? OTHER);
    const name = t.name(this.counter);
    const content = t.image
      ? pngImage(this.rng.int(1, 2 ** 31))
      : pdfDocument(name.replace(/\.pdf$/, ''), [
          `Internal case ${c.id}: ${c.title}`,
          `Document ${this.counter}`,
        ]);
    const documentId = `CDOC-${String(this.counter).padStart(7, '0')}`;
    const sha256 = createHash('sha256').update(content).digest('hex');
    const createdAt = new Date(at).toISOString();
    const contentType = t.image ? 'image/png' : 'application/pdf';
    // Stored with the dispute documents only so the content endpoint serves it; it names its case.
    this.host(
      {
        id: documentId,
        exceptionId: c.exceptionId ?? c.id,
        partnerId: c.partnerId,
        kind: t.kind,
        name,
        contentType,
        sizeBytes: content.length,
        sha256,
        createdAt,
        updatedAt: createdAt,
      },
      content,
    );
    return {
      documentId,
      name,
      contentType,
      sizeBytes: content.length,
      sha256,
      documentType: t.documentType,
      visibility: visibility ?? (this.rng.chance(0.8) ? 'partner' : 'internal'),
      origin: null,
      correlationRef: null,
      createdAt,
    };
  }

  /** A partner's file Partner Desk stored on the case, hosted like the agents' documents. */
  partnerFile(c: InternalCase, file: PartnerFile, content: Buffer | null): CaseAttachment {
    const documentId = `CDOC-${file.id}`;
    if (content)
      this.host(
        {
          id: documentId,
          exceptionId: c.exceptionId ?? c.id,
          partnerId: c.partnerId,
          kind: 'other',
          name: file.name,
          contentType: file.contentType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          createdAt: file.createdAt,
          updatedAt: file.createdAt,
        },
        content,
      );
    return {
      documentId,
      name: file.name,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      ...(file.documentType ? { documentType: file.documentType } : {}),
      visibility: 'partner',
      origin: file.origin,
      correlationRef: file.correlationRef,
      createdAt: file.createdAt,
    };
  }
}
