import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openStore } from './store.ts';
import { LATEST_SCHEMA_VERSION } from './migrations.ts';

describe('store migrations', () => {
  it('brings a new file to the latest schema and reopens it without change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-migrate-'));
    const path = join(dir, 'db.sqlite');
    openStore(path).close();
    openStore(path).close();
    const db = new DatabaseSync(path);
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(
      LATEST_SCHEMA_VERSION,
    );
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file written by a newer version, saying what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-migrate-'));
    const path = join(dir, 'db.sqlite');
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openStore(path)).toThrow(/newer Partner Desk.*Update Partner Desk/);
    rmSync(dir, { recursive: true, force: true });
  });
});
