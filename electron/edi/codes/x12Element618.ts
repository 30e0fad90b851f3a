// X12 data element 618 "Implementation Transaction Set Syntax Error Code" (IK502–IK506 in the 999).
// Source: ASC X12 standard element dictionary, version 005010 (introduced with the 999; not in 004010), and
// the 005010X231A1 999 implementation guide. Its list is element 718's 005010 list (so the 004010-only
// security codes 20–22 are absent), including I5 and I6.
import type { CodeTable } from './codeTable.ts';
import { X12_ELEMENT_718 } from './x12Element718.ts';

export const X12_ELEMENT_618: CodeTable = {
  name: 'X12 element 618',
  source: 'ASC X12 element dictionary 005010, element 618 Implementation Transaction Set Syntax Error Code',
  entries: X12_ELEMENT_718.entries
    .filter((entry) => !(entry.versions ?? '').startsWith('004010'))
    .map((entry) => ({ ...entry, versions: undefined })),
};
