// Turns one raw item of xConnector's reference-data feed into a typed record, or into a reason a
// person can read for why it was set aside. The reason names the record by kind and key when it can.
import { ReferenceKey, ReferenceKind, ReferenceRecord } from '../../shared/domain/reference.ts';
import { summarizeIssues } from '../http/zodIssues.ts';
import { sanitizeSnippet } from '../http/sanitize.ts';
import type { ParseResult } from '../flows/feedFlow.ts';

const KIND_LABEL: Record<ReferenceKind, string> = {
  partnerId: 'Partner ID',
  shipTo: 'Ship-to location',
  item: 'Item',
  contact: 'Contact',
};

/** `kind:key`, the quarantine's item id for a record, when both can be read. */
export function referenceItemId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const kind = ReferenceKind.safeParse(o.kind);
  const key = ReferenceKey.safeParse(o.key);
  return kind.success && key.success ? `${kind.data}:${key.data}` : undefined;
}

export function parseReferenceRecord(raw: unknown): ParseResult<ReferenceRecord> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const what = raw === null ? 'null' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`;
    return {
      ok: false,
      reasonKind: 'malformed',
      reason: `A reference-data record in xConnector's feed is ${what} instead of an object, so it was set aside.`,
    };
  }
  const parsed = ReferenceRecord.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const o = raw as Record<string, unknown>;
  const kind = ReferenceKind.safeParse(o.kind);
  const label = kind.success ? KIND_LABEL[kind.data] : 'A reference-data record';
  const key = typeof o.key === 'string' ? ` ${sanitizeSnippet(o.key, 128)}` : '';
  const partner = typeof o.partnerId === 'string' ? ` of partner ${sanitizeSnippet(o.partnerId, 128)}` : '';
  const itemId = referenceItemId(raw);
  return {
    ok: false,
    reasonKind: 'malformed',
    ...(itemId !== undefined ? { itemId } : {}),
    reason: `${label}${key}${partner} is malformed and was not sent to Trading Grid: ${summarizeIssues(parsed.error.issues)}.`,
  };
}
