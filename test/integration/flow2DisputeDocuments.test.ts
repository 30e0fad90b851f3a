// Flow 2 over real HTTP against both simulators: dispute documents from xConnector and files dropped on
// the desk are attached to the case's Trading Grid issue exactly once, whatever the network does, and
// what cannot be attached is refused with a reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { startDesk, type TestDesk } from '../support/desk.ts';
import type { FaultConfig } from '../../electron/simulators/faults.ts';
import type { DocumentProgress } from '../../electron/documents/documentEvents.ts';
import { pdfDocument, pngImage } from '../../electron/simulators/xconnector/documentContent.ts';
import { createDeskService } from '../../electron/service/deskService.ts';
import type { EventChannels } from '../../shared/ipc/contract.ts';
import type { CaseDetail, UploadResult } from '../../shared/ipc/dto.ts';

let desk: TestDesk | undefined;
let files: string;
beforeEach(() => {
  files = mkdtempSync(join(tmpdir(), 'pd-drop-'));
});
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  rmSync(files, { recursive: true, force: true });
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function write(name: string, bytes: Buffer): string {
  const path = join(files, name);
  writeFileSync(path, bytes);
  return path;
}

/** Every attachment in Trading Grid, by correlation reference. */
function attachmentsByRef(d: TestDesk): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of d.sims.tradingGrid.sim.attachments.attachments.values())
    out.set(a.correlationRef, [...(out.get(a.correlationRef) ?? []), a.id]);
  return out;
}

function expectEveryDisputeDocumentAttachedOnce(d: TestDesk) {
  const docs = d.sims.xconnector.sim.documents.all();
  expect(docs.length).toBeGreaterThan(0);
  const tg = d.sims.tradingGrid.sim.attachments;
  expect(d.sims.tradingGrid.sim.duplicates(), 'no correlationRef on two attachments').toEqual([]);
  expect(tg.duplicateContent(), 'no bytes twice on one issue').toEqual([]);
  const byRef = attachmentsByRef(d);
  for (const doc of docs) {
    const caseId = `exc:${doc.exceptionId}`;
    const ids = byRef.get(`pd:doc:${caseId}:${doc.sha256}`) ?? [];
    expect(ids, `attachments of ${doc.id}`).toHaveLength(1);
    const a = tg.attachments.get(ids[0]!)!;
    expect(a.issueId).toBe(d.engine.cases.get(caseId)?.tgIssueId);
    expect(a.sizeBytes).toBe(doc.sizeBytes);
    expect(a.sha256).toBe(doc.sha256);
    expect(tg.contents.get(a.id)?.equals(d.sims.xconnector.sim.documents.content(doc.id)!)).toBe(true);
  }
  expect(tg.attachments.size).toBe(docs.length);
}

describe('flow 2: dispute documents', () => {
  it('attaches every supporting document of a dispute to the linked issue once, with timeline events', async () => {
    desk = await startDesk({ sim: { xconnector: { disputes: 4 } } });
    const result = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(result.idle).toBe(true);
    expectEveryDisputeDocumentAttachedOnce(desk);
    const docs = desk.sims.xconnector.sim.documents.all();
    expect(result.stats.documentsAttached).toBe(docs.length);

    // A shipment dispute carries a packing slip whose name has a slash: it arrives sanitised, original kept.
    const slip = docs.find((doc) => doc.kind === 'packing_slip');
    expect(slip, 'the seeded disputes include a shipment one').toBeDefined();
    const attachment = [...desk.sims.tradingGrid.sim.attachments.attachments.values()].find(
      (a) => a.sha256 === slip!.sha256,
    )!;
    expect(attachment.name).not.toMatch(/[/\\]/);
    expect(attachment.originalName).toBe(slip!.name);

    const caseId = `exc:${slip!.exceptionId}`;
    const listed = desk.engine.documents.list(caseId);
    expect(listed.map((l) => l.state)).toEqual(listed.map(() => 'attached'));
    const timeline = desk.engine.cases.timeline(caseId).filter((e) => e.kind === 'document');
    expect(timeline.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/became a dispute in xConnector/),
        expect.stringMatching(
          /^Packing slip ".*" \(.*\) attached to Trading Grid issue ISS-\d+ from xConnector$/,
        ),
      ]),
    );
  });

  for (const honourIdempotencyKeys of [true, false]) {
    it(`attaches each document exactly once under 5xx, 429, resets, lost responses and cut uploads (idempotency keys ${honourIdempotencyKeys ? 'honoured' : 'ignored'})`, async () => {
      const upload = {
        errorRate: 0.15,
        throttleRate: 0.1,
        retryAfterSeconds: 0,
        resetRate: 0.1,
        lostResponseRate: 0.2,
      };
      const tgFaults: FaultConfig = {
        'tg.createUploadSession': upload,
        'tg.uploadChunk': upload,
        'tg.completeUploadSession': upload,
        'tg.getUploadSession': { errorRate: 0.1 },
        'tg.findUploadSessions': { errorRate: 0.1 },
        'tg.findAttachments': { errorRate: 0.1 },
      };
      const xcFaults: FaultConfig = {
        'xc.documentsFeed': { errorRate: 0.2 },
        'xc.documentContent': { errorRate: 0.2, resetRate: 0.1, lostResponseRate: 0.1 },
      };
      desk = await startDesk({
        sim: {
          honourIdempotencyKeys,
          faults: { tradingGrid: tgFaults, xconnector: xcFaults },
          xconnector: { disputes: 8 },
        },
        settings: { documents: { chunkBytes: 64 * 1024, chunkRetryBaseMs: 10 } },
      });
      // Some documents span several chunks, so uploads are cut and resumed mid-file.
      const xc = desk.sims.xconnector.sim.documents;
      for (const doc of xc.all().slice(0, 4))
        xc.addDocument(doc.exceptionId, {
          kind: 'other',
          name: `Scan ${doc.id}.pdf`,
          contentType: 'application/pdf',
          content: Buffer.concat([pdfDocument('Scan', [doc.id]), randomBytes(300 * 1024)]),
        });
      desk.sims.tradingGrid.sim.attachments.updateSettings({ midBodyResetRate: 0.2 });

      const result = await desk.engine.runUntilIdle({ timeoutMs: 60_000 });
      expect(result.idle).toBe(true);
      const faults = desk.sims.tradingGrid.sim.stats().faults;
      expect(faults.lostResponse['tg.uploadChunk'] ?? 0, 'lost chunk answers were injected').toBeGreaterThan(
        0,
      );
      expect(
        (faults.lostResponse['tg.createUploadSession'] ?? 0) +
          (faults.lostResponse['tg.completeUploadSession'] ?? 0),
        'lost session answers were injected',
      ).toBeGreaterThan(0);
      expect(
        desk.sims.tradingGrid.sim.attachments.midBodyResets,
        'uploads were cut mid-body',
      ).toBeGreaterThan(0);
      expectEveryDisputeDocumentAttachedOnce(desk);
      expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    });
  }

  it('attaches nothing new when run again on the same data folder', async () => {
    desk = await startDesk({ sim: { xconnector: { disputes: 3 } } });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const attached = desk.sims.tradingGrid.sim.attachments.attachments.size;
    await desk.restart();
    const again = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(again.stats.documentsAttached).toBe(0);
    expect(desk.sims.tradingGrid.sim.attachments.attachments.size).toBe(attached);
  });

  it('attaches dropped files once, reporting progress, and refuses the same bytes dropped again', async () => {
    desk = await startDesk();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const caseId = `exc:${desk.sims.scenario.exceptions[0]!.id}`;
    const progress: DocumentProgress[] = [];
    desk.engine.on('documentProgress', (p) => void progress.push(p));

    const pod = write('Proof of delivery.png', pngImage(7));
    const letter = write('Dispute letter.pdf', pdfDocument('Dispute', ['We dispute the shortage.']));
    const first = await desk.engine.documents.upload(caseId, [pod, letter]);
    expect(first.refused).toEqual([]);
    expect(first.accepted.map((a) => a.name)).toEqual(['Proof of delivery.png', 'Dispute letter.pdf']);

    // The same file again, and the same bytes under another name: both refused as duplicates.
    const copy = write('copy of letter.pdf', pdfDocument('Dispute', ['We dispute the shortage.']));
    const second = await desk.engine.documents.upload(caseId, [letter, copy]);
    expect(second.accepted).toEqual([]);
    expect(second.refused.map((r) => r.reason)).toEqual([
      expect.stringMatching(/same file is already being attached to this case/),
      expect.stringMatching(/same file is already being attached to this case as "Dispute letter.pdf"/),
    ]);

    const result = await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(result.stats.documentsAttached).toBe(2);
    const issueId = desk.engine.cases.get(caseId)!.tgIssueId!;
    const attached = desk.sims.tradingGrid.sim.attachments.attachmentsOf(issueId);
    expect(attached.map((a) => a.name).sort()).toEqual(['Dispute letter.pdf', 'Proof of delivery.png']);

    const third = await desk.engine.documents.upload(caseId, [pod]);
    expect(third.refused[0]?.reason).toMatch(/same file is already attached to this case/);

    const states = (uploadId: string) => progress.filter((p) => p.uploadId === uploadId).map((p) => p.state);
    for (const a of first.accepted) {
      expect(states(a.uploadId)[0]).toBe('queued');
      expect(states(a.uploadId)).toContain('uploading');
      expect(states(a.uploadId).at(-1)).toBe('attached');
    }
    expect(progress.filter((p) => p.state === 'duplicate')).toHaveLength(3);
    const listed = desk.engine.documents.list(caseId);
    expect(listed.map((l) => [l.name, l.state, l.source])).toEqual([
      ['Proof of delivery.png', 'attached', 'desk'],
      ['Dispute letter.pdf', 'attached', 'desk'],
    ]);
  });

  it('attaches the same bytes once whether they come from xConnector or are dropped on the desk', async () => {
    desk = await startDesk({ sim: { xconnector: { disputes: 1 } } });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const doc = desk.sims.xconnector.sim.documents.all()[0]!;
    const dropped = write('my copy.pdf', desk.sims.xconnector.sim.documents.content(doc.id)!);
    const r = await desk.engine.documents.upload(`exc:${doc.exceptionId}`, [dropped]);
    expect(r.refused[0]?.reason).toMatch(/same file is already attached to this case as "/);
    expectEveryDisputeDocumentAttachedOnce(desk);

    // The other way round: dropped first, then xConnector lists the same bytes.
    const exception = desk.sims.scenario.exceptions.find((e) => e.id !== doc.exceptionId)!;
    const bytes = pdfDocument('Proof', ['signed by the consignee']);
    const mine = await desk.engine.documents.upload(`exc:${exception.id}`, [write('pod.pdf', bytes)]);
    expect(mine.accepted).toHaveLength(1);
    desk.sims.xconnector.sim.documents.addDocument(exception.id, {
      kind: 'proof_of_delivery',
      name: 'POD.pdf',
      contentType: 'application/pdf',
      content: bytes,
    });
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const issueId = desk.engine.cases.get(`exc:${exception.id}`)!.tgIssueId!;
    expect(desk.sims.tradingGrid.sim.attachments.attachmentsOf(issueId).map((a) => a.sha256)).toEqual([
      sha256(bytes),
    ]);
    expect(
      desk.engine.cases
        .timeline(`exc:${exception.id}`)
        .some((e) => /same file as one already on the case/.test(e.summary)),
    ).toBe(true);
  });

  it('refuses what it cannot take, with a reason per file, and harms nothing', async () => {
    desk = await startDesk();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    desk.sims.tradingGrid.sim.attachments.updateSettings({
      maxBytes: 100 * 1024,
      allowedContentTypes: ['application/pdf', 'text/plain'],
    });
    const caseId = `exc:${desk.sims.scenario.exceptions[0]!.id}`;
    const folder = join(files, 'a folder');
    mkdirSync(folder);
    const paths = [
      write('big.pdf', Buffer.concat([pdfDocument('Big', []), Buffer.alloc(200 * 1024, 32)])),
      write('setup.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')),
      write('invoice.pdf', pngImage(3)),
      write('photo.png', pngImage(4)),
      write('empty.txt', Buffer.alloc(0)),
      write('no extension', Buffer.from('hello')),
      folder,
      join(files, 'gone.pdf'),
      'relative/path.pdf',
    ];
    const r = await desk.engine.documents.upload(caseId, paths);
    expect(r.accepted).toEqual([]);
    expect(r.refused.map((x) => [x.name, x.reason])).toEqual([
      ['big.pdf', expect.stringMatching(/too large: 2\d\d KB, and Trading Grid accepts files up to 100 KB/)],
      ['setup.exe', expect.stringMatching(/Files of type \.exe are not accepted/)],
      [
        'invoice.pdf',
        expect.stringMatching(/named \.pdf \(PDF document\) but its content looks like a PNG image/),
      ],
      ['photo.png', expect.stringMatching(/Trading Grid does not accept PNG images/)],
      ['empty.txt', expect.stringMatching(/The file is empty/)],
      ['no extension', expect.stringMatching(/no extension/)],
      ['a folder', expect.stringMatching(/This is a folder, not a file/)],
      ['gone.pdf', expect.stringMatching(/no longer exists/)],
      ['path.pdf', expect.stringMatching(/not a full path/)],
    ]);
    const none = await desk.engine.documents.upload('exc:NO-SUCH-CASE', [paths[0]!]);
    expect(none.refused[0]?.reason).toMatch(/There is no case exc:NO-SUCH-CASE/);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.sims.tradingGrid.sim.attachments.attachments.size).toBe(0);
    expect(desk.engine.documents.list(caseId)).toEqual([]);
    expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
  });

  it('sanitises hostile file names and keeps the original as metadata', async () => {
    desk = await startDesk();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const caseId = `exc:${desk.sims.scenario.exceptions[0]!.id}`;
    const names = [
      'CON.pdf',
      'a:b|c?.pdf',
      'invoice\u202Etxt.pdf',
      ' trailing dots... .pdf',
      `${'x'.repeat(250)}.pdf`,
    ];
    const paths = names.map((n, i) => write(n, pdfDocument(`Doc ${i}`, [n])));
    const r = await desk.engine.documents.upload(caseId, paths);
    expect(r.refused).toEqual([]);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const attached = desk.sims.tradingGrid.sim.attachments.attachmentsOf(
      desk.engine.cases.get(caseId)!.tgIssueId!,
    );
    const byOriginal = new Map(attached.map((a) => [a.originalName, a.name]));
    expect(byOriginal.get('CON.pdf')).toBe('_CON.pdf');
    expect(byOriginal.get('a:b|c?.pdf')).toBe('a_b_c_.pdf');
    expect(byOriginal.get('invoice\u202Etxt.pdf')).toBe('invoicetxt.pdf');
    expect(byOriginal.get(' trailing dots... .pdf')).toBe('trailing dots.pdf');
    const long = byOriginal.get(`${'x'.repeat(250)}.pdf`)!;
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('fails a dropped file that vanishes or changes before it is uploaded, attaching nothing', async () => {
    desk = await startDesk();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const caseId = `exc:${desk.sims.scenario.exceptions[0]!.id}`;
    const vanishing = write('vanishing.pdf', pdfDocument('V', ['soon gone']));
    const changing = write('changing.pdf', pdfDocument('C', ['first version']));
    const r = await desk.engine.documents.upload(caseId, [vanishing, changing]);
    expect(r.accepted).toHaveLength(2);
    rmSync(vanishing);
    writeFileSync(changing, pdfDocument('C', ['other version']));
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.sims.tradingGrid.sim.attachments.attachments.size).toBe(0);
    const listed = desk.engine.documents.list(caseId);
    expect(listed.map((d) => [d.name, d.state])).toEqual([
      ['vanishing.pdf', 'failed'],
      ['changing.pdf', 'failed'],
    ]);
    expect(listed[0]?.error).toMatch(/no longer exists/);
    expect(listed[1]?.error).toMatch(/changed after it was dropped/);
    expect(desk.engine.outbox.counts()).toMatchObject({ pending: 0, dead: 0 });
    // Dropping the current version again attaches it.
    const again = await desk.engine.documents.upload(caseId, [changing]);
    expect(again.accepted).toHaveLength(1);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.sims.tradingGrid.sim.attachments.attachments.size).toBe(1);
  });

  it('refuses an xConnector document whose bytes do not match its fingerprint', async () => {
    desk = await startDesk({ sim: { xconnector: { disputes: 1 } } });
    const docs = desk.sims.xconnector.sim.documents;
    const doc = docs.all()[0]!;
    const tampered = Buffer.from(docs.content(doc.id)!);
    tampered.write('tampered', tampered.length - 20, 'latin1');
    docs.corrupt(doc.id, tampered);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const caseId = `exc:${doc.exceptionId}`;
    const listed = desk.engine.documents.list(caseId).find((d) => d.sha256 === doc.sha256)!;
    expect(listed.state).toBe('failed');
    expect(listed.error).toMatch(/do not match its declared size and SHA-256 fingerprint/);
    expect(desk.sims.tradingGrid.sim.attachments.findAttachments(`pd:doc:${caseId}:${doc.sha256}`)).toEqual(
      [],
    );
    expect(
      desk.engine.cases
        .timeline(caseId)
        .some((e) => /was not attached: The bytes xConnector sent/.test(e.summary)),
    ).toBe(true);
  });

  it('waits for the partner of a disputed exception to be known, then attaches its documents', async () => {
    desk = await startDesk({ sim: { unknownPartnerExceptions: 1 } });
    const exceptionId = desk.sims.scenario.exceptions.find((e) =>
      desk!.sims.scenario.unknownPartnerIds.includes(e.partnerId),
    )!.id;
    const docs = desk.sims.xconnector.sim.documents.openDispute(exceptionId);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const waiting = desk.engine.quarantine
      .open({ reasonKind: 'unknown_partner' })
      .filter((q) => q.feed === 'xc.documents');
    expect(waiting.map((q) => q.itemId).sort()).toEqual(docs.map((d) => d.id).sort());
    expect(waiting[0]?.reason).toMatch(
      /has no case in Partner Desk yet\. It will be attached once the case exists/,
    );

    const partnerId = desk.sims.scenario.unknownPartnerIds[0]!;
    const partner = desk.sims.xconnector.sim.state.addPartner();
    desk.sims.xconnector.sim.state.partners.put(partnerId, { ...partner, id: partnerId });
    desk.sims.tradingGrid.sim.addCommunity(partner);
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    expect(desk.engine.quarantine.open({ reasonKind: 'unknown_partner' })).toEqual([]);
    expectEveryDisputeDocumentAttachedOnce(desk);
  });

  it('serves the window: documents:upload, upload:progress events and the case view', async () => {
    desk = await startDesk();
    await desk.engine.runUntilIdle({ timeoutMs: 30_000 });
    const events: EventChannels['upload:progress'][] = [];
    const changed: string[] = [];
    const service = createDeskService({
      engine: desk.engine,
      appInfo: { version: 'test', mode: 'demo', platform: 'linux' },
      settings: {
        view: async () => ({
          settings: {},
          credentialsStored: { 'xconnector.apiKey': true, 'tradingGrid.clientSecret': true },
          recovered: null,
        }),
        update: async () => ({ ok: true }),
      },
      credentials: { set: async () => {} },
      emit: (event, payload) => {
        if (event === 'upload:progress') events.push(payload as EventChannels['upload:progress']);
        if (event === 'engine:caseChanged') changed.push((payload as { caseId: string }).caseId);
      },
    });
    try {
      const caseId = `exc:${desk.sims.scenario.exceptions[1]!.id}`;
      const result = (await service.invoke('documents:upload', {
        caseId,
        paths: [write('pod.png', pngImage(9)), write('virus.exe', Buffer.from('MZ'))],
      })) as UploadResult;
      expect(result.accepted.map((a) => a.name)).toEqual(['pod.png']);
      expect(result.refused).toEqual([
        {
          name: 'virus.exe',
          reason: expect.stringMatching(/\.exe are not accepted/),
          uploadId: expect.any(String),
        },
      ]);
      await expect(service.invoke('documents:upload', { caseId, paths: [] })).rejects.toThrow(
        /Invalid arguments for documents:upload/,
      );
      await desk.engine.runUntilIdle({ timeoutMs: 30_000 });

      const uploadId = result.accepted[0]!.uploadId;
      expect(events.filter((e) => e.uploadId === uploadId).map((e) => e.state)).toEqual(
        expect.arrayContaining(['queued', 'uploading', 'attached']),
      );
      expect(events.find((e) => e.uploadId === result.refused[0]!.uploadId)).toMatchObject({
        state: 'refused',
        name: 'virus.exe',
      });
      expect(changed).toContain(caseId);
      const detail = (await service.invoke('cases:get', { caseId })) as CaseDetail;
      expect(detail.documents).toEqual([
        expect.objectContaining({
          id: uploadId,
          name: 'pod.png',
          originalName: 'pod.png',
          state: 'attached',
          source: 'desk',
          contentType: 'image/png',
        }),
      ]);
      expect(detail.timeline.find((e) => e.kind === 'document')).toMatchObject({
        origin: 'desk',
        summary: expect.stringMatching(
          /^"pod\.png" \(.*\) attached to Trading Grid issue ISS-\d+ from the desk$/,
        ),
      });
    } finally {
      service.dispose();
    }
  });
});
