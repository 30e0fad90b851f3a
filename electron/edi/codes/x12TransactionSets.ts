// Readable names for the transaction set IDs (ST01/AK201) and functional identifier codes (GS01/AK101)
// partner desks meet most. Source: ASC X12 transaction set index and element 479. Unlisted IDs are shown raw.

const TRANSACTION_SETS: Readonly<Record<string, string>> = {
  '810': 'Invoice',
  '812': 'Credit/Debit Adjustment',
  '820': 'Payment Order/Remittance Advice',
  '824': 'Application Advice',
  '830': 'Planning Schedule with Release Capability',
  '832': 'Price/Sales Catalog',
  '846': 'Inventory Inquiry/Advice',
  '850': 'Purchase Order',
  '852': 'Product Activity Data',
  '855': 'Purchase Order Acknowledgment',
  '856': 'Ship Notice/Manifest',
  '860': 'Purchase Order Change Request',
  '865': 'Purchase Order Change Acknowledgment',
  '940': 'Warehouse Shipping Order',
  '945': 'Warehouse Shipping Advice',
  '997': 'Functional Acknowledgment',
  '999': 'Implementation Acknowledgment',
};

const FUNCTIONAL_GROUPS: Readonly<Record<string, string>> = {
  PO: 'purchase orders (850)',
  PR: 'purchase order acknowledgments (855)',
  SH: 'ship notices (856)',
  IN: 'invoices (810)',
  PC: 'purchase order changes (860)',
  CA: 'purchase order change acknowledgments (865)',
  RA: 'payment orders/remittance advice (820)',
  AG: 'application advice (824)',
  IB: 'inventory inquiry/advice (846)',
  PS: 'planning schedules (830)',
  OW: 'warehouse shipping orders (940)',
  SW: 'warehouse shipping advice (945)',
  FA: 'functional acknowledgments (997/999)',
};

export function transactionSetName(id: string): string | undefined {
  return Object.hasOwn(TRANSACTION_SETS, id) ? TRANSACTION_SETS[id] : undefined;
}

export function functionalGroupName(id: string): string | undefined {
  return Object.hasOwn(FUNCTIONAL_GROUPS, id) ? FUNCTIONAL_GROUPS[id] : undefined;
}
