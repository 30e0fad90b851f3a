// The spool sweep on a real data folder and a real SQLite store: what it removes, what it keeps, and
// that it asks the database once whatever the number of files.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/store.ts';
import type { Logger } from '../logging/logger.ts';
import { silentLogger } from '../logging/logger.ts';
import { ATTACH_DOCUMENT } from '../flows/documentQueue.ts';
import { SPOOL_FOLDER } from './documentsSection.ts';
import { PARTNER_FILE_SPOOL, UPLOAD_PARTNER_FILE } from './partnerFileTransfer.ts';
import { createSpoolSweeper, sweepSpools } from './spoolSweep.ts';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
const sha = (c: string) => c.repeat(64);

let dataDir: string;
let store: Store;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pd-spool-'));
  store = openStore(join(dataDir, 'partner-desk.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Ending = 'pending' | 'done' | 'dead' | 'discarded';

function end(id: number, how: Ending): void {
  if (how === 'done') store.outbox.markDone(id, null, NOW);
  if (how === 'dead' || how === 'discarded') store.outbox.markDead(id, 'Gave up.', NOW);
  if (how === 'discarded') store.outbox.discardDead(id, NOW);
}

/** An outbox entry passing a partner's file on; returns its id (what names its spool file). */
function partnerFile(key: string, digest: string, how: Ending): number {
  store.outbox.enqueue(
    {
      idempotencyKey: key,
      correlationRef: `pd:pf:${key}`,
      system: 'xconnector',
      operation: UPLOAD_PARTNER_FILE,
      orderingKey: 'case:1',
      payload: { file: { sha256: digest } },
    },
    NOW,
  );
  const id = store.outbox.getByKey(key)!.id;
  end(id, how);
  return id;
}

/** A dispute document from xConnector with its attach write; returns the document id. */
function document(caseId: string, digest: string, how: Ending): number {
  const outboxKey = `attach:${caseId}:${digest}`;
  const id = store.documents.add(
    {
      uploadId: `up-${caseId}-${digest.slice(0, 4)}`,
      caseId,
      sha256: digest,
      name: 'pod.pdf',
      originalName: 'pod.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
      source: 'xconnector',
      sourceRef: `doc-${caseId}`,
      sourceMtimeMs: null,
      kind: 'proof_of_delivery',
      outboxKey,
    },
    NOW,
  )!;
  store.outbox.enqueue(
    {
      idempotencyKey: outboxKey,
      correlationRef: `pd:doc:${caseId}`,
      system: 'trading-grid',
      operation: ATTACH_DOCUMENT,
      orderingKey: caseId,
      payload: { documentId: id },
    },
    NOW,
  );
  end(store.outbox.getByKey(outboxKey)!.id, how);
  return id;
}

function spoolFiles(folder: string, ...names: string[]): void {
  mkdirSync(join(dataDir, folder), { recursive: true });
  for (const n of names) writeFileSync(join(dataDir, folder, n), 'spooled bytes');
}

const left = (folder: string) => readdirSync(join(dataDir, folder)).sort();

function recordingLogger(): { logger: Logger; warnings: { obj: object; msg?: string }[] } {
  const warnings: { obj: object; msg?: string }[] = [];
  const logger: Logger = { ...silentLogger(), warn: (obj, msg) => void warnings.push({ obj, msg }) };
  return { logger, warnings };
}

/** The real store, counting how often the sweep asks it which spool files are live. */
function countingQueries() {
  const counted = {
    queries: 0,
    spoolOwners: {
      live: (...a: Parameters<Store['spoolOwners']['live']>) => {
        counted.queries++;
        return store.spoolOwners.live(...a);
      },
    },
  };
  return counted;
}

describe('spool sweep', () => {
  it("removes partner files' spool files once their write is done, dead-lettered or discarded, and keeps a pending one's", async () => {
    const pending = partnerFile('pf-1', sha('a'), 'pending');
    const done = partnerFile('pf-2', sha('b'), 'done');
    const dead = partnerFile('pf-3', sha('c'), 'dead');
    const discarded = partnerFile('pf-4', sha('d'), 'discarded');
    spoolFiles(
      PARTNER_FILE_SPOOL,
      `${pending}-${sha('a')}`,
      `${pending}-${sha('a')}.part`,
      `${done}-${sha('b')}`,
      `${dead}-${sha('c')}.part`,
      `${discarded}-${sha('d')}`,
      // An entry the database never had (a data folder restored from a backup), and bytes of other content.
      `9999-${sha('e')}.part`,
      `${pending}-${sha('f')}`,
    );

    const report = await sweepSpools({ store, dataDir, logger: silentLogger() });

    expect(left(PARTNER_FILE_SPOOL)).toEqual([`${pending}-${sha('a')}`, `${pending}-${sha('a')}.part`]);
    expect(report.kept).toBe(2);
    expect(report.removed).toHaveLength(5);
    expect(report.unknown).toEqual([]);
  });

  it("removes dispute documents' spool files unless their attach write is pending", async () => {
    const queued = document('case:1', sha('1'), 'pending');
    const attached = document('case:2', sha('2'), 'done');
    const dead = document('case:3', sha('3'), 'dead');
    const discarded = document('case:4', sha('4'), 'discarded');
    spoolFiles(
      SPOOL_FOLDER,
      `${queued}-${sha('1')}.part`,
      `${attached}-${sha('2')}`,
      `${dead}-${sha('3')}`,
      `${discarded}-${sha('4')}.part`,
    );

    await sweepSpools({ store, dataDir, logger: silentLogger() });

    expect(left(SPOOL_FOLDER)).toEqual([`${queued}-${sha('1')}.part`]);
  });

  it('keeps the file of a dead letter the user retried: it is pending again', async () => {
    const id = partnerFile('pf-1', sha('a'), 'dead');
    store.outbox.retryDead(id, NOW);
    spoolFiles(PARTNER_FILE_SPOOL, `${id}-${sha('a')}.part`);

    await sweepSpools({ store, dataDir, logger: silentLogger() });

    expect(left(PARTNER_FILE_SPOOL)).toEqual([`${id}-${sha('a')}.part`]);
  });

  it('leaves files and folders it did not name alone, and says so in the log', async () => {
    const done = partnerFile('pf-1', sha('a'), 'done');
    const strangers = ['notes.txt', `${done}-${sha('A')}`, `${done}-${sha('a')}.tmp`, 'x-1'];
    spoolFiles(PARTNER_FILE_SPOOL, ...strangers, `${done}-${sha('a')}`);
    mkdirSync(join(dataDir, SPOOL_FOLDER, `7-${sha('b')}`), { recursive: true });
    const { logger, warnings } = recordingLogger();

    const report = await sweepSpools({ store, dataDir, logger });

    expect(left(PARTNER_FILE_SPOOL)).toEqual([...strangers].sort());
    expect(left(SPOOL_FOLDER)).toEqual([`7-${sha('b')}`]);
    expect(report.unknown.sort()).toEqual(
      [...strangers.map((s) => join(PARTNER_FILE_SPOOL, s)), join(SPOOL_FOLDER, `7-${sha('b')}`)].sort(),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/did not name; they were left alone/);
    expect(warnings[0]!.obj).toMatchObject({ count: 5 });
  });

  it('asks the database once, however many files the folders hold', async () => {
    const names: string[] = [];
    for (let i = 0; i < 150; i++) names.push(`${partnerFile(`pf-${i}`, sha('a'), 'done')}-${sha('a')}`);
    spoolFiles(PARTNER_FILE_SPOOL, ...names);
    spoolFiles(SPOOL_FOLDER, `${document('case:1', sha('1'), 'pending')}-${sha('1')}`);
    const counted = countingQueries();

    const report = await sweepSpools({ store: counted, dataDir, logger: silentLogger() });

    expect(counted.queries).toBe(1);
    expect(report.removed).toHaveLength(150);
    expect(report.kept).toBe(1);
  });

  it('does nothing, and asks nothing, when no spool folder exists', async () => {
    const counted = countingQueries();
    expect(await sweepSpools({ store: counted, dataDir, logger: silentLogger() })).toEqual({
      removed: [],
      kept: 0,
      unknown: [],
    });
    expect(counted.queries).toBe(0);
  });
});

describe('spool sweeper', () => {
  it('runs for dead letters of writes that spool only, folds requests made while it runs, and stops when closed', async () => {
    const live = `${partnerFile('pf-0', sha('0'), 'pending')}-${sha('0')}`;
    spoolFiles(PARTNER_FILE_SPOOL, live, `${partnerFile('pf-1', sha('a'), 'dead')}-${sha('a')}`);
    const counted = countingQueries();
    const sweeper = createSpoolSweeper({ store: counted, dataDir, logger: silentLogger() });

    sweeper.request('tg.createIssue');
    await sweeper.settled();
    expect(counted.queries).toBe(0);

    for (let i = 0; i < 5; i++) sweeper.request(UPLOAD_PARTNER_FILE);
    await sweeper.settled();
    // The first request starts a sweep; the four made while it runs share one more.
    expect(counted.queries).toBe(2);
    expect(left(PARTNER_FILE_SPOOL)).toEqual([live]);

    spoolFiles(PARTNER_FILE_SPOOL, `${partnerFile('pf-2', sha('b'), 'discarded')}-${sha('b')}`);
    await sweeper.close();
    sweeper.request();
    await sweeper.settled();
    expect(left(PARTNER_FILE_SPOOL)).toHaveLength(2);
    expect(counted.queries).toBe(2);
  });
});
