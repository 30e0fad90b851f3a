// No spool file is left behind: partners' files (flows 5 and 7) and xConnector's dispute documents
// (flow 2) are copied into spool folders in the data folder before they are passed on. When their write
// is dead-lettered, discarded by the user, or finished just before a crash, the engine removes the copy;
// a transfer still on its way keeps its file, and files the spool never names are left alone.
// Over real HTTP against both simulators, on a real data folder and a real SQLite file.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { caseWorld, duplicates, internalCases, issueOf } from '../support/caseSync.ts';
import { pdfDocument } from '../../electron/simulators/xconnector/documentContent.ts';
import type { PartnerFileInput } from '../../electron/simulators/tradingGrid/issueFiles.ts';
import { PARTNER_FILE_SPOOL, UPLOAD_PARTNER_FILE } from '../../electron/documents/partnerFileTransfer.ts';
import { SPOOL_FOLDER } from '../../electron/documents/documentsSection.ts';
import { ATTACH_DOCUMENT } from '../../electron/flows/documentQueue.ts';
import type { Logger } from '../../electron/logging/logger.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

/** Two attempts, quickly: a write that keeps failing becomes a dead letter within the test. */
const GIVE_UP_SOON: Partial<EngineSettingsInput> = {
  outbox: { retryBaseMs: 10, retryMaxMs: 200, maxAttempts: 2 },
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const pdf = (name: string, text: string, padTo = 0): PartnerFileInput => {
  const doc = pdfDocument(name, [text]);
  const content = padTo > doc.length ? Buffer.concat([doc, Buffer.alloc(padTo - doc.length, 0x20)]) : doc;
  return { name, contentType: 'application/pdf', content, documentType: 'proof_of_delivery' };
};

function filesIn(d: TestDesk, folder: string): string[] {
  try {
    return readdirSync(join(d.dataDir, folder)).sort();
  } catch {
    return [];
  }
}

/** What each retry of a spooling write found in its spool folder, just after the failed attempt. */
function spoolAtRetries(d: TestDesk, operation: string, folder: string): string[][] {
  const seen: string[][] = [];
  d.engine.on('retryScheduled', (r) => {
    if (r.operation === operation) seen.push(filesIn(d, folder));
  });
  return seen;
}

function recordingLogger(): { logger: Logger; warnings: { obj: object; msg?: string }[] } {
  const warnings: { obj: object; msg?: string }[] = [];
  const logger: Logger = {
    ...silentLogger(),
    warn: (obj, msg) => void warnings.push({ obj, msg }),
    child: () => logger,
  };
  return { logger, warnings };
}

describe('spool cleanup: no spool file left behind', () => {
  it("removes a dead-lettered partner file's spool, and never one a download is still writing", async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 2, commentsPerCase: 0, stepsPerCase: 0 }),
      settings: GIVE_UP_SOON,
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const [first, second] = internalCases(desk.sims);
    const feed = desk.sims.tradingGrid.sim.issueFeed;

    // xConnector refuses every partner file: both writes (case and routed message) become dead letters.
    desk.sims.xconnector.sim.setFaults({
      'xc.uploadCaseFile': { errorRate: 1 },
      'xc.uploadRouteMessageFile': { errorRate: 1 },
    });
    const spooled = spoolAtRetries(desk, UPLOAD_PARTNER_FILE, PARTNER_FILE_SPOOL);
    const pod = pdf('POD.pdf', 'Signed by the driver');
    feed.partnerComment(issueOf(desk.sims, first!)!.id, { body: 'The POD.', files: [pod] });
    await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
    await desk.engine.spoolSwept();

    const dead = desk.engine.outbox.deadLetters().filter((e) => e.operation === UPLOAD_PARTNER_FILE);
    expect(dead).toHaveLength(2);
    // Between its attempts each write kept its verified copy; once dead-lettered, the copies are gone.
    const stems = dead.map((e) => `${e.id}-${sha256(pod.content)}`).sort();
    expect(spooled.flat()).toEqual(expect.arrayContaining(stems));
    expect(filesIn(desk, PARTNER_FILE_SPOOL)).toEqual([]);

    // A large file on the other case downloads slowly; the user discards a dead letter meanwhile.
    desk.sims.xconnector.sim.setFaults({});
    const survey = pdf('survey.pdf', 'Damage survey', 3 * 1024 * 1024);
    feed.partnerComment(issueOf(desk.sims, second!)!.id, { body: 'The survey.', files: [survey] });
    feed.files.sliceDelayMs = 60;
    desk.engine.start();
    const partial = () =>
      filesIn(desk!, PARTNER_FILE_SPOOL).find(
        (f) => f.endsWith('.part') && statSync(join(desk!.dataDir, PARTNER_FILE_SPOOL, f)).size > 0,
      );
    for (let i = 0; i < 1500 && !partial(); i++) await sleep(20);
    const writing = partial();
    expect(writing).toBeDefined();
    expect(desk.engine.outbox.discard(dead[0]!.id)).toBe(true);
    await desk.engine.spoolSwept();
    expect(filesIn(desk, PARTNER_FILE_SPOOL)).toContain(writing);

    feed.files.sliceDelayMs = 0;
    await desk.engine.stop();
    expect((await desk.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);
    const stored = desk.sims.xconnector.sim.cases.partnerFiles
      .all()
      .filter((f) => f.sha256 === sha256(survey.content));
    expect(stored).toHaveLength(2);
    for (const f of stored)
      expect(desk.sims.xconnector.sim.cases.partnerFiles.content(f.id)?.equals(survey.content)).toBe(true);
    expect(duplicates(desk.sims)).toEqual([]);
    expect(filesIn(desk, PARTNER_FILE_SPOOL)).toEqual([]);
  }, 120_000);

  it("removes a dispute document's spool once its dead attach write is discarded by the user", async () => {
    desk = await startDesk({
      sim: {
        xconnector: { disputes: 1 },
        faults: { tradingGrid: { 'tg.createUploadSession': { errorRate: 1 } } },
      },
      settings: GIVE_UP_SOON,
    });
    const spooled = spoolAtRetries(desk, ATTACH_DOCUMENT, SPOOL_FOLDER);
    // The dispute's other documents wait behind the dead letter (one case's writes go in order), so the
    // engine runs until the first attach write is given up rather than until idle.
    const died = new Promise<number>((resolve) =>
      desk!.engine.on('deadLettered', (e) => {
        if (e.operation === ATTACH_DOCUMENT) resolve(e.outboxId);
      }),
    );
    desk.engine.start();
    const deadId = await died;
    await desk.engine.stop();
    await desk.engine.spoolSwept();

    const entry = desk.engine.outbox.deadLetters().find((e) => e.id === deadId)!;
    const documentId = (entry.payload as { documentId: number }).documentId;
    const doc = desk.sims.xconnector.sim.documents.all()[0]!;
    const row = desk.engine.documents.list(`exc:${doc.exceptionId}`).find((d) => d.id === documentId)!;
    const stem = `${row.id}-${row.sha256}`;
    // The document was copied and verified before Trading Grid refused its upload session…
    expect(spooled.flat()).toContain(stem);
    // …and the copy went with the dead letter.
    expect(filesIn(desk, SPOOL_FOLDER)).toEqual([]);

    // A copy an earlier version of Partner Desk left beside a dead letter goes when the user discards it.
    writeFileSync(join(desk.dataDir, SPOOL_FOLDER, stem), 'verified bytes');
    expect(desk.engine.outbox.discard(entry.id)).toBe(true);
    await desk.engine.spoolSwept();
    expect(filesIn(desk, SPOOL_FOLDER)).toEqual([]);
    const shown = desk.engine.documents.list(`exc:${doc.exceptionId}`).find((d) => d.id === documentId);
    expect(shown).toMatchObject({ outboxState: 'discarded' });
  }, 120_000);

  it('removes what a crash left of finished writes at the next start, and leaves unknown files alone', async () => {
    const { logger, warnings } = recordingLogger();
    desk = await startDesk({
      sim: caseWorld({ standalone: 1, commentsPerCase: 0, stepsPerCase: 0 }, { xconnector: { disputes: 1 } }),
      logger,
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const delivered: number[] = [];
    desk.engine.on('delivered', (d) => {
      if (d.operation === UPLOAD_PARTNER_FILE) delivered.push(d.outboxId);
    });
    const pod = pdf('POD.pdf', 'Signed');
    desk.sims.tradingGrid.sim.issueFeed.partnerComment(issueOf(desk.sims, internalCases(desk.sims)[0]!)!.id, {
      body: 'The POD.',
      files: [pod],
    });
    expect((await desk.engine.runUntilIdle({ timeoutMs: 30_000 })).idle).toBe(true);
    expect(delivered).toHaveLength(2);
    const attached = desk.sims.xconnector.sim.documents
      .all()
      .flatMap((d) => desk!.engine.documents.list(`exc:${d.exceptionId}`))
      .filter((d) => d.source === 'xconnector' && d.state === 'attached');
    expect(attached.length).toBeGreaterThan(0);

    // What a kill between a write's end and the removal of its copy leaves: whole copies and parts.
    const podSha = sha256(pod.content);
    const partnerStrangers = ['notes.txt', `${delivered[0]}-not-a-digest`];
    const documentStrangers = ['Thumbs.db'];
    const planted = [
      {
        folder: PARTNER_FILE_SPOOL,
        names: [`${delivered[0]}-${podSha}.part`, `${delivered[1]}-${podSha}`, ...partnerStrangers],
      },
      {
        folder: SPOOL_FOLDER,
        names: [...attached.map((d) => `${d.id}-${d.sha256}.part`), ...documentStrangers],
      },
    ];
    for (const { folder, names } of planted) {
      mkdirSync(join(desk.dataDir, folder), { recursive: true });
      for (const n of names) writeFileSync(join(desk.dataDir, folder, n), 'x');
    }

    await desk.restart();
    await desk.engine.spoolSwept();

    expect(filesIn(desk, PARTNER_FILE_SPOOL)).toEqual([...partnerStrangers].sort());
    expect(filesIn(desk, SPOOL_FOLDER)).toEqual(documentStrangers);
    const said = warnings.find((w) => /did not name/.test(w.msg ?? ''));
    expect(said?.obj).toMatchObject({ count: 3 });
  }, 90_000);
});
