// decodeValidationError: one of xConnector's pre-send validation findings, explained with the field,
// element, segment and value it named.
import { unknownCodeSummary } from './explain.ts';
import { lookupCode } from './codes/codeTable.ts';
import { elementName } from './codes/x12ElementNames.ts';
import { clean, clipRaw, elementTag, endSentence, quote, toPosition } from './text.ts';
import type { DecodedError, ErrorLevel, ErrorLocation, ValidationErrorInput } from './types.ts';
import { VALIDATION_CODES } from './validationCodes.ts';

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

interface Target {
  where: string;
  level: ErrorLevel;
  location: ErrorLocation;
}

/** 'BEG03' or ('N1', '04') → tag N104 with its segment and position, when it looks like an X12 position. */
function splitElement(segment: string | undefined, element: string | undefined) {
  if (element === undefined) return { tag: undefined, segmentId: segment, position: undefined };
  const joined =
    /^\d{1,2}$/.test(element) && segment !== undefined ? elementTag(segment, Number(element)) : element;
  const match = /^([A-Z][A-Z0-9]{1,2}?)(\d{2})$/.exec(joined);
  return {
    tag: joined,
    segmentId: match?.[1] ?? segment,
    position: match === null ? undefined : toPosition(match[2]),
  };
}

function describeTarget(input: ValidationErrorInput): Target {
  const segment = text(input.segment);
  const field = text(input.field);
  const value = text(input.value);
  const { tag, segmentId, position } = splitElement(segment, text(input.element));
  const location: ErrorLocation = {};
  if (segmentId !== undefined) location.segmentId = clean(segmentId, 16);
  if (position !== undefined) location.elementPosition = position;
  if (value !== undefined) location.badValue = clean(value, 256);

  const name = tag === undefined ? undefined : elementName(undefined, tag);
  const tagLabel = tag === undefined ? undefined : clean(tag, 16);
  const inSegment =
    segmentId !== undefined && (tag === undefined || !tag.startsWith(segmentId))
      ? ` in segment ${clean(segmentId, 16)}`
      : '';
  let where: string;
  if (field !== undefined) {
    const detail = tagLabel === undefined ? '' : ` (${tagLabel}${name === undefined ? '' : `, ${name}`})`;
    where = `Field ${quote(field)}${detail}${inSegment}`;
  } else if (tagLabel !== undefined) {
    where = `Element ${tagLabel}${name === undefined ? '' : ` (${name})`}${inSegment}`;
  } else if (segmentId !== undefined) {
    where = `Segment ${clean(segmentId, 16)}`;
  } else {
    where = 'The document';
  }
  const level: ErrorLevel =
    field !== undefined || tag !== undefined
      ? 'element'
      : segmentId !== undefined
        ? 'segment'
        : 'transaction';
  return { where, level, location };
}

export function decodeValidationError(input: ValidationErrorInput): DecodedError {
  const safe: ValidationErrorInput = typeof input === 'object' && input !== null ? input : { code: '' };
  const rawCode = typeof safe.code === 'string' ? safe.code : '';
  const entry = lookupCode(VALIDATION_CODES, rawCode);
  const target = describeTarget(safe);
  const value = text(safe.value);
  const message = text(safe.message);
  const said = message === undefined ? '' : ` xConnector says: ${quote(message, 300)}.`;
  const explanation =
    entry === undefined
      ? `${target.where} failed validation with error code ${quote(rawCode, 40)}, which is not in the ` +
        `${VALIDATION_CODES.name}.${said}`
      : endSentence(
          entry.template
            .replace('{Where}', target.where)
            .replace('{value}', value === undefined ? '' : ` ${quote(value)}`),
        ) + `${said} ${entry.nextStep}`;
  const error: DecodedError = {
    source: 'validation',
    level: target.level,
    code: rawCode,
    codeList: VALIDATION_CODES.name,
    known: entry !== undefined,
    summary: entry?.summary ?? unknownCodeSummary(rawCode, VALIDATION_CODES),
    explanation,
    raw: clipRaw(JSON.stringify(pickStrings(safe)), 2_000),
  };
  if (Object.keys(target.location).length > 0) error.location = target.location;
  return error;
}

/** Only the documented string fields, so raw never carries anything unexpected (or throws in stringify). */
function pickStrings(input: ValidationErrorInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['code', 'segment', 'element', 'field', 'value', 'message'] as const) {
    const value = input[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
