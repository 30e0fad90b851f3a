// xConnector's dispute documents: when an exception becomes a dispute it is flagged (`dispute: true`
// in the exceptions feed) and its supporting documents (PO, invoice, packing slip, proof of delivery)
// appear in the documents feed, each with its bytes, size and SHA-256.
import { createHash } from 'node:crypto';
import type { DisputeDocument, DisputeDocumentKind } from '../../../shared/domain/document.ts';
import type { PartnerException } from '../../../shared/domain/exception.ts';
import type { Rng } from '../rng.ts';
import { SeqCounter, SeqFeed, type FeedSlice } from '../seqFeed.ts';
import { pdfDocument, pngImage } from './documentContent.ts';
import type { XConnectorState } from './xConnectorState.ts';

const KINDS_BY_EXCEPTION: Record<PartnerException['kind'], DisputeDocumentKind[]> = {
  invoice: ['purchase_order', 'invoice'],
  shipment: ['purchase_order', 'packing_slip', 'proof_of_delivery'],
  order: ['purchase_order'],
};

export interface NewDocument {
  kind?: DisputeDocumentKind;
  name: string;
  contentType: string;
  content: Buffer;
}

export class DisputeDocuments {
  readonly seq = new SeqCounter();
  readonly feed = new SeqFeed<DisputeDocument>(this.seq);
  private readonly contents = new Map<string, Buffer>();
  /** Documents that belong to something other than a dispute (internal-case attachments, flow 7). */
  private readonly hosted = new Map<string, DisputeDocument>();
  private readonly state: XConnectorState;
  private readonly rng: Rng;
  private readonly clock: () => number;
  private counter = 0;

  constructor(state: XConnectorState, rng: Rng, clock: () => number = Date.now) {
    this.state = state;
    this.rng = rng;
    this.clock = clock;
  }

  /** Turns `count` exceptions of known partners into disputes (invoice and shipment ones first). */
  openDisputes(count: number): string[] {
    const candidates = [...this.state.exceptions.values()]
      .filter((e) => !e.dispute && this.state.partners.get(e.partnerId) !== undefined)
      .sort((a, b) => Number(a.kind === 'order') - Number(b.kind === 'order') || a.id.localeCompare(b.id));
    const chosen: string[] = [];
    while (chosen.length < count && candidates.length > 0) {
      const [e] = candidates.splice(this.rng.int(0, Math.min(candidates.length, 8) - 1), 1);
      if (!e) break;
      this.openDispute(e.id);
      chosen.push(e.id);
    }
    return chosen;
  }

  /** Flags the exception as a dispute and lists its supporting documents. Idempotent. */
  openDispute(exceptionId: string): DisputeDocument[] {
    const e = this.state.exceptions.get(exceptionId);
    if (!e) throw new Error(`no exception ${exceptionId}`);
    if (e.dispute) return this.documentsOf(exceptionId);
    this.state.exceptions.put(e.id, { ...e, dispute: true, updatedAt: this.timestamp() });
    return KINDS_BY_EXCEPTION[e.kind].map((kind) => this.addDocument(e.id, this.generate(e, kind)));
  }

  /** Adds any document (tests use it for unusual names, types and sizes). */
  addDocument(exceptionId: string, d: NewDocument): DisputeDocument {
    const e = this.state.exceptions.get(exceptionId);
    if (!e) throw new Error(`no exception ${exceptionId}`);
    this.counter++;
    const now = this.timestamp();
    const doc: DisputeDocument = {
      id: `DOC-${String(this.counter).padStart(7, '0')}`,
      exceptionId,
      partnerId: e.partnerId,
      kind: d.kind ?? 'other',
      name: d.name,
      contentType: d.contentType,
      sizeBytes: d.content.length,
      sha256: createHash('sha256').update(d.content).digest('hex'),
      createdAt: now,
      updatedAt: now,
    };
    this.contents.set(doc.id, d.content);
    this.feed.put(doc.id, doc);
    return doc;
  }

  /** Serves other bytes than the document declares (a corrupted store), to test the fingerprint check. */
  corrupt(documentId: string, content: Buffer): void {
    if (!this.contents.has(documentId)) throw new Error(`no document ${documentId}`);
    this.contents.set(documentId, content);
  }

  content(documentId: string): Buffer | undefined {
    return this.contents.get(documentId);
  }

  get(documentId: string): DisputeDocument | undefined {
    return this.feed.get(documentId) ?? this.hosted.get(documentId);
  }

  /**
   * Keeps a document another part of xConnector owns (an internal case's attachment, flow 7): its
   * bytes are served by the content endpoint like a dispute document's, but it is not in the feed.
   */
  host(document: DisputeDocument, content: Buffer): void {
    this.hosted.set(document.id, document);
    this.contents.set(document.id, content);
  }

  documentsOf(exceptionId: string): DisputeDocument[] {
    return [...this.feed.values()].filter((d) => d.exceptionId === exceptionId);
  }

  all(): DisputeDocument[] {
    return [...this.feed.values()];
  }

  page(since: number, limit: number): FeedSlice {
    return this.feed.page(since, limit);
  }

  private generate(e: PartnerException, kind: DisputeDocumentKind): NewDocument {
    const refs = e.references;
    const po = refs.poNumber ?? e.id;
    const facts = [
      `Partner: ${this.state.partners.get(e.partnerId)?.name ?? e.partnerId}`,
      `Exception: ${e.id} (${e.kind}, ${e.severity})`,
      `Summary: ${e.summary}`,
      ...Object.entries(refs).map(([k, v]) => `${k}: ${String(v)}`),
    ];
    switch (kind) {
      case 'purchase_order':
        return {
          kind,
          name: `PO ${po}.pdf`,
          contentType: 'application/pdf',
          content: pdfDocument(`Purchase order ${po}`, facts),
        };
      case 'invoice':
        return {
          kind,
          name: `Invoice ${refs.invoiceNumber ?? po}.pdf`,
          contentType: 'application/pdf',
          content: pdfDocument(`Invoice ${refs.invoiceNumber ?? po}`, facts),
        };
      case 'packing_slip':
        // Names come from warehouse systems: this one carries a slash, which must never reach a path.
        return {
          kind,
          name: `Packing slip ${refs.asnNumber ?? po} (dock ${this.rng.int(1, 9)}/${this.rng.int(1, 9)}).pdf`,
          contentType: 'application/pdf',
          content: pdfDocument(`Packing slip ${refs.asnNumber ?? po}`, facts),
        };
      default:
        return {
          kind,
          name: `POD ${refs.shipmentId ?? po}.png`,
          contentType: 'image/png',
          content: pngImage(this.rng.int(1, 2 ** 31)),
        };
    }
  }

  private timestamp(): string {
    return new Date(this.clock()).toISOString();
  }
}
