// Issue 5, disk trouble on the engine's side: a database file that is damaged or cannot be written at
// start, and a disk that fills up during a sync. Real files in a temporary folder, the real SQLite
// engine (a full disk is SQLite's own SQLITE_FULL, from a page-count cap), both simulators over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createEngine, STORE_FILE, type Engine } from '../../electron/engine/engine.ts';
import { StorageError } from '../../electron/store/storageProblem.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import { engineSettingsFor, issuesByRef, startDesk, type TestDesk } from '../support/desk.ts';

const dirs: string[] = [];
let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pd-disk-'));
  dirs.push(d);
  return d;
}

/** An engine on `dataDir` that talks to nothing: opening its database is what is tested. */
function engineOn(dataDir: string): Engine {
  return createEngine({
    dataDir,
    settings: {
      xconnector: { baseUrl: 'http://127.0.0.1:9' },
      tradingGrid: { baseUrl: 'http://127.0.0.1:9', clientId: 'unused' },
    },
    credentials: memoryCredentialSource({}),
    notifier: { notify: async () => {} },
    logger: silentLogger(),
  });
}

function openFails(dataDir: string): StorageError {
  try {
    void engineOn(dataDir).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('the engine opened a database it should have refused');
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A real database with a real sync's worth of state in it, closed. */
async function syncedDatabase(): Promise<string> {
  desk = await startDesk();
  expect((await desk.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);
  await desk.engine.close();
  const dataDir = tempDir();
  writeFileSync(join(dataDir, STORE_FILE), readFileSync(join(desk.dataDir, STORE_FILE)));
  return dataDir;
}

const asRoot = process.getuid?.() === 0;

describe('disk trouble: the database at start', () => {
  it('refuses a file of garbage bytes as damaged, says what to do, and leaves the file as it was', () => {
    const dataDir = tempDir();
    const file = join(dataDir, STORE_FILE);
    writeFileSync(file, Buffer.from('not a database, just bytes '.repeat(400)));
    const before = sha(file);
    const error = openFails(dataDir);
    expect(error.kind).toBe('damaged');
    expect(error.path).toBe(file);
    expect(error.message).toContain(`The Partner Desk database at ${file} is damaged`);
    expect(error.message).toMatch(/move that file aside .* or restore it from a backup, and start again/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a truncated database as damaged, and never resets it', async () => {
    const dataDir = await syncedDatabase();
    const file = join(dataDir, STORE_FILE);
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    const before = sha(file);
    const error = openFails(dataDir);
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/is damaged \(.+\)\. Partner Desk has not changed it/);
    expect(sha(file)).toBe(before);
  });

  it('says the data folder cannot be written when its path runs through a file', () => {
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder should be');
    const error = openFails(join(blocker, 'data'));
    expect(error.kind).toBe('unwritable');
    expect(error.message).toMatch(
      /cannot write its database at .*not-a-folder.*Make that file and its folder writable/,
    );
  });

  it('says the database cannot be written when a folder stands where the file should be', () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, STORE_FILE));
    expect(openFails(dataDir).kind).toBe('unwritable');
  });

  // As root, permission bits do not stop a write: the two cases above cover root.
  it.skipIf(asRoot)(
    'says a read-only data folder cannot be written (skipped as root: chmod does not bind root)',
    () => {
      const dataDir = tempDir();
      chmodSync(dataDir, 0o500);
      expect(openFails(dataDir).kind).toBe('unwritable');
    },
  );

  it.skipIf(asRoot)(
    'says a read-only database file cannot be written, and keeps it (skipped as root: chmod does not bind root)',
    async () => {
      const dataDir = await syncedDatabase();
      const file = join(dataDir, STORE_FILE);
      chmodSync(file, 0o400);
      const before = sha(file);
      expect(openFails(dataDir).kind).toBe('unwritable');
      expect(sha(file)).toBe(before);
    },
  );
});

describe('disk trouble: the headless demo', () => {
  it('prints what is wrong with the database and what to do, and exits non-zero', () => {
    const dataDir = tempDir();
    const file = join(dataDir, STORE_FILE);
    writeFileSync(file, Buffer.from('not a database, just bytes '.repeat(400)));
    const demo = join(import.meta.dirname, '../../electron/headless/demoCli.ts');
    const run = spawnSync(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', demo, '--once', '--json', '--data', dataDir],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `Partner Desk cannot start. The Partner Desk database at ${file} is damaged`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('disk trouble: the disk fills up during a sync', () => {
  it('stops with a health state that says so, loses and half-writes nothing, and finishes exactly once when space returns', async () => {
    desk = await startDesk({ sim: { exceptions: 300, transactions: 0, partners: 6 } });
    await desk.engine.close();
    const file = join(desk.dataDir, STORE_FILE);
    const probe = new DatabaseSync(file, { readOnly: true });
    const pages = (probe.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    probe.close();
    const build = (maxDatabasePages?: number) =>
      createEngine({
        dataDir: desk!.dataDir,
        settings: engineSettingsFor(desk!.sims),
        credentials: desk!.credentials,
        notifier: { notify: async () => {} },
        logger: silentLogger(),
        ...(maxDatabasePages === undefined ? {} : { maxDatabasePages }),
      });

    // Room for a few pages of feed, not for 300 exceptions.
    const full = build(pages + 12);
    full.start();
    const diskFull = () => full.health().find((h) => /The disk is full/.test(h.lastError ?? ''));
    for (let i = 0; i < 3000 && !diskFull(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(diskFull()?.lastError).toMatch(/Free some space on that disk; the sync resumes by itself/);
    expect(full.health().every((h) => h.state === 'degraded')).toBe(true);
    await full.close();

    // Nothing half-written: the file is sound, and every case read so far has its issue in the outbox.
    const db = new DatabaseSync(file, { readOnly: true });
    expect(db.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const casesRead = count(`SELECT COUNT(*) AS n FROM cases WHERE exception_id IS NOT NULL`);
    expect(casesRead).toBeLessThan(300);
    expect(count(`SELECT COUNT(*) AS n FROM outbox WHERE operation = 'tg.createIssue'`)).toBe(casesRead);
    for (const row of db.prepare('SELECT payload FROM outbox').all() as { payload: string }[])
      expect(() => JSON.parse(row.payload) as unknown).not.toThrow();
    db.close();

    // Space returns: the same data folder finishes the sync, each exception's issue exactly once.
    desk.engine = build();
    expect((await desk.engine.runUntilIdle({ timeoutMs: 120_000 })).idle).toBe(true);
    expect(desk.sims.tradingGrid.sim.duplicates()).toEqual([]);
    const known = new Set(desk.sims.scenario.partners.map((p) => p.id));
    const expected = desk.sims.scenario.exceptions.filter((e) => known.has(e.partnerId));
    expect(desk.sims.tradingGrid.sim.issues()).toHaveLength(expected.length);
    const byRef = issuesByRef(desk.sims);
    expect([...byRef.values()].every((ids) => ids.length === 1)).toBe(true);
    expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
  }, 180_000);
});
