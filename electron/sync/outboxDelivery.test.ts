// Outbox delivery against the Trading Grid simulator over HTTP, observed at the port: a create leaves
// only once the record of its attempt is committed, and the records of the creates queued behind it
// share that commit (one disk sync for many creates) without costing exactly-once.
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { createEngine, parseEngineSettings, STORE_FILE, type Engine } from '../engine/engine.ts';
import { createHttpPorts } from '../engine/httpPorts.ts';
import { systemClock } from '../engine/clock.ts';
import { createSecretScrubber } from '../logging/secretScrubber.ts';
import { silentLogger } from '../logging/logger.ts';
import { memoryCredentialSource } from '../connectors/credentialSource.ts';
import type { Ports } from '../engine/ports.ts';
import { startDesk, engineSettingsFor, issuesByRef, type TestDesk } from '../../test/support/desk.ts';

const EXCEPTIONS = 60;
let desk: TestDesk | undefined;
let engine: Engine | undefined;

afterEach(async () => {
  await engine?.close();
  await desk?.close();
  engine = desk = undefined;
});

/** An engine whose Trading Grid creates pass through `intercept` before they go out over HTTP. */
async function engineWithCreates(
  intercept: (
    key: string,
    send: () => ReturnType<Ports['tradingGrid']['createIssue']>,
  ) => ReturnType<Ports['tradingGrid']['createIssue']>,
): Promise<TestDesk> {
  // The desk's own engine is replaced by one on the same folder with observed ports.
  desk = await startDesk({ sim: { exceptions: EXCEPTIONS, transactions: 0, honourIdempotencyKeys: false } });
  await desk.engine.close();
  const settings = engineSettingsFor(desk.sims, {
    outbox: { concurrency: 8, retryBaseMs: 10, retryMaxMs: 100, maxAttempts: 30 },
    sla: { enabled: false },
  });
  const credentials = memoryCredentialSource({
    'xconnector.apiKey': desk.sims.credentials.xconnectorApiKey,
    'tradingGrid.clientSecret': desk.sims.credentials.tradingGridClientSecret,
  });
  const real = createHttpPorts({
    settings: parseEngineSettings(settings),
    credentials,
    scrubber: createSecretScrubber(),
    logger: silentLogger(),
    clock: systemClock,
  });
  const ports: Ports = {
    ...real,
    tradingGrid: {
      ...real.tradingGrid,
      createIssue: (communityId, issue, key) =>
        intercept(key, () => real.tradingGrid.createIssue(communityId, issue, key)),
    },
  };
  engine = createEngine({
    dataDir: desk.dataDir,
    settings,
    credentials,
    notifier: { notify: async () => {} },
    logger: silentLogger(),
    ports,
  });
  return desk;
}

/** How many attempts the store file holds for the entry with this key, read over a second connection. */
function committedAttempts(dataDir: string): (key: string) => number {
  let db: DatabaseSync | undefined;
  return (key) => {
    db ??= new DatabaseSync(join(dataDir, STORE_FILE), { readOnly: true });
    const row = db.prepare('SELECT attempts FROM outbox WHERE idempotency_key = ?').get(key) as
      { attempts: number } | undefined;
    return row?.attempts ?? 0;
  };
}

describe('outbox delivery of creates', () => {
  it('sends no create before its attempt is committed, and commits those queued behind it together', async () => {
    const unrecorded: string[] = [];
    let recordedWhenFirstLeft = -1;
    let attemptsOf: (key: string) => number = () => 0;
    const d = await engineWithCreates((key, send) => {
      if (attemptsOf(key) < 1) unrecorded.push(key);
      if (recordedWhenFirstLeft < 0) {
        const db = new DatabaseSync(join(d.dataDir, STORE_FILE), { readOnly: true });
        const row = db
          .prepare("SELECT COUNT(*) AS n FROM outbox WHERE operation = 'tg.createIssue' AND attempts > 0")
          .get() as { n: number };
        db.close();
        recordedWhenFirstLeft = row.n;
      }
      return send();
    });
    attemptsOf = committedAttempts(d.dataDir);

    const result = await engine!.runUntilIdle({ timeoutMs: 120_000 });

    expect(result.idle).toBe(true);
    expect(unrecorded).toEqual([]);
    expect(recordedWhenFirstLeft).toBeGreaterThan(1);
    expect(issuesByRef(d.sims).size).toBe(EXCEPTIONS);
    expect(d.sims.tradingGrid.sim.duplicates()).toEqual([]);
  });

  it('creates each issue once when Trading Grid fails mid-drain after attempts were recorded ahead', async () => {
    let calls = 0;
    const d = await engineWithCreates((_key, send) => {
      calls++;
      // Calls 4 to 12 find the network down: the creates queued behind them were recorded but not sent.
      if (calls >= 4 && calls <= 12)
        return Promise.resolve({
          ok: false,
          error: { kind: 'network', message: 'connection refused', retryable: true, maybeApplied: false },
        });
      return send();
    });

    const result = await engine!.runUntilIdle({ timeoutMs: 120_000 });

    expect(result.idle).toBe(true);
    expect(result.stats.deadLettered).toBe(0);
    // Those creates looked their issue up before creating it (the simulator ignores idempotency keys).
    expect(d.sims.tradingGrid.sim.stats().requests['tg.findIssues']).toBeGreaterThan(0);
    expect(d.sims.tradingGrid.sim.issues()).toHaveLength(EXCEPTIONS);
    expect(d.sims.tradingGrid.sim.duplicates()).toEqual([]);
  });
});
