// X12 data element 717 "Transaction Set Acknowledgment Code" (AK501 in the 997, IK501 in the 999).
// Source: ASC X12 standard element dictionary, versions 004010 and 005010 (A, E, M, R, W, X in both).
import type { CodeTable } from './codeTable.ts';

export const X12_ELEMENT_717: CodeTable = {
  name: 'X12 element 717',
  source: 'ASC X12 element dictionary 004010/005010, element 717 Transaction Set Acknowledgment Code',
  entries: [
    {
      code: 'A',
      summary: 'Accepted',
      plain: 'The partner accepted the document.',
      outcome: 'accepted',
    },
    {
      code: 'E',
      summary: 'Accepted but errors were noted',
      plain: 'The partner accepted the document but reported errors that should be fixed.',
      outcome: 'accepted-with-errors',
    },
    {
      code: 'M',
      summary: 'Rejected, message authentication code (MAC) failed',
      plain: 'The partner rejected the document because its security check code did not match.',
      outcome: 'rejected',
    },
    {
      code: 'P',
      summary: 'Partially accepted',
      plain: 'The partner says it accepted only part of the document.',
      outcome: 'partially-accepted',
      note:
        'Not in the official 717 list (P belongs to element 715, the group code). Decoded anyway so an ' +
        'AK501/IK501 of P from a non-conforming translator is shown in words instead of as unknown.',
    },
    {
      code: 'R',
      summary: 'Rejected',
      plain: 'The partner rejected the document.',
      outcome: 'rejected',
    },
    {
      code: 'W',
      summary: 'Rejected, assurance failed validity tests',
      plain: 'The partner rejected the document because its security assurance (signature) failed.',
      outcome: 'rejected',
    },
    {
      code: 'X',
      summary: 'Rejected, content after decryption could not be analyzed',
      plain: 'The partner rejected the document because they could not read it after decrypting it.',
      outcome: 'rejected',
    },
  ],
};
