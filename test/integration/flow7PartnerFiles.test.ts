// Flows 5 and 7 over real HTTP: a file a partner attaches to a comment in Trading Grid reaches
// xConnector as its bytes, on the internal case and on the routed message, exactly once per content,
// under faults with idempotency keys honoured and ignored, lost responses and a restart halfway through
// a download; what the limits do not allow is refused with its reason; nothing is echoed back.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startDesk, type TestDesk } from '../support/desk.ts';
import { caseWorld, duplicates, internalCases, issueOf } from '../support/caseSync.ts';
import { pdfDocument, pngImage } from '../../electron/simulators/xconnector/documentContent.ts';
import { PARTNER_FILE_SPOOL } from '../../electron/documents/partnerFileTransfer.ts';
import type { PartnerFileInput } from '../../electron/simulators/tradingGrid/issueFiles.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';
import type { RunningSimulators } from '../../electron/simulators/index.ts';

let desk: TestDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const pdf = (name: string, text: string, padTo = 0): PartnerFileInput => {
  const doc = pdfDocument(name, [text]);
  const content = padTo > doc.length ? Buffer.concat([doc, Buffer.alloc(padTo - doc.length, 0x20)]) : doc;
  return { name, contentType: 'application/pdf', content, documentType: 'proof_of_delivery' };
};

/** Where each stored partner file is: `case:<internal case>:<sha>` or `route:<comment>:<sha>`. */
function stored(sims: RunningSimulators): string[] {
  const cases = sims.xconnector.sim.cases;
  return cases.partnerFiles
    .all()
    .map((f) =>
      f.target === 'case'
        ? `case:${f.targetId}:${f.sha256}`
        : `route:${cases.routedMessage(f.targetId)?.source.commentId}:${f.sha256}`,
    )
    .sort();
}

/** What should be stored: every partner comment's verified files, on its case and on its message. */
function expected(sims: RunningSimulators): string[] {
  const feed = sims.tradingGrid.sim.issueFeed;
  const out = new Set<string>();
  for (const c of internalCases(sims)) {
    const issue = issueOf(sims, c);
    for (const comment of issue?.comments ?? []) {
      if (comment.author.kind !== 'partner') continue;
      for (const a of comment.attachments) {
        if (!a.sha256 || !feed.files.content(a.id)) continue;
        out.add(`case:${c.id}:${a.sha256}`);
        out.add(`route:${comment.id}:${a.sha256}`);
      }
    }
  }
  return [...out].sort();
}

describe('flows 5 and 7: partner files into xConnector', () => {
  it('hands each file to the internal case and the routed message as its bytes, once per content', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 2, commentsPerCase: 0, stepsPerCase: 0 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const feed = desk.sims.tradingGrid.sim.issueFeed;
    const xc = desk.sims.xconnector.sim.cases;
    const c = internalCases(desk.sims)[0]!;
    const issueId = issueOf(desk.sims, c)!.id;
    const pod = pdf('POD signed.pdf', 'Signed by the driver');
    const photo: PartnerFileInput = { name: 'pallet.png', contentType: 'image/png', content: pngImage(42) };
    const first = feed.partnerComment(issueId, { body: 'Signed POD and a photo.', files: [pod, photo] })!;
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });

    expect(stored(desk.sims)).toEqual(expected(desk.sims));
    expect(xc.partnerFiles.all()).toHaveLength(4);
    for (const f of xc.partnerFiles.all()) {
      const sent = f.sourceAttachmentId === first.attachments[0]!.id ? pod : photo;
      expect(xc.partnerFiles.content(f.id)).toEqual(sent.content);
      expect(f).toMatchObject({ origin: 'partner-desk', name: sent.name, contentType: sent.contentType });
    }
    // The same bytes attached again: the case has them already; the new message gets its own copy.
    const again = feed.partnerComment(issueId, { body: 'The POD once more.', files: [pod] })!;
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(stored(desk.sims)).toEqual(expected(desk.sims));
    expect(xc.partnerFiles.all().filter((f) => f.target === 'case')).toHaveLength(2);
    expect(
      xc.partnerFiles.all().filter((f) => f.sourceAttachmentId === again.attachments[0]!.id),
    ).toHaveLength(1);
    expect(duplicates(desk.sims)).toEqual([]);
    expect(desk.engine.stats().attachmentsRouted).toBe(5);

    // On the internal case the files are marked as ours, so flow 7 never sends them back to the issue.
    const onCase = xc.get(c.id)!.attachments.filter((a) => a.origin === 'partner-desk');
    expect(onCase.map((a) => a.name).sort()).toEqual(['POD signed.pdf', 'pallet.png']);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const attachedToIssue = [...desk.sims.tradingGrid.sim.attachments.attachments.values()];
    expect(attachedToIssue.filter((a) => onCase.some((x) => x.sha256 === a.sha256))).toEqual([]);
    const timeline = desk.engine.cases.timeline(`case:${c.id}`).map((e) => e.summary);
    expect(timeline).toContainEqual(expect.stringMatching(/"POD signed\.pdf" .* handed to xConnector case/));
    expect(timeline).toContainEqual(
      expect.stringMatching(/"pallet\.png" .* handed to the message routed to/),
    );
  });

  it('refuses a file too large, of a type not allowed, or whose bytes are not what its name says, saying why', async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 1, commentsPerCase: 0, stepsPerCase: 0 }),
      settings: { mappings: { caseSync: { partnerFiles: { maxBytes: 50_000 } } } },
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims)[0]!;
    const good = pdf('credit-note.pdf', 'Credit note');
    desk.sims.tradingGrid.sim.issueFeed.partnerComment(issueOf(desk.sims, c)!.id, {
      body: 'Four files.',
      files: [
        pdf('scan.pdf', 'A large scan', 60_000),
        { name: 'tool.exe', contentType: 'application/x-msdownload', content: Buffer.from('MZ\x90\x00') },
        { name: 'invoice.pdf', contentType: 'application/pdf', content: Buffer.from('MZ\x90\x00 a program') },
        good,
      ],
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });

    const files = desk.sims.xconnector.sim.cases.partnerFiles.all();
    expect(files.map((f) => f.name)).toEqual(['credit-note.pdf', 'credit-note.pdf']);
    const timeline = desk.engine.cases.timeline(`case:${c.id}`).map((e) => e.summary);
    expect(timeline).toContainEqual(
      expect.stringMatching(
        /"scan\.pdf" .* not passed on to xConnector case .*: The file is too large: 58 KB/,
      ),
    );
    expect(timeline).toContainEqual(
      expect.stringMatching(/"tool\.exe" .* not passed on .*: Files of type application\/x-msdownload/),
    );
    expect(timeline).toContainEqual(
      expect.stringMatching(/"invoice\.pdf" .* not passed on .*content looks like a Windows program/),
    );
    expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    expect(desk.engine.stats().attachmentsRouted).toBe(2);
  });

  it('never copies back a file the desk already sent to Trading Grid for the case', async () => {
    desk = await startDesk({
      sim: caseWorld({ standalone: 4, commentsPerCase: 0, stepsPerCase: 0, attachmentsPerCase: 1 }),
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const c = internalCases(desk.sims).find((x) => x.attachments[0]?.visibility === 'partner')!;
    const ours = c.attachments[0]!;
    expect(desk.engine.documents.list(`case:${c.id}`).map((d) => d.state)).toEqual(['attached']);
    // The partner attaches the very document we sent them.
    desk.sims.tradingGrid.sim.issueFeed.partnerComment(issueOf(desk.sims, c)!.id, {
      body: 'Is this the one you mean?',
      files: [
        {
          name: ours.name,
          contentType: ours.contentType,
          content: desk.sims.xconnector.sim.documents.content(ours.documentId)!,
        },
      ],
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.sims.xconnector.sim.cases.partnerFiles.all()).toEqual([]);
    expect(desk.engine.cases.timeline(`case:${c.id}`).map((e) => e.summary)).toContainEqual(
      expect.stringMatching(/is a document this case already sent to Trading Grid, so it is not copied back/),
    );
  });

  for (const honour of [true, false]) {
    it(`stores each file once under faults, lost responses and a restart (idempotency keys ${honour ? 'honoured' : 'ignored'})`, async () => {
      const upload = { errorRate: 0.15, resetRate: 0.1, lostResponseRate: 0.35 };
      const xcFaults: FaultConfig = {
        'xc.uploadCaseFile': upload,
        'xc.uploadRouteMessageFile': upload,
        'xc.findPartnerFiles': { errorRate: 0.1 },
      };
      const tgFaults: FaultConfig = { 'tg.commentAttachmentContent': { errorRate: 0.2, resetRate: 0.1 } };
      desk = await startDesk({
        sim: caseWorld(
          { standalone: 6, commentsPerCase: 0, stepsPerCase: 0 },
          { faults: { xconnector: xcFaults, tradingGrid: tgFaults } },
        ),
      });
      desk.sims.xconnector.sim.cases.honourIdempotencyKeys = honour;
      expect((await desk.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);
      const feed = desk.sims.tradingGrid.sim.issueFeed;
      const shared = pdf('terms.pdf', 'Our delivery terms');
      internalCases(desk.sims).forEach((c, i) => {
        const issueId = issueOf(desk!.sims, c)!.id;
        feed.partnerComment(issueId, { body: 'Files.', files: [pdf(`pod-${i}.pdf`, `POD ${i}`), shared] });
        feed.partnerComment(issueId, { body: 'And again.', files: [shared] });
      });
      await desk.engine.syncNow();
      await desk.restart();
      expect((await desk.engine.runUntilIdle({ timeoutMs: 90_000 })).idle).toBe(true);

      expect(stored(desk.sims)).toEqual(expected(desk.sims));
      expect(expected(desk.sims)).toHaveLength(6 * 2 + 6 * 3);
      expect(duplicates(desk.sims)).toEqual([]);
      const lost = desk.sims.xconnector.sim.stats().faults.lostResponse;
      expect((lost['xc.uploadCaseFile'] ?? 0) + (lost['xc.uploadRouteMessageFile'] ?? 0)).toBeGreaterThan(0);
      expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    }, 150_000);
  }

  it('continues a download broken off by a restart from where it stopped, and stores the file once', async () => {
    desk = await startDesk({ sim: caseWorld({ standalone: 1, commentsPerCase: 0, stepsPerCase: 0 }) });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const feed = desk.sims.tradingGrid.sim.issueFeed;
    const c = internalCases(desk.sims)[0]!;
    const big = pdf('survey.pdf', 'Damage survey', 3 * 1024 * 1024);
    feed.partnerComment(issueOf(desk.sims, c)!.id, { body: 'The survey.', files: [big] });
    // A slow link: the download takes a couple of seconds, and the engine is stopped halfway.
    feed.files.sliceDelayMs = 40;
    desk.engine.start();
    const spool = join(desk.dataDir, PARTNER_FILE_SPOOL);
    const partial = () => {
      try {
        return readdirSync(spool).some((f) => f.endsWith('.part') && statSync(join(spool, f)).size > 0);
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 500 && !partial(); i++) await sleep(20);
    expect(partial()).toBe(true);
    await desk.restart();
    feed.files.sliceDelayMs = 0;
    expect((await desk.engine.runUntilIdle({ timeoutMs: 60_000 })).idle).toBe(true);

    expect(stored(desk.sims)).toEqual(expected(desk.sims));
    for (const f of desk.sims.xconnector.sim.cases.partnerFiles.all())
      expect(desk.sims.xconnector.sim.cases.partnerFiles.content(f.id)?.equals(big.content)).toBe(true);
    // The second engine asked for the rest only (206), not the whole file again.
    const answers = desk.sims.tradingGrid.sim.stats().responses['tg.commentAttachmentContent'] ?? {};
    expect(answers['206'] ?? 0).toBeGreaterThan(0);
    expect(duplicates(desk.sims)).toEqual([]);
    // Verified files leave the spool once xConnector has them.
    expect(readdirSync(spool)).toEqual([]);
  }, 90_000);
});
