// Readable names for the X12 data elements most common in 850/855/856/810, keyed by data element reference
// number (AK402/IK402) and by the position people usually quote (N104, BEG03 …). Not a full data dictionary:
// anything unlisted falls back to 'data element NNN'. Names follow the ASC X12 005010 element dictionary.

export interface ElementName {
  readonly ref: string;
  readonly name: string;
  /** Segment positions where this element is used, e.g. 'N104'. */
  readonly at: readonly string[];
}

export const X12_ELEMENT_NAMES: readonly ElementName[] = [
  { ref: '98', name: 'Entity Identifier Code', at: ['N101', 'CUR01'] },
  { ref: '93', name: 'Name', at: ['N102', 'N201', 'N202', 'PER02'] },
  { ref: '66', name: 'Identification Code Qualifier', at: ['N103', 'TD502'] },
  { ref: '67', name: 'Identification Code', at: ['N104', 'TD503'] },
  { ref: '706', name: 'Entity Relationship Code', at: ['N105'] },
  { ref: '166', name: 'Address Information', at: ['N301', 'N302'] },
  { ref: '19', name: 'City Name', at: ['N401'] },
  { ref: '156', name: 'State or Province Code', at: ['N402'] },
  { ref: '116', name: 'Postal Code', at: ['N403'] },
  { ref: '26', name: 'Country Code', at: ['N404'] },
  { ref: '353', name: 'Transaction Set Purpose Code', at: ['BEG01', 'BSN01', 'BAK01'] },
  { ref: '92', name: 'Purchase Order Type Code', at: ['BEG02'] },
  { ref: '324', name: 'Purchase Order Number', at: ['BEG03', 'BAK03', 'BIG04', 'PRF01'] },
  { ref: '328', name: 'Release Number', at: ['BEG04'] },
  { ref: '373', name: 'Date', at: ['BEG05', 'BAK04', 'BIG01', 'BIG03', 'BSN03', 'DTM02', 'PRF04'] },
  { ref: '76', name: 'Invoice Number', at: ['BIG02'] },
  { ref: '640', name: 'Transaction Type Code', at: ['BIG07'] },
  { ref: '396', name: 'Shipment Identification', at: ['BSN02'] },
  { ref: '337', name: 'Time', at: ['BSN04', 'DTM03'] },
  { ref: '1005', name: 'Hierarchical Structure Code', at: ['BSN05'] },
  { ref: '587', name: 'Acknowledgment Type', at: ['BAK02'] },
  { ref: '350', name: 'Assigned Identification', at: ['PO101', 'IT101', 'LIN01', 'SN101'] },
  { ref: '330', name: 'Quantity Ordered', at: ['PO102'] },
  { ref: '355', name: 'Unit or Basis for Measurement Code', at: ['PO103', 'IT103', 'SN103', 'TD108'] },
  { ref: '212', name: 'Unit Price', at: ['PO104', 'IT104'] },
  { ref: '639', name: 'Basis of Unit Price Code', at: ['PO105', 'IT105'] },
  {
    ref: '235',
    name: 'Product/Service ID Qualifier',
    at: ['PO106', 'PO108', 'IT106', 'IT108', 'LIN02', 'LIN04'],
  },
  { ref: '234', name: 'Product/Service ID', at: ['PO107', 'PO109', 'IT107', 'IT109', 'LIN03', 'LIN05'] },
  { ref: '358', name: 'Quantity Invoiced', at: ['IT102'] },
  { ref: '382', name: 'Number of Units Shipped', at: ['SN102'] },
  { ref: '668', name: 'Line Item Status Code', at: ['ACK01'] },
  { ref: '380', name: 'Quantity', at: ['ACK02'] },
  { ref: '128', name: 'Reference Identification Qualifier', at: ['REF01'] },
  { ref: '127', name: 'Reference Identification', at: ['REF02'] },
  { ref: '352', name: 'Description', at: ['REF03', 'PID05'] },
  { ref: '374', name: 'Date/Time Qualifier', at: ['DTM01'] },
  { ref: '610', name: 'Amount', at: ['TDS01', 'TDS02', 'SAC05'] },
  { ref: '354', name: 'Number of Line Items', at: ['CTT01'] },
  { ref: '347', name: 'Hash Total', at: ['CTT02'] },
  { ref: '628', name: 'Hierarchical ID Number', at: ['HL01'] },
  { ref: '734', name: 'Hierarchical Parent ID Number', at: ['HL02'] },
  { ref: '735', name: 'Hierarchical Level Code', at: ['HL03'] },
  { ref: '349', name: 'Item Description Type', at: ['PID01'] },
  { ref: '103', name: 'Packaging Code', at: ['TD101'] },
  { ref: '80', name: 'Lading Quantity', at: ['TD102'] },
  { ref: '187', name: 'Weight Qualifier', at: ['TD106'] },
  { ref: '81', name: 'Weight', at: ['TD107'] },
  { ref: '133', name: 'Routing Sequence Code', at: ['TD501'] },
  { ref: '91', name: 'Transportation Method/Type Code', at: ['TD504'] },
  { ref: '387', name: 'Routing', at: ['TD505'] },
  { ref: '88', name: 'Marks and Numbers Qualifier', at: ['MAN01'] },
  { ref: '87', name: 'Marks and Numbers', at: ['MAN02'] },
  { ref: '336', name: 'Terms Type Code', at: ['ITD01'] },
  { ref: '333', name: 'Terms Basis Date Code', at: ['ITD02'] },
  { ref: '248', name: 'Allowance or Charge Indicator', at: ['SAC01'] },
  { ref: '1300', name: 'Service, Promotion, Allowance, or Charge Code', at: ['SAC02'] },
  { ref: '100', name: 'Currency Code', at: ['CUR02'] },
  { ref: '366', name: 'Contact Function Code', at: ['PER01'] },
  { ref: '365', name: 'Communication Number Qualifier', at: ['PER03'] },
  { ref: '364', name: 'Communication Number', at: ['PER04'] },
  { ref: '146', name: 'Shipment Method of Payment', at: ['FOB01'] },
  { ref: '963', name: 'Tax Type Code', at: ['TXI01'] },
  { ref: '782', name: 'Monetary Amount', at: ['TXI02', 'AMT02'] },
  { ref: '522', name: 'Amount Qualifier Code', at: ['AMT01'] },
  { ref: '143', name: 'Transaction Set Identifier Code', at: ['ST01'] },
  { ref: '329', name: 'Transaction Set Control Number', at: ['ST02', 'SE02'] },
  { ref: '1705', name: 'Implementation Convention Reference', at: ['ST03'] },
  { ref: '96', name: 'Number of Included Segments', at: ['SE01'] },
];

const byRef = new Map(X12_ELEMENT_NAMES.map((entry) => [entry.ref, entry]));
const byTag = new Map(X12_ELEMENT_NAMES.flatMap((entry) => entry.at.map((tag) => [tag, entry] as const)));

/**
 * Name of a data element. The reference number is exact, so when the partner sent one it decides (an unknown
 * number gives undefined rather than a guess); without one the position tag ('N104') is used.
 */
export function elementName(reference: string | undefined, tag: string | undefined): string | undefined {
  const ref = reference?.trim().replace(/^0+(?=\d)/, '');
  if (ref !== undefined && ref !== '') return byRef.get(ref)?.name;
  return tag === undefined ? undefined : byTag.get(tag)?.name;
}
