// Flow 2 with large files over real HTTP: a dropped file of hundreds of megabytes streams through
// with flat memory, and an upload broken off (a killed engine, cut connections) continues from the
// offset Trading Grid holds instead of starting over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { startDesk, type TestDesk } from '../support/desk.ts';
import type { DocumentProgress } from '../../electron/documents/documentEvents.ts';

const MB = 1024 * 1024;
let desk: TestDesk | undefined;
let files: string;
beforeEach(() => {
  files = mkdtempSync(join(tmpdir(), 'pd-large-'));
});
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  rmSync(files, { recursive: true, force: true });
});

/** Writes `megabytes` of incompressible bytes behind a PDF header; returns the path and its SHA-256. */
async function largePdf(
  name: string,
  megabytes: number,
): Promise<{ path: string; sha256: string; size: number }> {
  const path = join(files, name);
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  const block = randomBytes(MB);
  for (let i = 0; i < megabytes; i++) {
    const chunk = i === 0 ? Buffer.concat([Buffer.from('%PDF-1.7\n'), block.subarray(9)]) : block;
    // Each block differs, so a chunk sent at the wrong offset could never hash right.
    if (i > 0) chunk.writeUInt32BE(i, 0);
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, sha256: hash.digest('hex'), size: megabytes * MB };
}

async function linkedCase(d: TestDesk): Promise<string> {
  await d.engine.runUntilIdle({ timeoutMs: 30_000 });
  const caseId = `exc:${d.sims.scenario.exceptions[0]!.id}`;
  expect(d.engine.cases.get(caseId)?.tgIssueId).toBeTruthy();
  return caseId;
}

describe('flow 2: large dispute documents', () => {
  it(
    'streams a 300 MB file to Trading Grid with memory staying far below its size',
    { timeout: 180_000 },
    async () => {
      desk = await startDesk({ sim: { exceptions: 3, transactions: 5 } });
      const caseId = await linkedCase(desk);
      const file = await largePdf('warehouse scan.pdf', 300);

      const base = process.memoryUsage();
      let peakRss = base.rss;
      let peakHeap = base.heapUsed;
      let peakBuffers = base.arrayBuffers;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
      }, 10);
      const progress: DocumentProgress[] = [];
      desk.engine.on('documentProgress', (p) => void progress.push(p));
      try {
        const r = await desk.engine.documents.upload(caseId, [file.path]);
        expect(r.accepted).toEqual([
          { uploadId: expect.any(String), name: 'warehouse scan.pdf', sizeBytes: file.size },
        ]);
        const result = await desk.engine.runUntilIdle({ timeoutMs: 150_000 });
        expect(result.idle).toBe(true);
        expect(result.stats.documentsAttached).toBe(1);
      } finally {
        clearInterval(sampler);
      }
      const grew = {
        rss: peakRss - base.rss,
        heap: peakHeap - base.heapUsed,
        buffers: peakBuffers - base.arrayBuffers,
      };
      console.log(
        `300 MB upload: memory grew by rss ${(grew.rss / MB).toFixed(1)} MB, heap ${(grew.heap / MB).toFixed(1)} MB, buffers ${(grew.buffers / MB).toFixed(1)} MB`,
      );
      // Bounded by what the streams hold in flight plus garbage V8 has not collected yet (it collects
      // external buffers about every 64 MB), never by the file: a 300 MB file must not move it near 300 MB.
      expect(grew.rss, 'resident memory growth').toBeLessThan(120 * MB);
      expect(grew.heap + grew.buffers, 'heap and buffer growth').toBeLessThan(96 * MB);

      const attached = [...desk.sims.tradingGrid.sim.attachments.attachments.values()];
      expect(attached).toHaveLength(1);
      expect(attached[0]).toMatchObject({
        sha256: file.sha256,
        sizeBytes: file.size,
        name: 'warehouse scan.pdf',
      });
      const uploading = progress.filter((p) => p.state === 'uploading');
      expect(uploading.length, 'progress was reported along the way').toBeGreaterThan(5);
      expect(uploading.map((p) => p.sentBytes)).toEqual(
        [...uploading.map((p) => p.sentBytes)].sort((a, b) => a - b),
      );
      expect(progress.at(-1)).toMatchObject({
        state: 'attached',
        sentBytes: file.size,
        totalBytes: file.size,
      });
    },
  );

  it(
    'continues from the offset Trading Grid holds when connections are cut mid-chunk',
    { timeout: 120_000 },
    async () => {
      desk = await startDesk({
        sim: {
          exceptions: 3,
          transactions: 5,
          faults: { tradingGrid: { 'tg.uploadChunk': { lostResponseRate: 0.2, resetRate: 0.1 } } },
        },
        settings: { documents: { chunkBytes: 2 * MB, chunkRetryBaseMs: 10 } },
      });
      const caseId = await linkedCase(desk);
      const file = await largePdf('pallet photos.pdf', 40);
      desk.sims.tradingGrid.sim.attachments.updateSettings({ midBodyResetRate: 0.3 });
      const r = await desk.engine.documents.upload(caseId, [file.path]);
      expect(r.accepted).toHaveLength(1);
      const result = await desk.engine.runUntilIdle({ timeoutMs: 100_000 });
      expect(result.idle).toBe(true);
      const tg = desk.sims.tradingGrid.sim.attachments;
      expect(tg.midBodyResets, 'uploads were cut mid-body').toBeGreaterThan(0);
      const [attachment, ...more] = [...tg.attachments.values()];
      expect(more).toEqual([]);
      expect(attachment).toMatchObject({ sha256: file.sha256, sizeBytes: file.size });
      // Resuming from the session's offset means every byte reached Trading Grid exactly once.
      const history = tg.sessionHistory(attachment!.correlationRef);
      expect(history).toHaveLength(1);
      expect(history[0]!.chunks.reduce((n, c) => n + c.bytes, 0)).toBe(file.size);
      expect(history[0]!.chunks.some((c) => c.cut)).toBe(true);
    },
  );

  it(
    'resumes an upload from its offset after the engine is killed mid-upload',
    { timeout: 180_000 },
    async () => {
      desk = await startDesk({ sim: { exceptions: 3, transactions: 5 } });
      const caseId = await linkedCase(desk);
      await desk.engine.close();
      const file = await largePdf('container survey.pdf', 48);
      const tg = desk.sims.tradingGrid.sim.attachments;
      // Slow enough that the kill lands in the middle of the upload.
      tg.updateSettings({ receiveBytesPerSecond: 12 * MB });

      const child = spawn(
        process.execPath,
        [
          '--disable-warning=ExperimentalWarning',
          join(import.meta.dirname, '../support/documentUploadChild.ts'),
        ],
        {
          env: {
            ...process.env,
            PD_DATA: desk.dataDir,
            PD_XC_URL: desk.sims.xconnector.url,
            PD_TG_URL: desk.sims.tradingGrid.url,
            PD_TG_CLIENT_ID: desk.sims.credentials.tradingGridClientId,
            PD_XC_KEY: desk.sims.credentials.xconnectorApiKey,
            PD_TG_SECRET: desk.sims.credentials.tradingGridClientSecret,
            PD_CASE: caseId,
            PD_FILE: file.path,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = once(child, 'exit');
      const ref = (): string | undefined =>
        tg.findSessions(`pd:doc:${caseId}:${file.sha256}`)[0]?.correlationRef;
      // Kill it once Trading Grid holds a good part of the file, but not all of it.
      const killedAt = await new Promise<number>((resolve, reject) => {
        const timer = setInterval(() => {
          const s = ref() ? tg.findSessions(ref()!)[0] : undefined;
          if (s && s.receivedBytes >= 16 * MB) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve(s.receivedBytes);
          }
        }, 5);
        void exited.then(() => {
          clearInterval(timer);
          reject(new Error(`the upload child exited before it was killed: ${stderr}`));
        });
      });
      await exited;
      expect(killedAt).toBeLessThan(file.size);

      tg.updateSettings({ receiveBytesPerSecond: null });
      const engine = await desk.restart();
      const progress: DocumentProgress[] = [];
      engine.on('documentProgress', (p) => void progress.push(p));
      const result = await engine.runUntilIdle({ timeoutMs: 100_000 });
      expect(result.idle).toBe(true);

      const [attachment, ...more] = [...tg.attachments.values()];
      expect(more).toEqual([]);
      expect(attachment).toMatchObject({ sha256: file.sha256, sizeBytes: file.size });
      const history = tg.sessionHistory(attachment!.correlationRef);
      expect(history, 'the restarted engine continued the same session').toHaveLength(1);
      const chunks = history[0]!.chunks;
      const resumedAt = chunks.find((c) => c.start >= killedAt)!.start;
      expect(resumedAt, 'the restarted engine began at the offset Trading Grid held').toBeGreaterThanOrEqual(
        killedAt,
      );
      expect(
        chunks.reduce((n, c) => n + c.bytes, 0),
        'no byte was sent twice',
      ).toBe(file.size);
      expect(progress.find((p) => p.state === 'uploading')!.sentBytes).toBeGreaterThanOrEqual(killedAt);
      expect(engine.documents.list(caseId)[0]).toMatchObject({
        state: 'attached',
        sessionId: history[0]!.session.id,
      });
    },
  );
});
