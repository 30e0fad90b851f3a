// X12 data element 723 "Data Element Syntax Error Code" (AK403 in the 997).
// Source: ASC X12 standard element dictionary, versions 004010 and 005010. 004010 defines 1–10; 005010 adds
// 12, 13 and the implementation codes I6, I9–I13 (11 is not assigned). Element 621 (IK403 in the 999)
// uses the same codes.
import type { CodeEntry, CodeTable } from './codeTable.ts';

const GUIDE = "the partner's implementation guide";
const V5010 = '005010 and later';

/** Shared with element 621, which the standard defines with the same codes. */
export const ELEMENT_SYNTAX_ERRORS: readonly CodeEntry[] = [
  {
    code: '1',
    summary: 'Required data element missing',
    plain: 'A data element the standard requires is missing.',
    predicate: 'is missing but required',
  },
  {
    code: '2',
    summary: 'Conditional required data element missing',
    plain: 'A data element is missing that is required because another element in the segment is filled in.',
    predicate: 'is missing but required because of another element in the segment',
  },
  {
    code: '3',
    summary: 'Too many data elements',
    plain: 'The segment has more data elements than the standard allows.',
    predicate: 'is beyond the number of data elements the segment allows',
  },
  {
    code: '4',
    summary: 'Data element too short',
    plain: 'A data element is shorter than its minimum length.',
    predicate: 'is shorter than its minimum length',
  },
  {
    code: '5',
    summary: 'Data element too long',
    plain: 'A data element is longer than its maximum length.',
    predicate: 'is longer than its maximum length',
  },
  {
    code: '6',
    summary: 'Invalid character in data element',
    plain: 'A data element contains a character that is not allowed.',
    predicate: 'contains a character that is not allowed',
  },
  {
    code: '7',
    summary: 'Invalid code value',
    plain: 'A data element has a code value that is not in the allowed list.',
    predicate: 'has a code value that is not in the allowed list',
  },
  {
    code: '8',
    summary: 'Invalid date',
    plain: 'A data element has a date that is not valid.',
    predicate: 'has a date that is not valid',
  },
  {
    code: '9',
    summary: 'Invalid time',
    plain: 'A data element has a time that is not valid.',
    predicate: 'has a time that is not valid',
  },
  {
    code: '10',
    summary: 'Exclusion condition violated',
    plain: 'A data element is filled in together with another element that must not be used with it.',
    predicate: 'is filled in together with another element that must not be used with it',
  },
  {
    code: '12',
    summary: 'Too many repetitions',
    plain: 'A repeating data element is repeated more times than allowed.',
    predicate: 'is repeated more times than allowed',
    versions: V5010,
  },
  {
    code: '13',
    summary: 'Too many components',
    plain: 'A composite data element has more components than allowed.',
    predicate: 'has more components than allowed',
    versions: V5010,
  },
  {
    code: 'I6',
    summary: 'Code value not used in implementation',
    plain: `A data element has a code value that ${GUIDE} does not allow.`,
    predicate: `has a code value that ${GUIDE} does not allow`,
    versions: V5010,
  },
  {
    code: 'I9',
    summary: 'Implementation dependent data element missing',
    plain: `A data element ${GUIDE} requires in this situation is missing.`,
    predicate: `is required by ${GUIDE} in this situation but missing`,
    versions: V5010,
  },
  {
    code: 'I10',
    summary: 'Implementation "Not Used" data element present',
    plain: `A data element is present but ${GUIDE} marks it "Not Used".`,
    predicate: `is present but ${GUIDE} marks it "Not Used"`,
    versions: V5010,
  },
  {
    code: 'I11',
    summary: 'Implementation too few repetitions',
    plain: `A repeating data element occurs fewer times than ${GUIDE} requires.`,
    predicate: `is repeated fewer times than ${GUIDE} requires`,
    versions: V5010,
  },
  {
    code: 'I12',
    summary: 'Implementation pattern match failure',
    plain: `A data element does not match the format ${GUIDE} requires.`,
    predicate: `does not match the format ${GUIDE} requires`,
    versions: V5010,
  },
  {
    code: 'I13',
    summary: 'Implementation dependent "Not Used" data element present',
    plain: `A data element is present although ${GUIDE} says it must not be used in this situation.`,
    predicate: `is present although ${GUIDE} says it must not be used in this situation`,
    versions: V5010,
  },
];

export const X12_ELEMENT_723: CodeTable = {
  name: 'X12 element 723',
  source: 'ASC X12 element dictionary 004010/005010, element 723 Data Element Syntax Error Code',
  entries: ELEMENT_SYNTAX_ERRORS,
};
