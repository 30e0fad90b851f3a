// Hostile JSON for the property tests: values of the wrong type, huge and strange strings, numbers
// written as "NaN" or "Infinity", prototype-pollution keys, deeply nested junk; and mutations of a valid
// value (one field removed, replaced or added at any depth). Everything here survives JSON.stringify,
// because the engine only ever sees what came over the wire.
import fc from 'fast-check';

/** Keys that would poison a prototype if copied into a plain object by assignment. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const numberWords = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x1F', '1_000', '');

const strangeStrings = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\uFEFF',
    '\u202E' + 'fdp.exe',
    'e\u0301',
    '\uD800',
    '../../etc/passwd',
    'CON',
    '<script>alert(1)</script>',
    "'; DROP TABLE quarantine; --",
    '%00',
    '${jndi:ldap://x}',
    ...PROTOTYPE_KEYS,
  ),
);

/** A string far longer than any field allows (10 kB to 2 MB). */
const hugeString = fc
  .tuple(fc.constantFrom(10_000, 200_000), fc.constantFrom('A', 'é', '😀', '\u0000'))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

/** Arrays or objects nested far deeper than anything real (deeper still is sent as raw text: see deepJsonText). */
export const deepJunk = fc.tuple(fc.constantFrom(50, 1_500), fc.boolean()).map(([depth, asObject]) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
});

/** A wide array: a list where a small one or a scalar belongs. */
const wideArray = fc.constantFrom(3_000, 20_000).map((n) => Array.from({ length: n }, (_, i) => i));

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 1.5, 1e308, -1e308, 5e-324),
  numberWords,
  strangeStrings,
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepJunk },
  { weight: 1, arbitrary: wideArray },
  {
    weight: 1,
    arbitrary: fc.constant(
      JSON.parse(
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      ) as unknown,
    ),
  },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom('toString', 'hasOwnProperty', 'valueOf', ''),
  fc.string({ maxLength: 12 }),
);

/** Sets an own property, even one named `__proto__`, the way JSON.parse would. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Path = (string | number)[];

function pathsOf(value: unknown, limit = 400): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Path): void => {
    if (out.length >= limit) return;
    if (typeof v !== 'object' || v === null) return;
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i): [number, unknown] => [i, x])
      : Object.entries(v);
    for (const [k, x] of entries) {
      out.push([...path, k]);
      walk(x, [...path, k]);
    }
  };
  walk(value, []);
  return out;
}

/** A deep copy through JSON, as the wire would make it (and with `__proto__` keys as own properties). */
export function viaWire(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

export type MutationOp = 'remove' | 'replace' | 'add' | 'wrap';

export interface Mutation {
  op: MutationOp;
  pathIndex: number;
  key: string;
  value: unknown;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<MutationOp>('remove', 'replace', 'replace', 'add', 'wrap'),
  pathIndex: fc.nat(),
  key: hostileKey,
  value: hostileValue,
});

/** Applies one mutation to a copy of `valid`: a field at any depth removed, replaced, added to or wrapped. */
export function mutate(valid: unknown, m: Mutation): unknown {
  const copy = viaWire(valid);
  const paths = pathsOf(copy);
  const root: Record<string, unknown> = { root: copy };
  const path: Path = paths.length === 0 ? [] : (paths[m.pathIndex % paths.length] as Path);
  const full: Path = ['root', ...path];
  let parent: unknown = root;
  for (const step of full.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  const last = full[full.length - 1] as string | number;
  const holder = parent as Record<string | number, unknown>;
  const current = holder[last];
  switch (m.op) {
    case 'remove':
      if (Array.isArray(holder)) holder.splice(Number(last), 1);
      else delete holder[last];
      break;
    case 'replace':
      if (Array.isArray(holder)) holder[Number(last)] = m.value;
      else setOwn(holder, String(last), m.value);
      break;
    case 'add':
      if (typeof current === 'object' && current !== null && !Array.isArray(current))
        setOwn(current as Record<string, unknown>, m.key, m.value);
      else if (typeof copy === 'object' && copy !== null && !Array.isArray(copy))
        setOwn(copy as Record<string, unknown>, m.key, m.value);
      else setOwn(holder, String(last), m.value);
      break;
    case 'wrap':
      if (Array.isArray(holder)) holder[Number(last)] = [current];
      else setOwn(holder, String(last), [current]);
      break;
  }
  return root.root;
}

/** A valid value with one hostile mutation, or something hostile in its place altogether. */
export function hostileVariantOf(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: mutation.map((m) => mutate(valid, m)) },
    {
      weight: 1,
      arbitrary: fc.array(mutation, { minLength: 2, maxLength: 5 }).map((ms) => ms.reduce(mutate, valid)),
    },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** Whether Object.prototype (and friends) still look as they should. */
export function prototypesClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted === undefined && probe.a === undefined && Object.getPrototypeOf(probe) === Object.prototype
  );
}

/** JSON text nested `depth` levels deep: deeper than JSON.stringify itself can write. */
export function deepJsonText(depth: number): string {
  return `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`;
}
