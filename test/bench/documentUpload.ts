// Flow 2 with a large file: one dropped file of N MB fingerprinted, streamed in chunks to the Trading
// Grid simulator and attached, through the engine over real HTTP. Reports the rate beside the rate of
// merely reading and hashing the same file, and the peak memory growth beside the file's size.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { startSimulators } from '../../electron/simulators/index.ts';
import { fingerprintFile } from '../../electron/documents/contentHash.ts';
import { benchEngine, targetOf } from './benchEngine.ts';

const MB = 1024 * 1024;

async function writeLargePdf(path: string, megabytes: number): Promise<void> {
  const out = createWriteStream(path);
  const block = randomBytes(MB);
  for (let i = 0; i < megabytes; i++) {
    const chunk =
      i === 0 ? Buffer.concat([Buffer.from('%PDF-1.7\n'), block.subarray(9)]) : Buffer.from(block);
    chunk.writeUInt32BE(i, 16);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function documentUpload(megabytes: number): Promise<{
  rate: number;
  hashRate: number;
  peakGrowthMb: number;
  attached: boolean;
}> {
  const sims = await startSimulators({
    seed: 5,
    partners: 2,
    exceptions: 1,
    transactions: 0,
    now: Date.UTC(2026, 0, 1),
  });
  sims.tradingGrid.sim.attachments.updateSettings({ maxBytes: 4 * 1024 * MB, keepContentBytes: 0 });
  const desk = benchEngine(targetOf(sims));
  const { engine } = desk;
  const file = join(desk.dataDir, 'large scan.pdf');
  try {
    await engine.runUntilIdle({ timeoutMs: 60_000 });
    const caseId = `exc:${sims.scenario.exceptions[0]!.id}`;
    await writeLargePdf(file, megabytes);

    let started = performance.now();
    await fingerprintFile(file);
    const hashRate = megabytes / ((performance.now() - started) / 1000);

    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    started = performance.now();
    const dropped = await engine.documents.upload(caseId, [file]);
    if (dropped.accepted.length !== 1) throw new Error(`refused: ${JSON.stringify(dropped.refused)}`);
    const result = await engine.runUntilIdle({ timeoutMs: 1_800_000 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    return {
      rate: megabytes / seconds,
      hashRate,
      peakGrowthMb: (peak - base) / MB,
      attached: result.idle && result.stats.documentsAttached === 1,
    };
  } finally {
    await desk.close();
    await sims.close();
  }
}
