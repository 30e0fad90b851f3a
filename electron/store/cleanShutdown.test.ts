// The whole-file check at open (PRAGMA quick_check) runs only when the file may have been left broken,
// or when asked. Real database files in a temporary folder; what each open decided is read from the
// database it returns (startCheck), not guessed from timing.
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openDatabase } from './database.ts';
import { cleanMarkPath } from './cleanShutdown.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dbFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'pd-clean-'));
  dirs.push(d);
  return join(d, 'desk.sqlite');
}

/** Opens, says what the open decided, and closes cleanly. */
function openAndClose(path: string, options: Parameters<typeof openDatabase>[1] = {}) {
  const database = openDatabase(path, options);
  const decided = database.startCheck;
  database.close();
  return decided;
}

describe('the integrity check at open', () => {
  it('checks a file it has no record of closing cleanly', () => {
    expect(openAndClose(dbFile())).toEqual({ run: true, why: 'no clean close recorded' });
  });

  it('skips the check after a clean close, every time', () => {
    const path = dbFile();
    openAndClose(path);
    expect(openAndClose(path)).toEqual({ run: false, why: 'closed cleanly' });
    expect(openAndClose(path)).toEqual({ run: false, why: 'closed cleanly' });
  });

  it('takes the clean mark away while the file is open, so a run that never closes leaves none', () => {
    const path = dbFile();
    openAndClose(path);
    expect(existsSync(cleanMarkPath(path))).toBe(true);
    const database = openDatabase(path);
    expect(existsSync(cleanMarkPath(path))).toBe(false);
    database.close();
    expect(existsSync(cleanMarkPath(path))).toBe(true);
  });

  it('checks when asked, even after a clean close', () => {
    const path = dbFile();
    openAndClose(path);
    expect(openAndClose(path, { integrityCheck: 'always' })).toEqual({ run: true, why: 'asked' });
    expect(openAndClose(path)).toEqual({ run: false, why: 'closed cleanly' });
  });

  it('checks a file put in place of the one it closed (a restored backup, a copy from elsewhere)', () => {
    const path = dbFile();
    const other = dbFile();
    openAndClose(path);
    openAndClose(other);
    rmSync(path);
    copyFileSync(other, path);
    expect(openAndClose(path)).toEqual({ run: true, why: 'changed since its clean close' });
  });

  it('checks a file that another program changed after the clean close', () => {
    const path = dbFile();
    openAndClose(path);
    const db = new DatabaseSync(path);
    db.exec('CREATE TABLE written_elsewhere (x); INSERT INTO written_elsewhere VALUES (1)');
    db.close();
    expect(openAndClose(path)).toEqual({ run: true, why: 'changed since its clean close' });
  });

  it('checks when a write-ahead log is left beside the file (a writer still has it open)', () => {
    const path = dbFile();
    openAndClose(path);
    const writer = new DatabaseSync(path);
    writer.exec('CREATE TABLE pending_in_wal (x); INSERT INTO pending_in_wal VALUES (1)');
    expect(readFileSync(`${path}-wal`).length).toBeGreaterThan(0);
    // The main file is as the clean close left it (the writes wait in the log): only the log tells.
    try {
      expect(openAndClose(path)).toEqual({ run: true, why: 'a write-ahead log was left beside it' });
    } finally {
      writer.close();
    }
  });

  it('treats a mark it cannot read as no mark', () => {
    const path = dbFile();
    openAndClose(path);
    writeFileSync(cleanMarkPath(path), '{"v":1,"ino":');
    expect(openAndClose(path)).toEqual({ run: true, why: 'no clean close recorded' });
  });

  it('leaves no mark when a run met a damaged page, so the next start checks the file', () => {
    const path = dbFile();
    const database = openDatabase(path);
    const malformed = Object.assign(new Error('database disk image is malformed'), {
      errcode: 11,
      errstr: 'database disk image is malformed',
    });
    const problem = database.storageProblem(malformed);
    expect(problem?.kind).toBe('damaged');
    expect(problem?.message).toContain(`The Partner Desk database at ${path} is damaged`);
    database.close();
    expect(existsSync(cleanMarkPath(path))).toBe(false);
    expect(openAndClose(path)).toEqual({ run: true, why: 'no clean close recorded' });
  });

  it('says nothing about the file for an error that is not about storage', () => {
    const database = openDatabase(dbFile());
    expect(database.storageProblem(new Error('the partner is unknown'))).toBeNull();
    database.close();
  });
});
