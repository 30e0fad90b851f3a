// X12 data element 620 "Implementation Segment Syntax Error Code" (IK304 in the 999).
// Source: ASC X12 standard element dictionary, version 005010 (the element does not exist in 004010; it was
// introduced with the 999). Its code list is identical to element 720's 005010 list, so the entries are shared.
import type { CodeTable } from './codeTable.ts';
import { SEGMENT_SYNTAX_ERRORS } from './x12Element720.ts';

export const X12_ELEMENT_620: CodeTable = {
  name: 'X12 element 620',
  source: 'ASC X12 element dictionary 005010, element 620 Implementation Segment Syntax Error Code',
  entries: SEGMENT_SYNTAX_ERRORS.map((entry) => ({ ...entry, versions: undefined })),
};
