// Fills a real engine store with N cases as a desk that has run for a long time holds them: the
// simulators' partners and exceptions (titles, references and search text as flow 1 writes them),
// most cases linked to their Trading Grid issue, a spread of statuses (most of a big desk is closed),
// SLA states and due times around "now". Used by the benchmarks that need a big store, so the
// figures are measured on the same shape of data.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildScenario, type Scenario } from '../../electron/simulators/scenario.ts';
import { Rng } from '../../electron/simulators/rng.ts';
import { issueFromException } from '../../electron/flows/issueFromException.ts';
import { Mappings } from '../../shared/config/mappings.ts';
import { openStore, type Store } from '../../electron/store/store.ts';
import type { SlaState } from '../../electron/store/sla.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Weights of a long-running desk: the open work is a minority of what it keeps. */
const STATUSES = [
  ['open', 16],
  ['in_progress', 12],
  ['waiting_on_partner', 8],
  ['resolved', 14],
  ['closed', 50],
] as const;

export interface SeededCases {
  scenario: Pick<Scenario, 'partners' | 'communities'>;
  cases: number;
  /** References of some stored cases (PO, ASN, invoice numbers): what a person searches for. */
  references: string[];
}

/** Writes the partners, their communities and one case per exception, in one transaction. */
export function writeCases(
  store: Store,
  scenario: Pick<Scenario, 'partners' | 'communities' | 'exceptions'>,
  now: number,
  seed = 7,
): { written: number; references: string[] } {
  const rng = new Rng(seed);
  const mappings = Mappings.parse({});
  const partners = new Map(scenario.partners.map((p) => [p.id, p]));
  const communityByCode = new Map(scenario.communities.map((c) => [c.partnerCode, c.id]));
  let written = 0;
  const references: string[] = [];
  const everyNth = Math.max(1, Math.floor(scenario.exceptions.length / 500));
  store.transaction(() => {
    for (const p of scenario.partners) store.directory.upsertPartner(p);
    for (const c of scenario.communities) store.directory.upsertCommunity(c);
    for (const e of scenario.exceptions) {
      const partner = partners.get(e.partnerId);
      if (!partner) continue;
      const id = `exc:${e.id}`;
      const issue = issueFromException(e, partner.name, mappings);
      const status = rng.weighted(STATUSES);
      const communityId = communityByCode.get(partner.partnerCode) ?? null;
      const opened = store.cases.open(
        {
          id,
          origin: 'exception',
          partnerId: e.partnerId,
          communityId,
          exceptionId: e.id,
          title: issue.title,
          type: issue.type,
          status,
          priority: issue.priority,
          payload: e,
          searchText: [
            issue.title,
            partner.name,
            partner.partnerCode,
            e.id,
            ...Object.values(e.references),
          ].join(' '),
        },
        now - rng.int(0, 90) * DAY,
      );
      if (!opened) continue;
      written++;
      if (written % everyNth === 0) references.push(...Object.values(e.references).slice(0, 1));
      if (communityId && rng.chance(0.97)) store.cases.linkIssue(id, `ISS-${e.id}`, communityId, now);
      const sla = slaFor(status, rng, now);
      store.sla.setCaseSla(id, sla.state, sla.dueAt);
    }
  });
  return { written, references };
}

/** The SLA state and due time the evaluator would have left on a case in this status. */
function slaFor(status: string, rng: Rng, now: number): { state: SlaState; dueAt: number | null } {
  if (status === 'resolved' || status === 'closed') return { state: 'met', dueAt: null };
  if (status === 'waiting_on_partner') return { state: 'paused', dueAt: null };
  const state = rng.weighted<SlaState>([
    ['ok', 60],
    ['warning', 20],
    ['breached', 20],
  ]);
  const dueAt =
    state === 'ok'
      ? now + rng.int(4 * HOUR, 10 * DAY)
      : state === 'warning'
        ? now + rng.int(1, 4 * HOUR)
        : now - rng.int(1, 14 * DAY);
  return { state, dueAt };
}

/** A store file with `cases` cases from a seeded scenario of `partners` partners. */
export function seedCaseStore(
  path: string,
  cases: number,
  options: { partners?: number; now?: number } = {},
) {
  const now = options.now ?? Date.now();
  const scenario = buildScenario({
    seed: 9,
    partners: options.partners ?? 50,
    exceptions: cases,
    transactions: 0,
    now,
    historyDays: 90,
  });
  mkdirSync(dirname(path), { recursive: true });
  const store = openStore(path);
  try {
    const { written, references } = writeCases(store, scenario, now);
    return {
      scenario: { partners: scenario.partners, communities: scenario.communities },
      cases: written,
      references,
    };
  } finally {
    store.close();
  }
}

/**
 * Seeding 100,000 cases takes a while; the benchmarks that each need a big store get copies of one
 * seeded file (checkpointed, so the copy is the whole database).
 */
export function seededStoreTemplates() {
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-seed-'));
  const made = new Map<string, { path: string; seeded: SeededCases }>();
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // A benchmark that fails half-way still leaves no gigabyte of seeded files behind.
  process.once('exit', remove);
  return {
    /** Copies a store of `cases` cases into `target` (a store file path) and says what it holds. */
    copyTo(target: string, cases: number): SeededCases {
      const key = String(cases);
      let template = made.get(key);
      if (!template) {
        const path = join(dir, `cases-${cases}.sqlite`);
        const seeded: SeededCases = seedCaseStore(path, cases);
        template = { path, seeded };
        made.set(key, template);
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(template.path, target);
      return template.seeded;
    },
    remove,
  };
}
