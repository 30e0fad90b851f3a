// Turns ONE raw feed item into a typed domain value, or into a reason a person can read for why it was
// quarantined. Items are parsed one at a time so a single malformed item never blocks the rest of a page.
// Field renames from the mappings are applied first, so an integrator can adapt to a real system's names.
import type { z } from 'zod';
import type { Mappings } from '../../shared/config/mappings.ts';
import { PartnerException } from '../../shared/domain/exception.ts';
import { Community, Partner } from '../../shared/domain/partner.ts';
import { TransactionWire } from '../../shared/domain/transaction.ts';
import type { Transaction, TransactionStatus } from '../../shared/domain/transaction.ts';
import { sanitizeSnippet } from '../http/sanitize.ts';
import { summarizeIssues } from '../http/zodIssues.ts';

export type ParseReasonKind = 'malformed' | 'unmapped_status';

export type ParseResult<T> =
  { ok: true; value: T } | { ok: false; reason: string; itemId?: string; reasonKind: ParseReasonKind };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Renames top-level fields (`remote name → our name`) of a raw item. The input is not modified; a
 * non-object is returned unchanged. When both the remote and our name are present, the renamed remote
 * field wins. Built with `Object.fromEntries`, so a key like `__proto__` stays an ordinary field.
 */
export function applyFieldRenames(raw: unknown, renames: Record<string, string>): unknown {
  if (!isPlainObject(raw)) return raw;
  const active = Object.entries(renames).filter(([from, to]) => from !== to && Object.hasOwn(raw, from));
  if (active.length === 0) return raw;
  const renamedFrom = new Set(active.map(([from]) => from));
  const renamedTo = new Set(active.map(([, to]) => to));
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (renamedFrom.has(key) || renamedTo.has(key)) continue;
    entries.push([key, value]);
  }
  for (const [from, to] of active) entries.push([to, raw[from]]);
  return Object.fromEntries(entries);
}

const USABLE_ID = /^[\x20-\x7e]{1,128}$/;

/** The item's `id`, when it is one we can show and store (a short printable string or an integer). */
export function itemIdOf(raw: unknown): string | undefined {
  if (!isPlainObject(raw)) return undefined;
  const id = raw.id;
  if (typeof id === 'string' && USABLE_ID.test(id) && id.trim() !== '') return id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
  return undefined;
}

function label(kind: string, itemId: string | undefined): string {
  return itemId !== undefined
    ? `${kind} ${sanitizeSnippet(itemId, 128)}`
    : `A ${kind.toLowerCase()} without a usable id`;
}

function parseWith<S extends z.ZodType>(
  schema: S,
  kind: string,
  raw: unknown,
  renames: Record<string, string>,
): ParseResult<z.output<S>> {
  const renamed = applyFieldRenames(raw, renames);
  const itemId = itemIdOf(renamed) ?? itemIdOf(raw);
  if (!isPlainObject(renamed)) {
    const what = renamed === null ? 'null' : Array.isArray(renamed) ? 'a list' : `a ${typeof renamed}`;
    return {
      ok: false,
      reasonKind: 'malformed',
      reason: `A ${kind.toLowerCase()} in the feed is ${what} instead of an object, so it was set aside.`,
    };
  }
  const parsed = schema.safeParse(renamed, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    reasonKind: 'malformed',
    reason: `${label(kind, itemId)} is malformed and was set aside: ${summarizeIssues(parsed.error.issues)}.`,
    ...(itemId !== undefined ? { itemId } : {}),
  };
}

export function parsePartner(raw: unknown, mappings: Mappings): ParseResult<Partner> {
  return parseWith(Partner, 'Partner', raw, mappings.xconnector.fieldRenames.partner);
}

export function parseException(raw: unknown, mappings: Mappings): ParseResult<PartnerException> {
  return parseWith(PartnerException, 'Exception', raw, mappings.xconnector.fieldRenames.exception);
}

export function parseCommunity(raw: unknown, mappings: Mappings): ParseResult<Community> {
  return parseWith(Community, 'Community', raw, mappings.tradingGrid.fieldRenames.community);
}

/** Parses a transaction and maps xConnector's status word onto our status (kept as `rawStatus`). */
export function parseTransaction(raw: unknown, mappings: Mappings): ParseResult<Transaction> {
  const wire = parseWith(TransactionWire, 'Transaction', raw, mappings.xconnector.fieldRenames.transaction);
  if (!wire.ok) return wire;
  const t = wire.value;
  const table = mappings.xconnector.transactionStatus;
  // Own properties only: a status word like "constructor" must not resolve through the prototype.
  const status: TransactionStatus | undefined = Object.hasOwn(table, t.status) ? table[t.status] : undefined;
  if (status === undefined) {
    return {
      ok: false,
      reasonKind: 'unmapped_status',
      itemId: t.id,
      reason: `Transaction ${sanitizeSnippet(t.id, 128)} has status "${sanitizeSnippet(t.status, 64)}", which the status mapping does not know: add it under Settings → Mappings`,
    };
  }
  return { ok: true, value: { ...t, status, rawStatus: t.status } };
}

export interface ParsedPage<T> {
  items: T[];
  rejected: { index: number; reason: string; itemId?: string; reasonKind: ParseReasonKind }[];
}

/** Parses every item of a page on its own: good items are kept, bad ones listed with their reason. */
export function parseItems<T>(
  items: readonly unknown[],
  parse: (raw: unknown, mappings: Mappings) => ParseResult<T>,
  mappings: Mappings,
): ParsedPage<T> {
  const out: ParsedPage<T> = { items: [], rejected: [] };
  items.forEach((raw, index) => {
    const r = parse(raw, mappings);
    if (r.ok) out.items.push(r.value);
    else
      out.rejected.push({
        index,
        reason: r.reason,
        reasonKind: r.reasonKind,
        ...(r.itemId !== undefined ? { itemId: r.itemId } : {}),
      });
  });
  return out;
}
