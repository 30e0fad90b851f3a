// A benchmark figure is printed beside the reference measured in the same run, as a ratio, so the
// number means something on any machine.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  reference: number | null;
  referenceName: string | null;
  ratio: number | null;
  note?: string;
}

export function figure(
  name: string,
  value: number,
  unit: string,
  reference?: { name: string; value: number },
  note?: string,
): Figure {
  const ratio = reference && reference.value !== 0 ? value / reference.value : null;
  return {
    name,
    value,
    unit,
    reference: reference?.value ?? null,
    referenceName: reference?.name ?? null,
    ratio,
    ...(note ? { note } : {}),
  };
}

const fmt = (n: number | null) => (n === null ? '—' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));

export function markdownTable(figures: Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.referenceName ? `${f.referenceName}: ${fmt(f.reference)} ${f.unit}` : '—'} | ${fmt(f.ratio)} |`,
  );
  const notes = figures.flatMap((f) => (f.note ? [`- ${f.name}: ${f.note}`] : []));
  return [
    '| figure | value | reference (same run) | ratio |',
    '|---|---|---|---|',
    ...rows,
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
