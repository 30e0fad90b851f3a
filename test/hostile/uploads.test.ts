// Flow 2's person-driven upload under hostile conditions, through a real engine on a real SQLite file
// and the Trading Grid simulator over HTTP: names built to escape folders or impersonate devices, files
// that change, shrink, grow or vanish while their bytes are on the way, and thousands of files in one
// drop. What a file changing mid-upload does is decided here: the upload FAILS with a reason (the bytes
// Trading Grid got do not match the fingerprint taken at the drop) and nothing is attached; dropping the
// file again attaches its new version. It is never silently re-fingerprinted.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentProgress } from '../../electron/documents/documentEvents.ts';
import { pdfDocument } from '../../electron/simulators/xconnector/documentContent.ts';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { liftRateLimits } from '../fuzz/unlimitedDesk.ts';

let desk: TestDesk;
let folder: string;
let caseId: string;
let issueId: string;
const events: DocumentProgress[] = [];
let onProgress: (p: DocumentProgress) => void = () => {};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const tg = () => desk.sims.tradingGrid.sim.attachments;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'pd-hostile-drop-'));
  desk = await startDesk({
    sim: { partners: 2, exceptions: 2, transactions: 0 },
    settings: { documents: { chunkBytes: 64 * 1024, progressIntervalMs: 10, maxFilesPerUpload: 3_000 } },
  });
  await liftRateLimits(desk);
  await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
  caseId = `exc:${desk.sims.scenario.exceptions[0]!.id}`;
  issueId = desk.engine.cases.get(caseId)!.tgIssueId!;
  desk.engine.on('documentProgress', (p) => {
    events.push(p);
    onProgress(p);
  });
}, 120_000);

afterAll(async () => {
  await desk?.close();
  rmSync(folder, { recursive: true, force: true });
});

let serial = 0;
/** A real PDF, `padding` bytes long beyond its header, distinct from every other file of this test. */
function pdf(padding = 0): Buffer {
  return Buffer.concat([pdfDocument(`Doc ${++serial}`, [`copy ${serial}`]), Buffer.alloc(padding, 32)]);
}

function drop(name: string, bytes: Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

const attachedRefs = () => [...tg().attachments.values()].map((a) => a.correlationRef);

describe('hostile uploads: names', () => {
  it('sanitises every hostile name, keeping what the person dropped as metadata', async () => {
    const hostile = [
      'NUL.pdf',
      'aux.txt.pdf',
      'CON.pdf',
      'com1.pdf',
      '..pdf',
      '..\\..\\windows\\system32.pdf',
      'a\\b\\c.pdf',
      'tab\there.pdf',
      'bell\u0007and\u001b[31mred.pdf',
      'cafe\u0301.pdf',
      'caf\u00e9.pdf',
      `${'é'.repeat(120)}.pdf`,
      'invoice\u202Efdp.exe.pdf',
      '\u200B\uFEFF.pdf',
      '-rf .pdf',
    ].map((name) => ({ name, path: drop(name, pdf()) }));
    const refusedNames = ['NUL', '...', 'aux'].map((name) => drop(name, pdf()));
    const result = await desk.engine.documents.upload(caseId, [
      ...hostile.map((h) => h.path),
      ...refusedNames,
      join(folder, `${'x'.repeat(300)}.pdf`),
    ]);
    // Without an extension nothing says what a file is; a name no file system takes cannot be opened.
    expect(result.refused.map((r) => [r.name, r.reason])).toEqual([
      ['_NUL', expect.stringMatching(/no extension/)],
      ['document', expect.stringMatching(/no extension/)],
      ['_aux', expect.stringMatching(/no extension/)],
      [`${'x'.repeat(146)}.pdf`, expect.stringMatching(/path is too long/)],
    ]);
    await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
    const attached = tg().attachmentsOf(issueId);
    for (const { name } of hostile) {
      // The last segment as the file system gave it, whichever slash a name carries.
      const original = name.split(/[\\/]/).at(-1);
      const a = attached.find((x) => x.originalName === original);
      expect(a, `attachment for ${JSON.stringify(name)}`).toBeDefined();
      const safe = a!.name;
      // eslint-disable-next-line no-control-regex
      expect(safe).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f\u202e\u200b\ufeff]/);
      expect(safe).not.toMatch(/^\.|^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(safe.length).toBeLessThanOrEqual(150);
      expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(240);
      expect(safe).toBe(safe.normalize('NFC'));
    }
    // Composed and decomposed spellings of one name read the same once sanitised.
    const nfd = attached.find((x) => x.originalName === 'cafe\u0301.pdf')!.name;
    expect(nfd).toBe(attached.find((x) => x.originalName === 'caf\u00e9.pdf')!.name);
    expect(desk.sims.tradingGrid.sim.duplicates()).toEqual([]);
  }, 120_000);
});

describe('hostile uploads: files that change or vanish while they are uploaded', () => {
  /** Runs `act` once, the first time the file's upload has sent some bytes but not all. */
  function midUpload(uploadId: string, act: () => void): { done: boolean } {
    const state = { done: false };
    onProgress = (p) => {
      if (state.done || p.uploadId !== uploadId || p.state !== 'uploading') return;
      if (p.sentBytes > 0 && p.sentBytes < p.totalBytes) {
        state.done = true;
        act();
      }
    };
    return state;
  }

  async function uploadWhile(
    change: (path: string, original: Buffer) => void,
  ): Promise<{ state: string; error: string | null; original: Buffer; bystander: string; midway: boolean }> {
    tg().updateSettings({ receiveBytesPerSecond: 1024 * 1024 });
    const original = pdf(600 * 1024);
    const path = drop(`moving-${serial}.pdf`, original);
    const bystanderPath = drop(`bystander-${serial}.pdf`, pdf());
    const result = await desk.engine.documents.upload(caseId, [path, bystanderPath]);
    expect(result.accepted).toHaveLength(2);
    const midway = midUpload(result.accepted[0]!.uploadId, () => change(path, original));
    try {
      await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
    } finally {
      onProgress = () => {};
      tg().updateSettings({ receiveBytesPerSecond: null });
    }
    const docs = desk.engine.documents.list(caseId);
    const moving = docs.find((d) => d.uploadId === result.accepted[0]!.uploadId)!;
    const bystander = docs.find((d) => d.uploadId === result.accepted[1]!.uploadId)!;
    // The change really happened while the bytes were on their way.
    expect(midway.done).toBe(true);
    return {
      state: moving.state,
      error: moving.error,
      original,
      bystander: bystander.state,
      midway: midway.done,
    };
  }

  /** Attachments on the issue whose bytes are not what some dropped file held when it was dropped. */
  function attachedWith(sha: string): number {
    return tg()
      .attachmentsOf(issueId)
      .filter((a) => a.sha256 === sha).length;
  }

  it('fails a file overwritten mid-upload with other bytes of the same size, attaching nothing', async () => {
    let other = Buffer.alloc(0);
    const r = await uploadWhile((path, original) => {
      other = Buffer.from(original);
      other.fill(65, other.length - 1024);
      writeFileSync(path, other);
    });
    expect(r.state).toBe('failed');
    expect(r.error).toMatch(/changed/);
    // Neither the dropped bytes nor the new ones, nor any mix of them, is attached.
    expect(attachedWith(sha256(r.original))).toBe(0);
    expect(attachedWith(sha256(other))).toBe(0);
    expect(
      tg()
        .attachmentsOf(issueId)
        .filter((a) => a.sizeBytes === r.original.length),
    ).toEqual([]);
    // The queue went on: the other file of the same drop is attached.
    expect(r.bystander).toBe('attached');
  }, 90_000);

  it('fails a file cut short mid-upload, attaching nothing', async () => {
    const r = await uploadWhile((path) => truncateSync(path, 100 * 1024));
    expect(r.state).toBe('failed');
    expect(r.error).toMatch(/changed|shorter|no longer/);
    expect(attachedWith(sha256(r.original))).toBe(0);
    expect(r.bystander).toBe('attached');
  }, 90_000);

  it('attaches only the dropped bytes of a file that grows mid-upload, or fails it', async () => {
    const r = await uploadWhile((path) => appendFileSync(path, Buffer.alloc(50 * 1024, 66)));
    if (r.state === 'attached') expect(attachedWith(sha256(r.original))).toBe(1);
    else expect(r.error).toMatch(/changed/);
    expect(r.bystander).toBe('attached');
    expect(tg().duplicateContent()).toEqual([]);
  }, 90_000);

  it('fails a file deleted mid-upload with a clear reason, and goes on with the rest', async () => {
    const r = await uploadWhile((path) => rmSync(path));
    expect(r.state).toBe('failed');
    expect(r.error).toMatch(/no longer exists|changed/);
    expect(attachedWith(sha256(r.original))).toBe(0);
    expect(r.bystander).toBe('attached');
    expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
  }, 90_000);
});

describe('hostile uploads: thousands of files in one drop', () => {
  it('judges 3,000 files one by one, attaches each distinct content once, and reports a bounded number of events', async () => {
    const distinct = Array.from({ length: 300 }, () => pdf());
    const paths = Array.from({ length: 3_000 }, (_, i) => drop(`bulk-${i}.pdf`, distinct[i % 300]!));
    const refs = new Set(attachedRefs());
    const firstEvent = events.length;
    const result = await desk.engine.documents.upload(caseId, paths);
    expect(result.accepted.length + result.refused.length).toBe(3_000);
    expect(result.accepted).toHaveLength(300);
    for (const r of result.refused) expect(r.reason).toMatch(/same file is already (being )?attached/);
    await desk.engine.runUntilIdle({ timeoutMs: 120_000 });
    const added = attachedRefs().filter((r) => !refs.has(r));
    expect(added).toHaveLength(300);
    expect(new Set(added).size).toBe(300);
    expect(tg().duplicateContent()).toEqual([]);
    expect(desk.sims.tradingGrid.sim.duplicates()).toEqual([]);
    // Progress: a refusal is one event; an upload is queued, a few progress reports, and its outcome.
    const drops = events.slice(firstEvent);
    expect(drops.filter((e) => e.state === 'duplicate')).toHaveLength(2_700);
    expect(drops.length).toBeLessThan(2_700 + 300 * 6);
  }, 180_000);

  it('refuses, file by file, what goes beyond the most one drop may carry', async () => {
    await desk.restart({ documents: { maxFilesPerUpload: 10 } });
    const paths = Array.from({ length: 25 }, (_, i) => drop(`over-${i}.pdf`, pdf()));
    const result = await desk.engine.documents.upload(caseId, paths);
    expect(result.accepted).toHaveLength(10);
    expect(result.refused).toHaveLength(15);
    for (const r of result.refused) expect(r.reason).toMatch(/Only 10 files can be dropped at once/);
  }, 60_000);
});
