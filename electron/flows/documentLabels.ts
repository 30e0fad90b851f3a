// Names people use for document types, so an alert says "Invoice (810)" rather than "810".
const LABELS: Record<string, string> = {
  '810': 'Invoice',
  '820': 'Payment order',
  '846': 'Inventory advice',
  '850': 'Purchase order',
  '855': 'PO acknowledgment',
  '856': 'Ship notice (ASN)',
  '860': 'PO change',
  '865': 'PO change acknowledgment',
  '997': 'Functional acknowledgment',
  '999': 'Implementation acknowledgment',
  ORDERS: 'Purchase order',
  ORDRSP: 'PO response',
  DESADV: 'Despatch advice',
  INVOIC: 'Invoice',
  CONTRL: 'Syntax acknowledgment',
  // xConnector's API documents
  ORDER: 'Purchase order',
  ORDERACK: 'PO acknowledgment',
  ASN: 'Ship notice',
  INVOICE: 'Invoice',
};

export function documentLabel(documentType: string): string {
  const label = LABELS[documentType];
  return label ? `${label} (${documentType})` : `Document ${documentType}`;
}
