// The shape shared by every code table, and the one lookup used everywhere. Tables are plain data so
// tests can check them (no duplicates, no empty words) and reviewers can compare them with the standard.

/** What an acknowledgment-status code means for the documents it covers. */
export type Outcome = 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected' | 'received';

export interface CodeEntry {
  /** The code exactly as the standard spells it. */
  readonly code: string;
  /** The standard's name for the code, in plain words. */
  readonly summary: string;
  /** One sentence a partner-desk person understands. */
  readonly plain: string;
  /** For segment/element errors: the verb phrase used after the location ('is required but missing'). */
  readonly predicate?: string;
  /** For acknowledgment codes (715, 717, 0083): what the code means for the documents. */
  readonly outcome?: Outcome;
  /** Set when the code exists only in some versions of the standard. */
  readonly versions?: string;
  /** Set when the code is not in the official list but is decoded anyway (and why). */
  readonly note?: string;
}

export interface CodeTable {
  /** Short name used in messages, e.g. 'X12 element 723'. */
  readonly name: string;
  /** Where the list comes from (standard, element number, versions). */
  readonly source: string;
  readonly entries: readonly CodeEntry[];
  /**
   * Codes whose meaning changed between versions (e.g. 718 code 19 was a security code in 004010 and is
   * 'Invalid implementation convention reference' in 005010). Used only when the acknowledgment says
   * which version it is; otherwise the current meaning in `entries` wins, and that entry notes the old one.
   */
  readonly olderMeanings?: {
    readonly versions: string;
    /** Version strings (GS08/ST03/AK103) starting with one of these use the older meanings. */
    readonly versionPrefixes: readonly string[];
    readonly entries: readonly CodeEntry[];
  };
}

const indexes = new WeakMap<CodeTable, Map<string, CodeEntry>>();

function indexOf(table: CodeTable): Map<string, CodeEntry> {
  let index = indexes.get(table);
  if (index === undefined) {
    index = new Map(table.entries.map((entry) => [entry.code.toUpperCase(), entry]));
    indexes.set(table, index);
  }
  return index;
}

/** A table whose entries carry extra fields (e.g. nextStep); lookups then return that richer type. */
export type TableOf<E extends CodeEntry> = CodeTable & { readonly entries: readonly E[] };

/**
 * Find a code. Surrounding blanks, lower case ('i6') and zero padding ('07') are tolerated because
 * translators differ on them; the caller still reports the code exactly as received.
 */
export function lookupCode<E extends CodeEntry>(
  table: TableOf<E>,
  rawCode: string,
  version?: string,
): E | undefined {
  const code = rawCode.trim().toUpperCase();
  if (code === '') return undefined;
  const unpadded = code.replace(/^(I?)0+(?=\d)/, '$1');
  const older = table.olderMeanings;
  if (
    older !== undefined &&
    version !== undefined &&
    older.versionPrefixes.some((p) => version.startsWith(p))
  ) {
    const old = older.entries.find((entry) => entry.code === code || entry.code === unpadded);
    if (old !== undefined) return old as E;
  }
  const index = indexOf(table);
  // The index only holds this table's own entries, so the narrowing is sound.
  return (index.get(code) ?? index.get(unpadded)) as E | undefined;
}
