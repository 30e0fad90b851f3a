// X12 data element 720 "Segment Syntax Error Code" (AK304 in the 997).
// Source: ASC X12 standard element dictionary, versions 004010 and 005010. 004010 defines 1–8; 005010 adds
// the implementation codes I4, I6–I9. The same codes are used by element 620 (IK304 in the 999).
import type { CodeEntry, CodeTable } from './codeTable.ts';

const GUIDE = "the partner's implementation guide";
const V5010 = '005010 and later';

/** Shared with element 620, which the standard defines with the same codes. */
export const SEGMENT_SYNTAX_ERRORS: readonly CodeEntry[] = [
  {
    code: '1',
    summary: 'Unrecognized segment ID',
    plain: 'The partner does not recognise the segment ID.',
    predicate: 'has a segment ID the partner does not recognise',
  },
  {
    code: '2',
    summary: 'Unexpected segment',
    plain: 'The segment is valid but was not expected at this point in the document.',
    predicate: 'was not expected at this point',
  },
  {
    code: '3',
    summary: 'Required segment missing',
    plain: 'A segment the standard requires is missing.',
    predicate: 'is required but missing',
  },
  {
    code: '4',
    summary: 'Loop occurs over maximum times',
    plain: 'A loop repeats more times than the standard allows.',
    predicate: 'starts a loop that repeats more times than allowed',
  },
  {
    code: '5',
    summary: 'Segment exceeds maximum use',
    plain: 'The segment is repeated more times than the standard allows.',
    predicate: 'is repeated more times than allowed',
  },
  {
    code: '6',
    summary: 'Segment not in defined transaction set',
    plain: 'The segment is not part of this type of document.',
    predicate: 'is not part of this type of document',
  },
  {
    code: '7',
    summary: 'Segment not in proper sequence',
    plain: 'The segment is out of order.',
    predicate: 'is out of order',
  },
  {
    code: '8',
    summary: 'Segment has data element errors',
    plain: 'The segment has errors in its data elements.',
    predicate: 'has errors in its data elements',
  },
  {
    code: 'I4',
    summary: 'Implementation "Not Used" segment present',
    plain: `The segment is present but ${GUIDE} marks it "Not Used".`,
    predicate: `is present but ${GUIDE} marks it "Not Used"`,
    versions: V5010,
  },
  {
    code: 'I6',
    summary: 'Implementation dependent segment missing',
    plain: `A segment ${GUIDE} requires in this situation is missing.`,
    predicate: `is required by ${GUIDE} in this situation but missing`,
    versions: V5010,
  },
  {
    code: 'I7',
    summary: 'Implementation loop occurs under minimum times',
    plain: `A loop occurs fewer times than ${GUIDE} requires.`,
    predicate: `starts a loop that occurs fewer times than ${GUIDE} requires`,
    versions: V5010,
  },
  {
    code: 'I8',
    summary: 'Implementation segment below minimum use',
    plain: `The segment occurs fewer times than ${GUIDE} requires.`,
    predicate: `occurs fewer times than ${GUIDE} requires`,
    versions: V5010,
  },
  {
    code: 'I9',
    summary: 'Implementation dependent "Not Used" segment present',
    plain: `The segment is present although ${GUIDE} says it must not be used in this situation.`,
    predicate: `is present although ${GUIDE} says it must not be used in this situation`,
    versions: V5010,
  },
];

export const X12_ELEMENT_720: CodeTable = {
  name: 'X12 element 720',
  source: 'ASC X12 element dictionary 004010/005010, element 720 Segment Syntax Error Code',
  entries: SEGMENT_SYNTAX_ERRORS,
};
