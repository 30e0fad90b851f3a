// Hostile feed items through the whole engine: the simulators serve them over real HTTP in a page with
// a valid item behind them, a real engine syncs on a real SQLite file. Every malformed item is
// quarantined with its reason, nothing else is written for it, and the rest of the page still syncs.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mappings } from '../../shared/config/mappings.ts';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { feedFlows } from '../../electron/engine/flowRegistry.ts';
import type { AnyFeedFlow } from '../../electron/flows/feedFlow.ts';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { liftRateLimits } from './unlimitedDesk.ts';
import { hostileVariantOf, prototypesClean, viaWire } from './hostileJson.ts';
import { feedItemSamples } from './inboundSamples.ts';

/** Which simulator serves each feed, under which name its raw-item admin route knows it. */
const FEED_SOURCES: Readonly<Record<string, { system: 'xconnector' | 'tradingGrid'; name: string }>> = {
  'xc.partners': { system: 'xconnector', name: 'partners' },
  'xc.exceptions': { system: 'xconnector', name: 'exceptions' },
  'xc.transactions': { system: 'xconnector', name: 'transactions' },
  'xc.referenceData': { system: 'xconnector', name: 'reference-data' },
  'xc.documents': { system: 'xconnector', name: 'documents' },
  'xc.cases': { system: 'xconnector', name: 'cases' },
  'tg.communities': { system: 'tradingGrid', name: 'communities' },
  'tg.issue-changes': { system: 'tradingGrid', name: 'issue-changes' },
};

const mappings = Mappings.parse({});
const RUNS = 50;
let desk: TestDesk;
let db: DatabaseSync;
let serial = 0;

beforeAll(async () => {
  desk = await startDesk({
    sim: {
      partners: 3,
      exceptions: 3,
      transactions: 3,
      xconnector: { maxBodyBytes: 16 * 1024 * 1024 },
      tradingGrid: { maxBodyBytes: 16 * 1024 * 1024 },
    },
    // SLA clocks run on wall time; off, the store changes only through the feeds under test.
    settings: { sla: { enabled: false } },
  });
  // A run is two full sync cycles: without client-side pacing it costs what the items cost.
  await liftRateLimits(desk);
  await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
  db = new DatabaseSync(join(desk.dataDir, STORE_FILE), { readOnly: true });
}, 120_000);

afterAll(async () => {
  db?.close();
  await desk?.close();
});

async function inject(feed: string, items: unknown[]): Promise<number[]> {
  const source = FEED_SOURCES[feed];
  if (!source) throw new Error(`no simulator route for feed ${feed}: add it to FEED_SOURCES`);
  const url = desk.sims[source.system].url;
  const seqs: number[] = [];
  // One request per item: a single hostile item may be megabytes.
  for (const item of items) {
    const res = await fetch(`${url}/_sim/feeds/${source.name}/raw`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [item] }),
    });
    expect(res.status).toBe(200);
    seqs.push(...((await res.json()) as { seqs: number[] }).seqs);
  }
  return seqs;
}

function cursorOf(feed: string): string | undefined {
  const row = db.prepare('SELECT cursor FROM cursors WHERE feed = ?').get(feed) as
    { cursor: string } | undefined;
  return row?.cursor;
}

interface Quarantined {
  item_id: string | null;
  reason_kind: string;
  reason: string;
}

function quarantinedIn(feed: string): Quarantined[] {
  return db
    .prepare('SELECT item_id, reason_kind, reason FROM quarantine WHERE feed = ? AND released_at IS NULL')
    .all(feed) as unknown as Quarantined[];
}

/** Rows per table: what "nothing was written" is checked against. */
function rowCounts(): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

/** Hostile variants of a valid item of this feed, each with an id of its own (so none is deduplicated). */
function hostileItems(flow: AnyFeedFlow, count: number): fc.Arbitrary<unknown[]> {
  const sample = feedItemSamples[flow.feed];
  if (!sample) throw new Error(`no valid ${flow.feed} item in inboundSamples.ts`);
  return fc.array(
    fc.nat().chain((n) => hostileVariantOf(sample(`H-${n}`))),
    { minLength: 1, maxLength: count },
  );
}

/** Text as SQLite keeps it: UTF-8 has no lone surrogates, so each becomes U+FFFD. */
function storedText(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function expectQuarantined(flow: AnyFeedFlow, items: unknown[]): void {
  const entries = quarantinedIn(flow.feed);
  for (const item of items) {
    const parsed = flow.parse(viaWire(item), mappings);
    if (parsed.ok) continue;
    const found =
      parsed.itemId !== undefined
        ? entries.some(
            (e) => e.item_id === parsed.itemId && e.reason_kind === (parsed.reasonKind ?? 'malformed'),
          )
        : entries.some((e) => e.item_id === null && e.reason === storedText(parsed.reason));
    expect(found, `not quarantined: ${parsed.reason}`).toBe(true);
  }
}

describe('bad input: hostile feed items through the engine', () => {
  it('covers every feed the engine reads', () => {
    expect(Object.keys(FEED_SOURCES).sort()).toEqual([...new Set(feedFlows.map((f) => f.feed))].sort());
  });

  for (const flow of feedFlows) {
    it(`${flow.feed}: malformed items are quarantined and the valid item after them still syncs`, async () => {
      const sample = feedItemSamples[flow.feed] as (id: string) => unknown;
      await fc.assert(
        fc.asyncProperty(hostileItems(flow, 3), async (hostile) => {
          const canaryId = `OK-${++serial}`;
          const seqs = await inject(flow.feed, [...hostile, sample(canaryId)]);
          const report = await desk.engine.syncNow();
          expect(report.errors.filter((e) => e.feed === flow.feed)).toEqual([]);
          // The whole page was read, the valid item included.
          expect(cursorOf(flow.feed)).toBe(String(seqs[seqs.length - 1]));
          expectQuarantined(flow, hostile);
          const canary = quarantinedIn(flow.feed).filter(
            (e) => e.reason_kind === 'malformed' && e.item_id !== null && e.item_id.endsWith(canaryId),
          );
          expect(canary).toEqual([]);
          expect(prototypesClean()).toBe(true);
        }),
        { numRuns: RUNS },
      );
    }, 120_000);

    it(`${flow.feed}: an item that cannot be parsed writes nothing but its quarantine entry`, async () => {
      const unparseable = hostileItems(flow, 3).filter((items) =>
        items.every((i) => !flow.parse(viaWire(i), mappings).ok),
      );
      await fc.assert(
        fc.asyncProperty(unparseable, async (hostile) => {
          // Deliver anything still pending first, so only this page's effects are counted.
          await desk.engine.syncNow();
          const before = rowCounts();
          await inject(flow.feed, hostile);
          await desk.engine.syncNow();
          const after = rowCounts();
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          expect(changed.filter((t) => t !== 'quarantine' && t !== 'cursors')).toEqual([]);
          expectQuarantined(flow, hostile);
        }),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});
