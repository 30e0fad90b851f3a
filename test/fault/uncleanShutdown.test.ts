// Issue 5, disk trouble across restarts: the whole-file check at start is skipped after a clean close,
// yet a damaged file is still refused. A real synced database, a real child process killed with
// SIGKILL while it holds the file open, damage written into a real page of the file, both simulators.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { createEngine, STORE_FILE } from '../../electron/engine/engine.ts';
import { openDatabase } from '../../electron/store/database.ts';
import { cleanMarkPath } from '../../electron/store/cleanShutdown.ts';
import { StorageError } from '../../electron/store/storageProblem.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import { createDeskService } from '../../electron/service/deskService.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { engineSettingsFor, startDesk, type TestDesk } from '../support/desk.ts';

const dirs: string[] = [];
let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A database with a real sync's worth of state in it, cleanly closed; copied into each test's folder. */
let synced: string;
beforeAll(async () => {
  const d = await startDesk();
  expect((await d.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);
  await d.engine.close();
  synced = join(mkdtempSync(join(tmpdir(), 'pd-synced-')), STORE_FILE);
  copyFileSync(join(d.dataDir, STORE_FILE), synced);
  await d.close();
  return () => rmSync(join(synced, '..'), { recursive: true, force: true });
}, 90_000);

function syncedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pd-unclean-'));
  dirs.push(dir);
  const file = join(dir, STORE_FILE);
  copyFileSync(synced, file);
  return file;
}

/**
 * Overwrites the first page of `table` in the main file with garbage, as a failing disk would, and puts
 * the file's modification time back: nothing about the file's size or times shows the damage.
 */
function damagePageOf(file: string, table: string): void {
  const probe = new DatabaseSync(file, { readOnly: true });
  const { page_size: pageSize } = probe.prepare('PRAGMA page_size').get() as { page_size: number };
  const { rootpage } = probe
    .prepare(`SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(table) as { rootpage: number };
  probe.close();
  const before = statSync(file, { bigint: true });
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
  // In seconds to the microsecond: a Date would round the time to the nearest millisecond.
  const seconds = (ns: bigint) => Number(ns / 1000n) / 1e6;
  utimesSync(file, seconds(before.atimeNs), seconds(before.mtimeNs));
}

function refusal(open: () => unknown): StorageError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('a damaged database was opened');
}

// Opens the store as the engine does, commits a write, says so, and waits to be killed.
const HOLDER = `
const [storeModule, file] = process.argv.slice(1);
const { openStore } = await import(storeModule);
const store = openStore(file);
store.transaction(() => store.cursors.set('killed-mid-run', 'page-7', 1));
process.stdout.write('open\\n');
setInterval(() => {}, 60_000);
`;

/** A child process that holds the database open with a committed write in its log, killed with SIGKILL. */
async function killWhileOpen(file: string): Promise<void> {
  const storeModule = pathToFileURL(join(import.meta.dirname, '../../electron/store/store.ts')).href;
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', HOLDER, storeModule, file],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('open')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the child holding the database exited (${code})`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('disk trouble: checking the database only when the last run did not close it', () => {
  it('checks at the next open after the process holding the file was killed, and keeps its writes', async () => {
    const file = syncedCopy();
    openDatabase(file).close();
    await killWhileOpen(file);
    expect(existsSync(cleanMarkPath(file))).toBe(false);

    const database = openDatabase(file);
    expect(database.startCheck).toEqual({ run: true, why: 'no clean close recorded' });
    const cursor = database.db.prepare(`SELECT cursor FROM cursors WHERE feed = 'killed-mid-run'`).get();
    expect(cursor).toEqual({ cursor: 'page-7' });
    database.close();
    expect(openDatabase(file).startCheck).toEqual({ run: false, why: 'closed cleanly' });
  }, 30_000);

  it('refuses a damaged file after a kill, saying what to do, at every start until it is dealt with', async () => {
    const file = syncedCopy();
    openDatabase(file).close();
    await killWhileOpen(file);
    damagePageOf(file, 'cases');

    for (let start = 0; start < 2; start++) {
      const error = refusal(() => openDatabase(file));
      expect(error.kind).toBe('damaged');
      expect(error.path).toBe(file);
      expect(error.message).toMatch(/is damaged \(.+\)\. Partner Desk has not changed it/);
      expect(error.message).toMatch(/move that file aside .* or restore it from a backup, and start again/);
    }
  }, 30_000);

  it('catches damage done while the file was cleanly closed when the engine first reads the page, with the same message, and refuses it at the next start', async () => {
    desk = await startDesk();
    expect((await desk.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);
    await desk.engine.close();
    const file = join(desk.dataDir, STORE_FILE);
    damagePageOf(file, 'cursors');

    // The file closed cleanly and looks unchanged, so the start does not read it whole.
    const probe = openDatabase(file);
    expect(probe.startCheck).toEqual({ run: false, why: 'closed cleanly' });
    probe.close();

    const build = () =>
      createEngine({
        dataDir: desk!.dataDir,
        settings: engineSettingsFor(desk!.sims),
        credentials: desk!.credentials,
        notifier: { notify: async () => {} },
        logger: silentLogger(),
      });
    desk.engine = build();
    desk.engine.start();
    const damagedHealth = () => desk!.engine.health().find((h) => /is damaged/.test(h.lastError ?? ''));
    for (let i = 0; i < 3000 && !damagedHealth(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(damagedHealth()?.lastError).toBe(
      `The Partner Desk database at ${file} is damaged (database disk image is malformed). Partner Desk has not changed it and will not start on it. Quit Partner Desk, move that file aside (with any ${file}-wal and ${file}-shm beside it) or restore it from a backup, and start again: Partner Desk then starts on a new database and reads both systems again, looking up what it already wrote before writing it again. Keep the damaged file for support.`,
    );
    expect(desk.engine.health().every((h) => h.state === 'degraded')).toBe(true);
    await desk.engine.close();

    // That run saw damage, so it did not mark the file clean: the next start checks it and refuses it.
    expect(existsSync(cleanMarkPath(file))).toBe(false);
    expect(refusal(build).kind).toBe('damaged');

    // The remedy the message gives: with the damaged file moved aside, the desk starts on a new one.
    renameSync(file, `${file}.damaged`);
    desk.engine = build();
  }, 90_000);

  it('answers the window’s reads of a damaged page with what to do, not SQLite’s words', async () => {
    const file = syncedCopy();
    openDatabase(file).close();
    damagePageOf(file, 'cases');
    const engine = createEngine({
      dataDir: dirname(file),
      // Never started: nothing is sent anywhere, only the window's read reaches the file.
      settings: {
        xconnector: { baseUrl: 'http://127.0.0.1:9' },
        tradingGrid: { baseUrl: 'http://127.0.0.1:9', clientId: 'unused' },
      },
      credentials: memoryCredentialSource({}),
      notifier: { notify: async () => {} },
      logger: silentLogger(),
    });
    try {
      const service = createDeskService({
        engine,
        appInfo: { version: '0.0.0-test', mode: 'demo', platform: 'linux' },
        settings: { view: async () => ({}) as never, update: async () => ({ ok: true }) },
        credentials: { set: async () => {} },
        emit: () => {},
      });
      const error = await service.invoke('cases:list', { limit: 50 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).kind).toBe('damaged');
      expect((error as Error).message).toMatch(/is damaged \(.+\)\. Partner Desk has not changed it/);
      // The health view says the same, so the user sees it even where the window shows no error.
      expect(engine.health().some((h) => /is damaged/.test(h.lastError ?? ''))).toBe(true);
    } finally {
      await engine.close();
    }
  }, 30_000);

  it('checks a cleanly closed file whole when asked, and refuses it if damaged', () => {
    const file = syncedCopy();
    openDatabase(file).close();
    damagePageOf(file, 'cases');
    const error = refusal(() => openDatabase(file, { integrityCheck: 'always' }));
    expect(error.kind).toBe('damaged');
  });

  it('npm run check-database reads the whole file on demand: sound, or damaged with what to do', () => {
    const file = syncedCopy();
    openDatabase(file).close();
    const cli = join(import.meta.dirname, '../../electron/headless/checkDatabaseCli.ts');
    const check = () =>
      spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', cli, '--data', dirname(file)], {
        encoding: 'utf8',
        timeout: 60_000,
      });

    const sound = check();
    expect(sound.status).toBe(0);
    expect(sound.stdout).toContain(`The Partner Desk database at ${file} is sound.`);

    damagePageOf(file, 'cases');
    const damagedRun = check();
    expect(damagedRun.status).toBe(1);
    expect(damagedRun.stderr).toContain(`The Partner Desk database at ${file} is damaged`);
    expect(damagedRun.stderr).toMatch(/move that file aside .* or restore it from a backup/);
    expect(damagedRun.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
