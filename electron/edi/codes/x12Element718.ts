// X12 data element 718 "Transaction Set Syntax Error Code" (AK502–AK506 in the 997).
// Source: ASC X12 standard element dictionary, versions 004010 and 005010. Codes 14 and 18 (004010),
// and 20–22 (005010) are not assigned. Code 19 changed meaning between the two versions: see olderMeanings.
import type { CodeTable } from './codeTable.ts';

export const X12_ELEMENT_718: CodeTable = {
  name: 'X12 element 718',
  source: 'ASC X12 element dictionary 004010/005010, element 718 Transaction Set Syntax Error Code',
  entries: [
    {
      code: '1',
      summary: 'Transaction set not supported',
      plain: 'The partner does not accept this type of document.',
    },
    {
      code: '2',
      summary: 'Transaction set trailer missing',
      plain: 'The document has no SE end segment, so the partner could not tell where it ends.',
    },
    {
      code: '3',
      summary: 'Transaction set control number in header and trailer do not match',
      plain: 'The control number in the ST header differs from the one in the SE trailer.',
    },
    {
      code: '4',
      summary: 'Number of included segments does not match actual count',
      plain: 'The segment count in the SE trailer does not match the number of segments actually sent.',
    },
    {
      code: '5',
      summary: 'One or more segments in error',
      plain: 'One or more segments in the document have errors (see the segment errors).',
    },
    {
      code: '6',
      summary: 'Missing or invalid transaction set identifier',
      plain: 'The document type in ST01 is missing or not valid.',
    },
    {
      code: '7',
      summary: 'Missing or invalid transaction set control number',
      plain: 'The control number in ST02 is missing or not valid.',
    },
    {
      code: '8',
      summary: 'Authentication key name unknown',
      plain: 'The partner does not know the security key named for authenticating the document.',
    },
    {
      code: '9',
      summary: 'Encryption key name unknown',
      plain: 'The partner does not know the encryption key named in the document.',
    },
    {
      code: '10',
      summary: 'Requested service (authentication or encryption) not available',
      plain: 'The partner cannot provide the security service (authentication or encryption) requested.',
    },
    {
      code: '11',
      summary: 'Unknown security recipient',
      plain: 'The security recipient named in the document is not known to the partner.',
    },
    {
      code: '12',
      summary: 'Incorrect message length (encryption only)',
      plain: 'The encrypted content does not have the length stated for it.',
    },
    {
      code: '13',
      summary: 'Message authentication code failed',
      plain: 'The security check code of the document did not match its content.',
    },
    {
      code: '15',
      summary: 'Unknown security originator',
      plain: 'The security originator named in the document is not known to the partner.',
    },
    {
      code: '16',
      summary: 'Syntax error in decrypted text',
      plain: 'After decrypting the document the partner found a syntax error in it.',
    },
    {
      code: '17',
      summary: 'Security not supported',
      plain: 'The partner does not support the security features used in the document.',
    },
    {
      code: '18',
      summary: 'Transaction set not in functional group',
      plain: 'The document was not enclosed in a GS/GE functional group.',
      versions: '005010 and later',
    },
    {
      code: '19',
      summary: 'Invalid transaction set implementation convention reference',
      plain: 'The implementation guide named in ST03 is not valid or not agreed with the partner.',
      versions: '005010 and later (in 004010, 19 meant "S1E security end segment missing for S1S")',
    },
    {
      code: '20',
      summary: 'S1S security start segment missing for S1E security end segment',
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
      summary: 'Transaction set control number not unique within the functional group',
      plain: 'Another document in the same functional group uses the same ST02 control number.',
    },
    {
      code: '24',
      summary: 'S3E security end segment missing for S3S security start segment',
      plain: 'A security start segment (S3S) was sent without its end segment (S3E).',
    },
    {
      code: '25',
      summary: 'S3S security start segment missing for S3E security end segment',
      plain: 'A security end segment (S3E) was sent without its start segment (S3S).',
    },
    {
      code: '26',
      summary: 'S4E security end segment missing for S4S security start segment',
      plain: 'A security start segment (S4S) was sent without its end segment (S4E).',
    },
    {
      code: '27',
      summary: 'S4S security start segment missing for S4E security end segment',
      plain: 'A security end segment (S4E) was sent without its start segment (S4S).',
    },
    {
      code: 'I5',
      summary: 'Implementation one or more segments in error',
      plain: "One or more segments break the partner's implementation guide (see the segment errors).",
      versions: '005010 and later',
    },
    {
      code: 'I6',
      summary: 'Implementation convention not supported',
      plain: 'The partner does not support the implementation guide this document was built to.',
      versions: '005010 and later',
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
