// UN/EDIFACT service data element 0083 "Action, coded" (UCI04, UCF04, UCM03 in CONTRL).
// Source: ISO 9735 / UN/EDIFACT service code directory (UNSL), syntax versions 3 and 4: codes 4, 7 and 8.
// Codes 1, 2, 3, 5 and 6 come from the early service code list used with syntax versions 1 and 2 (e.g. D.93A)
// and are kept so old CONTRL messages still decode.
import type { CodeTable } from './codeTable.ts';

const EARLY = 'syntax versions 1 and 2 only (early service code list, e.g. D.93A)';

export const EDIFACT_0083: CodeTable = {
  name: 'EDIFACT data element 0083',
  source: 'ISO 9735 / UN/EDIFACT service code list, data element 0083 Action, coded',
  entries: [
    {
      code: '1',
      summary: 'Acknowledged (this level and all lower levels)',
      plain: 'The partner accepted this part of the interchange and everything in it.',
      outcome: 'accepted',
      versions: EARLY,
    },
    {
      code: '2',
      summary: 'Acknowledged, errors detected and reported',
      plain: 'The partner accepted this part of the interchange but reported errors.',
      outcome: 'accepted-with-errors',
      versions: EARLY,
    },
    {
      code: '3',
      summary: 'One or more rejected at the next lower level',
      plain:
        'The partner rejected one or more of the messages or groups inside this part of the interchange.',
      outcome: 'partially-accepted',
      versions: EARLY,
    },
    {
      code: '4',
      summary: 'This level and all lower levels rejected',
      plain: 'The partner rejected this part of the interchange and everything in it.',
      outcome: 'rejected',
    },
    {
      code: '5',
      summary: 'UNB/UNZ accepted',
      plain: 'The partner accepted the interchange envelope (UNB/UNZ).',
      outcome: 'accepted',
      versions: EARLY,
    },
    {
      code: '6',
      summary: 'UNB/UNZ rejected',
      plain: 'The partner rejected the interchange envelope (UNB/UNZ).',
      outcome: 'rejected',
      versions: EARLY,
    },
    {
      code: '7',
      summary: 'This level acknowledged, lower levels acknowledged if not explicitly rejected',
      plain:
        'The partner accepted this part of the interchange and everything in it that is not listed as rejected.',
      outcome: 'accepted',
    },
    {
      code: '8',
      summary: 'Interchange received',
      plain:
        'The partner confirms it received the interchange; acceptance or rejection will be reported separately.',
      outcome: 'received',
    },
  ],
};
