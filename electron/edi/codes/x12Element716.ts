// X12 data element 716 "Functional Group Syntax Error Code" (AK905–AK909 in the 997 and the 999).
// Source: ASC X12 standard element dictionary, versions 004010 and 005010. Code 19 changed meaning between
// the two versions (see olderMeanings); 20–22 exist only up to 004010; 7–9 are not in 004010 and appear
// in later releases' dictionaries.
import type { CodeTable } from './codeTable.ts';

export const X12_ELEMENT_716: CodeTable = {
  name: 'X12 element 716',
  source: 'ASC X12 element dictionary 004010/005010, element 716 Functional Group Syntax Error Code',
  entries: [
    {
      code: '1',
      summary: 'Functional group not supported',
      plain: 'The partner does not accept this kind of functional group (GS01).',
    },
    {
      code: '2',
      summary: 'Functional group version not supported',
      plain: 'The partner does not support the X12 version given in GS08.',
    },
    {
      code: '3',
      summary: 'Functional group trailer missing',
      plain: 'The functional group has no GE end segment.',
    },
    {
      code: '4',
      summary: 'Group control number in the functional group header and trailer do not agree',
      plain: 'The group control number in GS06 differs from the one in GE02.',
    },
    {
      code: '5',
      summary: 'Number of included transaction sets does not match actual count',
      plain: 'The document count in GE01 does not match the number of documents in the group.',
    },
    {
      code: '6',
      summary: 'Group control number violates syntax',
      plain: 'The group control number in GS06 is not in a valid format.',
    },
    {
      code: '7',
      summary: "Invalid application sender's code",
      plain: 'The sender code in GS02 is not valid for this partner.',
      versions: 'not in 004010; listed in later X12 releases',
    },
    {
      code: '8',
      summary: "Invalid application receiver's code",
      plain: 'The receiver code in GS03 is not valid for this partner.',
      versions: 'not in 004010; listed in later X12 releases',
    },
    {
      code: '9',
      summary: 'Invalid responsible agency code',
      plain: 'The responsible agency code in GS07 is not valid.',
      versions: 'not in 004010; listed in later X12 releases',
    },
    {
      code: '10',
      summary: 'Authentication key name unknown',
      plain: 'The partner does not know the security key named for authenticating the group.',
    },
    {
      code: '11',
      summary: 'Encryption key name unknown',
      plain: 'The partner does not know the encryption key named for the group.',
    },
    {
      code: '12',
      summary: 'Requested service (authentication or encryption) not available',
      plain: 'The partner cannot provide the security service (authentication or encryption) requested.',
    },
    {
      code: '13',
      summary: 'Unknown security recipient',
      plain: 'The security recipient named for the group is not known to the partner.',
    },
    {
      code: '14',
      summary: 'Unknown security originator',
      plain: 'The security originator named for the group is not known to the partner.',
    },
    {
      code: '15',
      summary: 'Syntax error in decrypted text',
      plain: 'After decrypting the group the partner found a syntax error in it.',
    },
    {
      code: '16',
      summary: 'Security not supported',
      plain: 'The partner does not support the security features used in the group.',
    },
    {
      code: '17',
      summary: 'Incorrect message length (encryption only)',
      plain: 'The encrypted content does not have the length stated for it.',
    },
    {
      code: '18',
      summary: 'Message authentication code failed',
      plain: 'The security check code of the group did not match its content.',
    },
    {
      code: '19',
      summary: 'Functional group control number not unique within interchange',
      plain: 'Another functional group in the same interchange uses the same GS06 control number.',
      versions: '005010 and later (in 004010, 19 meant "S1E security end segment missing for S1S")',
    },
    {
      code: '20',
      summary: 'S1S security start segment missing for S1E end segment',
      plain: 'A security end segment (S1E) was sent without its start segment (S1S).',
      versions: '004010 and earlier (removed in 005010)',
    },
    {
      code: '21',
      summary: 'S2E security end segment missing for S2S security start segment',
      plain: 'A security start segment (S2S) was sent without its end segment (S2E).',
      versions: '004010 and earlier (removed in 005010)',
    },
    {
      code: '22',
      summary: 'S2S security start segment missing for S2E security end segment',
      plain: 'A security end segment (S2E) was sent without its start segment (S2S).',
      versions: '004010 and earlier (removed in 005010)',
    },
    {
      code: '23',
      summary: 'S3E security end segment missing for S3S security start segment',
      plain: 'A security start segment (S3S) was sent without its end segment (S3E).',
    },
    {
      code: '24',
      summary: 'S3S security start segment missing for S3E end segment',
      plain: 'A security end segment (S3E) was sent without its start segment (S3S).',
    },
    {
      code: '25',
      summary: 'S4E security end segment missing for S4S security start segment',
      plain: 'A security start segment (S4S) was sent without its end segment (S4E).',
    },
    {
      code: '26',
      summary: 'S4S security start segment missing for S4E security end segment',
      plain: 'A security end segment (S4E) was sent without its start segment (S4S).',
    },
  ],
  olderMeanings: {
    versions: '004010 and earlier',
    versionPrefixes: ['002', '003', '004'],
    entries: [
      {
        code: '19',
        summary: 'S1E security end segment missing for S1S security start segment',
        plain: 'A security start segment (S1S) was sent without its end segment (S1E).',
        versions: '004010 and earlier',
      },
    ],
  },
};
