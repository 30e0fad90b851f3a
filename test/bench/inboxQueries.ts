// Inbox queries at size: the window's own calls (`cases:list`, `cases:counts` through the desk
// service) on a store of N seeded cases, beside the same calls on 1,000 cases, p50 and p95 over many
// varied queries. The two stores are asked in turn, so both see the same load on a shared machine.
// A ratio near 1 means a page costs what it shows, not what the store holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { Rng } from '../../electron/simulators/rng.ts';
import type { CaseListQuery } from '../../shared/ipc/contract.ts';
import { openInboxDesk, type InboxDesk } from './inboxDesk.ts';
import type { SeededCases, seededStoreTemplates } from './seedCases.ts';
import { figure, type Figure } from './figures.ts';

export const REFERENCE_CASES = 1_000;

/** One kind of inbox call; `make` varies its arguments from run to run. */
interface QueryKind {
  name: string;
  channel: 'cases:list' | 'cases:counts';
  make: (rng: Rng, world: SeededCases) => CaseListQuery | Record<string, never>;
  /** Untimed work before the call: what happened on the desk just before the window asked. */
  before?: (service: InboxDesk['service'], rng: Rng) => Promise<void>;
}

/** A desk reply to a partner: queued in the outbox and noted on the case's timeline (a real write). */
async function replyToSomeCase(service: InboxDesk['service'], rng: Rng): Promise<void> {
  const page = (await service.invoke('cases:list', { limit: 20, offset: rng.int(0, 200) })) as {
    items: { id: string; tgIssueId: string | null }[];
  };
  const linked = page.items.find((c) => c.tgIssueId !== null);
  if (!linked) throw new Error('no linked case to reply to');
  await service.invoke('cases:reply', { caseId: linked.id, text: 'We are looking into it.' });
}

const STATUSES = ['open', 'in_progress', 'waiting_on_partner', 'resolved', 'closed'];
const SLA_STATES = ['ok', 'warning', 'breached', 'paused', 'met'];
const TYPES = ['SHIPMENT_EXCEPTION', 'INVOICE_DISPUTE', 'ORDER_EXCEPTION'];
/** Words that stand in many titles: the slow kind of search (thousands of hits to order). */
const COMMON_WORDS = ['mismatch', 'shipment', 'invoice', 'received', 'price', 'damaged', 'quantity'];

const partnerOf = (rng: Rng, w: SeededCases) => rng.pick(w.scenario.partners).id;

export const QUERY_KINDS: QueryKind[] = [
  { name: 'first page, sorted by SLA due', channel: 'cases:list', make: () => ({}) },
  { name: 'filter by partner', channel: 'cases:list', make: (r, w) => ({ partnerId: partnerOf(r, w) }) },
  { name: 'filter by status', channel: 'cases:list', make: (r) => ({ status: r.pick(STATUSES) }) },
  { name: 'filter by SLA state', channel: 'cases:list', make: (r) => ({ slaState: r.pick(SLA_STATES) }) },
  { name: 'filter by type', channel: 'cases:list', make: (r) => ({ type: r.pick(TYPES) }) },
  {
    name: 'partner + status + type',
    channel: 'cases:list',
    make: (r, w) => ({ partnerId: partnerOf(r, w), status: r.pick(STATUSES), type: r.pick(TYPES) }),
  },
  {
    name: 'search a reference (PO/ASN/invoice no.)',
    channel: 'cases:list',
    make: (r, w) => ({ text: r.pick(w.references).slice(0, r.int(6, 11)) }),
  },
  { name: 'search a common word', channel: 'cases:list', make: (r) => ({ text: r.pick(COMMON_WORDS) }) },
  {
    name: 'scrolled: a page anywhere in the list',
    channel: 'cases:list',
    make: (r, w) => ({ offset: r.int(0, Math.max(0, w.cases - 100)) }),
  },
  { name: 'counts for the filter menus, nothing changed', channel: 'cases:counts', make: () => ({}) },
  {
    name: 'counts for the filter menus, after a reply was queued',
    channel: 'cases:counts',
    make: () => ({}),
    before: replyToSomeCase,
  },
];

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface QueryLatency {
  kind: string;
  p50: number;
  p95: number;
  referenceP50: number;
  referenceP95: number;
}

interface Sized {
  desk: InboxDesk;
  world: SeededCases;
  times: number[][];
}

export async function inboxQueries(
  cases: number,
  templates: ReturnType<typeof seededStoreTemplates>,
  runs = 60,
): Promise<QueryLatency[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-inbox-'));
  const open = (n: number): Sized => {
    const dataDir = join(dir, String(n));
    const world = templates.copyTo(join(dataDir, STORE_FILE), n);
    return { desk: openInboxDesk({ dataDir }), world, times: QUERY_KINDS.map(() => []) };
  };
  const big = open(cases);
  const small = open(REFERENCE_CASES);
  const ask = async (s: Sized, kind: number, rng: Rng) => {
    const k = QUERY_KINDS[kind]!;
    const args = { limit: 100, ...k.make(rng, s.world) };
    await k.before?.(s.desk.service, rng);
    const t = performance.now();
    const result = await s.desk.service.invoke(k.channel, k.channel === 'cases:counts' ? {} : args);
    s.times[kind]!.push(performance.now() - t);
    return result;
  };
  try {
    // Warm both (statements prepared, pages in the cache), as a window that has been open a while.
    for (let kind = 0; kind < QUERY_KINDS.length; kind++)
      for (const s of [big, small]) await ask(s, kind, new Rng(1)).then(() => s.times[kind]!.pop());
    for (let run = 0; run < runs; run++)
      for (let kind = 0; kind < QUERY_KINDS.length; kind++) {
        // The same arguments' seed for both sizes: the same query shape, different stores.
        await ask(big, kind, new Rng(1000 + run));
        await ask(small, kind, new Rng(1000 + run));
      }
    return QUERY_KINDS.map((k, i) => ({
      kind: k.name,
      p50: percentile(big.times[i]!, 50),
      p95: percentile(big.times[i]!, 95),
      referenceP50: percentile(small.times[i]!, 50),
      referenceP95: percentile(small.times[i]!, 95),
    }));
  } finally {
    await big.desk.close();
    await small.desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures `npm run bench` prints: p50 and p95 per kind of query, each beside the same on 1,000 cases. */
export async function inboxFigures(
  cases: number,
  templates: ReturnType<typeof seededStoreTemplates>,
): Promise<Figure[]> {
  const size = new Intl.NumberFormat('en-US').format(cases);
  return (await inboxQueries(cases, templates)).flatMap((q) =>
    (['p50', 'p95'] as const).map((p) =>
      figure(`inbox on ${size} cases: ${q.kind}, ${p}`, p === 'p50' ? q.p50 : q.p95, 'ms', {
        name: `same on ${REFERENCE_CASES} cases`,
        value: p === 'p50' ? q.referenceP50 : q.referenceP95,
      }),
    ),
  );
}
