// X12 data element 715 "Functional Group Acknowledge Code" (AK901 in the 997 and the 999).
// Source: ASC X12 standard element dictionary, versions 004010 and 005010 (same list in both).
import type { CodeTable } from './codeTable.ts';

export const X12_ELEMENT_715: CodeTable = {
  name: 'X12 element 715',
  source: 'ASC X12 element dictionary 004010/005010, element 715 Functional Group Acknowledge Code',
  entries: [
    {
      code: 'A',
      summary: 'Accepted',
      plain: 'The partner accepted the whole functional group.',
      outcome: 'accepted',
    },
    {
      code: 'E',
      summary: 'Accepted, but errors were noted',
      plain: 'The partner accepted the functional group but reported errors that should be fixed.',
      outcome: 'accepted-with-errors',
    },
    {
      code: 'M',
      summary: 'Rejected, message authentication code (MAC) failed',
      plain: 'The partner rejected the functional group because its security check code did not match.',
      outcome: 'rejected',
    },
    {
      code: 'P',
      summary: 'Partially accepted, at least one transaction set was rejected',
      plain: 'The partner accepted some documents in the functional group and rejected at least one.',
      outcome: 'partially-accepted',
    },
    {
      code: 'R',
      summary: 'Rejected',
      plain: 'The partner rejected the whole functional group.',
      outcome: 'rejected',
    },
    {
      code: 'W',
      summary: 'Rejected, assurance failed validity tests',
      plain: 'The partner rejected the functional group because its security assurance (signature) failed.',
      outcome: 'rejected',
    },
    {
      code: 'X',
      summary: 'Rejected, content after decryption could not be analyzed',
      plain: 'The partner rejected the functional group because they could not read it after decrypting it.',
      outcome: 'rejected',
    },
  ],
};
