// UN/EDIFACT service data element 0085 "Syntax error, coded" (UCI05, UCF05, UCM04, UCS02, UCD01 in CONTRL).
// Source: ISO 9735 / UN/EDIFACT service code directory (UNSL). Syntax version 3 lists 2, 7, 12–43;
// syntax version 4 (ISO 9735:1998/2002) adds 45–48. Codes 1, 3–6 and 8–11 are from the early list used with
// syntax versions 1 and 2 and were removed from the service code list in 2001; 44 appears only in some
// editions of the UN service code list. All are kept so any CONTRL a partner sends still decodes.
import type { CodeTable } from './codeTable.ts';

const EARLY = 'syntax versions 1 and 2 (removed from the service code list in 2001)';
const V4 = 'added with syntax version 4';

export const EDIFACT_0085: CodeTable = {
  name: 'EDIFACT data element 0085',
  source: 'ISO 9735 / UN/EDIFACT service code list, data element 0085 Syntax error, coded',
  entries: [
    {
      code: '1',
      summary: 'UNA not supported',
      plain: 'The partner cannot read or comply with the UNA service string advice.',
      versions: EARLY,
    },
    {
      code: '2',
      summary: 'Syntax version or level not supported',
      plain: 'The partner does not support the syntax version or character set level given in UNB.',
    },
    {
      code: '3',
      summary: 'Message version/release not supported',
      plain: 'The partner does not support the message type, version or release given in UNH or UNG.',
      versions: EARLY,
    },
    {
      code: '4',
      summary: 'Service segment missing/invalid',
      plain:
        'A service segment (such as UNB, UNH, UNT or UNZ) is missing, invalid or could not be processed.',
      versions: EARLY,
    },
    {
      code: '5',
      summary: 'Trailer check in error',
      plain: 'The trailer does not agree with the header, or its group, message or segment count is wrong.',
      versions: EARLY,
    },
    {
      code: '6',
      summary: 'Data segment missing/invalid',
      plain: 'A data segment is missing, invalid or could not be processed.',
      versions: EARLY,
    },
    {
      code: '7',
      summary: 'Interchange recipient not actual recipient',
      plain: 'The recipient named in UNB is not the party that actually received the interchange.',
    },
    {
      code: '8',
      summary: 'Too many data elements in segment',
      plain: 'A segment has more data elements than allowed.',
      versions: EARLY,
    },
    {
      code: '9',
      summary: 'Mandatory data element missing',
      plain: 'A mandatory data element is missing.',
      versions: EARLY,
    },
    {
      code: '10',
      summary: 'Data element attribute error',
      plain: 'A data element does not match the message or segment specification.',
      versions: EARLY,
    },
    {
      code: '11',
      summary: 'Password invalid',
      plain: 'The password in UNB is not valid.',
      versions: EARLY,
    },
    {
      code: '12',
      summary: 'Invalid value',
      predicate: 'has an invalid value',
      plain: 'A value does not conform to the specification for that data element.',
    },
    {
      code: '13',
      summary: 'Missing',
      predicate: 'is missing but required',
      plain: 'A mandatory (or otherwise required) segment, data element or component is missing.',
    },
    {
      code: '14',
      summary: 'Value not supported in this position',
      predicate: 'has a value the partner does not accept in this position',
      plain: 'The partner does not accept this value in this position, although it may be valid elsewhere.',
    },
    {
      code: '15',
      summary: 'Not supported in this position',
      predicate: 'is not accepted by the partner in this position',
      plain: 'The partner does not accept this segment or data element in this position.',
    },
    {
      code: '16',
      summary: 'Too many constituents',
      predicate: 'has too many data elements or components',
      plain: 'A segment has too many data elements, or a composite has too many components.',
    },
    {
      code: '17',
      summary: 'No agreement',
      plain: 'There is no agreement with the partner that allows this value (for example this message type).',
    },
    {
      code: '18',
      summary: 'Unspecified error',
      plain: 'The partner found an error but did not say what kind.',
    },
    {
      code: '19',
      summary: 'Invalid decimal notation',
      predicate: 'uses an invalid decimal mark',
      plain: 'The decimal mark given in UNA is invalid, or a number uses a different decimal mark.',
    },
    {
      code: '20',
      summary: 'Character invalid as service character',
      plain: 'A character given in UNA cannot be used as a separator or service character.',
    },
    {
      code: '21',
      summary: 'Invalid character(s)',
      predicate: 'contains characters not allowed by the character set',
      plain: 'One or more characters are not allowed by the character set named in UNB.',
    },
    {
      code: '22',
      summary: 'Invalid service character(s)',
      predicate: 'contains an invalid separator or service character',
      plain: 'A separator or service character is not the one given in UNA or the default one.',
    },
    {
      code: '23',
      summary: 'Unknown interchange sender',
      plain: 'The partner does not know the sender named in UNB.',
    },
    {
      code: '24',
      summary: 'Too old',
      plain: 'The interchange or group is older than the partner accepts.',
    },
    {
      code: '25',
      summary: 'Test indicator not supported',
      plain: 'The partner cannot process this as a test (check the test indicator).',
    },
    {
      code: '26',
      summary: 'Duplicate detected',
      plain: 'The partner believes this is a duplicate of something already received.',
    },
    {
      code: '27',
      summary: 'Security function not supported',
      plain: 'The partner does not support the security function used.',
    },
    {
      code: '28',
      summary: 'References do not match',
      plain: 'The control reference in a header (UNB, UNG or UNH) differs from the one in its trailer.',
    },
    {
      code: '29',
      summary: 'Control count does not match number of instances received',
      plain: 'The count in a trailer (UNZ, UNE or UNT) does not match what was actually received.',
    },
    {
      code: '30',
      summary: 'Functional groups and messages mixed',
      plain: 'The interchange mixes functional groups with messages outside groups, which is not allowed.',
    },
    {
      code: '31',
      summary: 'More than one message type in group',
      plain: 'A functional group contains different message types.',
    },
    {
      code: '32',
      summary: 'Lower level empty',
      plain: 'The interchange or group contains no messages.',
    },
    {
      code: '33',
      summary: 'Invalid occurrence outside message, functional group or interchange',
      plain:
        'A segment or data element appears outside any message, group or interchange where it is not allowed.',
    },
    {
      code: '34',
      summary: 'Nesting indicator not allowed',
      plain: 'Explicit nesting was used in a message where it is not allowed.',
    },
    {
      code: '35',
      summary: 'Too many repetitions',
      predicate: 'is repeated more times than allowed',
      plain: 'A segment or data element is repeated more times than allowed.',
    },
    {
      code: '36',
      summary: 'Too many segment group repetitions',
      predicate: 'starts a segment group that is repeated more times than allowed',
      plain: 'A segment group is repeated more times than allowed.',
    },
    {
      code: '37',
      summary: 'Invalid type of character(s)',
      predicate: 'has letters where digits are required, or digits where letters are required',
      plain: 'Letters were used in a numeric data element, or digits in an alphabetic one.',
    },
    {
      code: '38',
      summary: 'Missing digit in front of decimal sign',
      predicate: 'has a number with no digit before the decimal mark',
      plain: 'A number starts with the decimal mark instead of a digit (for example ".5" instead of "0.5").',
    },
    {
      code: '39',
      summary: 'Data element too long',
      predicate: 'is longer than its maximum length',
      plain: 'A data element is longer than its maximum length.',
    },
    {
      code: '40',
      summary: 'Data element too short',
      predicate: 'is shorter than its minimum length',
      plain: 'A data element is shorter than its minimum length.',
    },
    {
      code: '41',
      summary: 'Permanent communication network error',
      plain:
        'The network reported a permanent error; sending the same interchange again the same way will not work.',
    },
    {
      code: '42',
      summary: 'Temporary communication network error',
      plain: 'The network reported a temporary error; sending the interchange again may work.',
    },
    {
      code: '43',
      summary: 'Unknown interchange recipient',
      plain: 'The network provider does not know the recipient named in UNB.',
    },
    {
      code: '44',
      summary: 'Application temporarily unavailable',
      plain: "The partner's receiving application is temporarily not accepting traffic.",
      versions: 'some editions of the UN service code list only; not in the ISO 9735 version 4 list',
    },
    {
      code: '45',
      summary: 'Trailing separator',
      predicate: 'ends with an unnecessary separator',
      plain: 'A segment or data element ends with an unnecessary separator.',
      versions: V4,
    },
    {
      code: '46',
      summary: 'Character set not supported',
      plain: 'The partner does not support the character set used.',
      versions: V4,
    },
    {
      code: '47',
      summary: 'Envelope functionality not supported',
      plain: 'The partner does not support the envelope structure used (for example packages or groups).',
      versions: V4,
    },
    {
      code: '48',
      summary: 'Dependency notes condition violated',
      predicate: 'breaks a rule that links it to another data element',
      plain:
        'A rule linking data elements (for example "if one is present the other is required") was broken.',
      versions: V4,
    },
  ],
};
