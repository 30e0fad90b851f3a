// X12 data element 621 "Implementation Data Element Syntax Error Code" (IK403 in the 999).
// Source: ASC X12 standard element dictionary, version 005010 (introduced with the 999; not in 004010).
// Its code list is identical to element 723's 005010 list, so the entries are shared.
import type { CodeTable } from './codeTable.ts';
import { ELEMENT_SYNTAX_ERRORS } from './x12Element723.ts';

export const X12_ELEMENT_621: CodeTable = {
  name: 'X12 element 621',
  source: 'ASC X12 element dictionary 005010, element 621 Implementation Data Element Syntax Error Code',
  entries: ELEMENT_SYNTAX_ERRORS.map((entry) => ({ ...entry, versions: undefined })),
};
