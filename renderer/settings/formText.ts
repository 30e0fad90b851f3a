// What a person types into the settings form's free-text fields, read into setting values: lists
// written with commas, whole numbers, percentages. A field that cannot be read gets a message that says
// what to type, filed under the setting's path so it appears under that field.

/** Setting path → messages. The key '' holds problems that belong to no single field. */
export type FieldErrors = Record<string, string[]>;

export function addError(errors: FieldErrors, path: string, message: string): void {
  (errors[path] ??= []).push(message);
}

/** "a, b , c" → ['a', 'b', 'c']; nothing typed → undefined (the setting is left out: it matches all). */
export function listFromText(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
}

export function listToText(list: readonly string[] | undefined): string {
  return (list ?? []).join(', ');
}

/** A number typed into a field, or a message saying what to type. */
export function readNumber(text: string): number | string {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 'enter a number';
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : `"${text}" is not a number`;
}

/** A whole number typed into a field; NaN (with a message at `path`) when it is not one. */
export function readWhole(text: string, path: string, errors: FieldErrors): number {
  const n = readNumber(text);
  if (typeof n === 'string') {
    addError(errors, path, n);
    return NaN;
  }
  if (!Number.isInteger(n)) addError(errors, path, 'enter a whole number');
  return n;
}

/** A share (0 < share < 1) shown as a percentage: "80" ↔ 0.8. */
export function percentFromShare(share: number | undefined): string {
  return share === undefined ? '' : String(Math.round(share * 1000) / 10);
}

export function shareFromPercent(text: string, path: string, errors: FieldErrors): number {
  const n = Number(text.trim().replace(',', '.').replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n >= 100) {
    addError(errors, path, 'enter a percentage above 0 and below 100, e.g. 80');
    return NaN;
  }
  return n / 100;
}

/** Moves the item at `index` one place up (-1) or down (+1); order matters where the first match wins. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[index], out[to]] = [out[to] as T, out[index] as T];
  return out;
}
