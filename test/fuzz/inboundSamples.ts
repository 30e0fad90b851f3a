// One valid example of every kind of feed item Partner Desk reads (by the feed's cursor name); the
// answers of every endpoint are in responseSamples.ts. The property tests mutate these, and
// inboundCatalog.test.ts fails when the engine reads a feed that has no example here.
export const at = '2026-11-02T09:00:00Z';
export const sha = 'a'.repeat(64);

export const partner = (id: string) => ({
  id,
  name: 'Acme Retail',
  partnerCode: 'ACME',
  ediId: 'ACME01',
  active: true,
  updatedAt: at,
});
export const community = (id: string) => ({ id, name: 'Acme community', partnerCode: 'ACME', createdAt: at });
export const exception = (id: string) => ({
  id,
  kind: 'invoice',
  partnerId: 'P-1',
  severity: 'high',
  summary: 'Invoice 42 price mismatch',
  description: 'Unit price 10.00 expected, 12.00 invoiced',
  references: { poNumber: 'PO-1', invoiceNumber: 'INV-42' },
  amounts: { currency: 'EUR', expected: 100, actual: 120 },
  detectedAt: at,
  updatedAt: at,
  dispute: false,
  link: null,
});
export const transaction = (id: string) => ({
  id,
  partnerId: 'P-1',
  standard: 'X12',
  documentType: '810',
  direction: 'outbound',
  controlNumber: '000000042',
  status: 'FAILED_VALIDATION',
  statusReason: 'Rejected by the partner',
  validationErrors: [{ code: '7', segment: 'IT1', element: '04', message: 'Invalid code value' }],
  acknowledgment: {
    type: '997',
    raw: 'ST*997*0001~AK1*IN*42~AK2*810*0001~AK5*R*5~AK9*R*1*1*0~SE*6*0001~',
  },
  transmissionError: null,
  createdAt: at,
  updatedAt: at,
});
export const referenceRecord = (key: string) => ({
  kind: 'item',
  key,
  partnerId: 'P-1',
  deleted: false,
  updatedAt: at,
  data: { description: 'Blue widget', gtin: '12345678', unitOfMeasure: 'EA', packSize: 12 },
});
const author = { kind: 'partner', name: 'Pat Partner' };
export const comment = (id: string) => ({
  id,
  issueId: 'I-1',
  author,
  body: 'The pallet arrived damaged',
  origin: null,
  correlationRef: null,
  attachments: [{ id: 'A-1', name: 'pod.pdf', contentType: 'application/pdf', sizeBytes: 10 }],
  createdAt: at,
});
export const statusUpdate = (id: string) => ({
  id,
  issueId: 'I-1',
  status: 'IN_PROGRESS',
  message: 'Looking into it',
  resolution: null,
  author: { kind: 'member', name: 'Desk' },
  origin: null,
  correlationRef: null,
  createdAt: at,
});
export const issueSnapshot = (id: string) => ({
  id,
  communityId: 'C-1',
  title: 'Damaged pallet',
  description: 'Two cases crushed',
  type: 'SHIPMENT',
  priority: 'high',
  status: 'OPEN',
  resolution: null,
  correlationRef: null,
  externalRefs: [],
  openedBy: author,
  comments: [comment(`${id}-c1`)],
  statusUpdates: [statusUpdate(`${id}-s1`)],
  createdAt: at,
  updatedAt: at,
});
export const internalComment = (id: string) => ({
  id,
  caseId: 'K-1',
  author: 'Agent Smith',
  body: 'Credit note requested',
  visibility: 'partner',
  origin: null,
  correlationRef: null,
  createdAt: at,
});
export const resolutionStep = (id: string) => ({
  id,
  caseId: 'K-1',
  status: 'INVESTIGATING',
  resolution: null,
  note: 'internal note',
  origin: null,
  correlationRef: null,
  createdAt: at,
});
export const internalCase = (id: string) => ({
  id,
  partnerId: 'P-1',
  exceptionId: null,
  type: 'INVOICE_DISPUTE',
  title: 'Invoice 42 disputed',
  description: 'Price mismatch',
  priority: 'medium',
  status: 'OPEN',
  resolution: null,
  steps: [resolutionStep(`${id}-s1`)],
  comments: [internalComment(`${id}-c1`)],
  attachments: [
    {
      documentId: 'D-9',
      name: 'invoice.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
      sha256: sha,
      documentType: 'invoice',
      visibility: 'partner',
      createdAt: at,
    },
  ],
  link: null,
  createdAt: at,
  updatedAt: at,
});
export const disputeDocument = (id: string) => ({
  id,
  exceptionId: 'E-1',
  partnerId: 'P-1',
  kind: 'proof_of_delivery',
  name: 'pod.pdf',
  contentType: 'application/pdf',
  sizeBytes: 1234,
  sha256: sha,
  createdAt: at,
  updatedAt: at,
});
export const directoryRecord = (key: string) => ({
  kind: 'item',
  key,
  partnerCode: 'ACME',
  data: { description: 'Blue widget', unitOfMeasure: 'EA' },
  correlationRef: `pd:ref:item:${key}`,
  contentHash: `sha256:${sha}`,
  updatedAt: at,
});
/**
 * A valid item of each feed the engine reads, keyed by the feed's cursor name; `id` makes each one
 * distinct (it is the item's id, or its key for reference data).
 */
export const feedItemSamples: Readonly<Record<string, (id: string) => unknown>> = {
  'xc.partners': partner,
  'tg.communities': community,
  'xc.exceptions': exception,
  'xc.transactions': transaction,
  'xc.referenceData': referenceRecord,
  'xc.cases': internalCase,
  'tg.issue-changes': issueSnapshot,
  'xc.documents': disputeDocument,
};
