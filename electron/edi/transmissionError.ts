// decodeTransmissionError: a delivery failure code from our contract, in plain words with the next step.
import { unknownCodeSummary } from './explain.ts';
import { lookupCode } from './codes/codeTable.ts';
import { clean, clipRaw, quote } from './text.ts';
import { TRANSMISSION_CODES } from './transmissionCodes.ts';
import type { DecodedError } from './types.ts';

export function decodeTransmissionError(code: string, detail?: string): DecodedError {
  // Callers pass wire data: tolerate anything rather than throw.
  const rawCode = typeof code === 'string' ? code : '';
  const rawDetail = typeof detail === 'string' && detail.trim() !== '' ? detail : undefined;
  const entry = lookupCode(TRANSMISSION_CODES, rawCode);
  const details = rawDetail === undefined ? '' : ` Details: ${clean(rawDetail.trim(), 300)}`;
  const explanation =
    entry === undefined
      ? `The document could not be delivered, with error code ${quote(rawCode, 40)}, which is not in the ` +
        `${TRANSMISSION_CODES.name}.${details} Check the connection log or ask the integration team.`
      : `${entry.plain} ${entry.nextStep}${details}`;
  return {
    source: 'transmission',
    level: 'interchange',
    code: rawCode,
    codeList: TRANSMISSION_CODES.name,
    known: entry !== undefined,
    summary: entry?.summary ?? unknownCodeSummary(rawCode, TRANSMISSION_CODES),
    explanation,
    raw: clipRaw(rawDetail === undefined ? rawCode : `${rawCode}: ${rawDetail}`, 2_000),
  };
}
