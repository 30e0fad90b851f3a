// The engine's memory with N stored cases, beside the same engine on an empty store: each runs in a
// child process of its own (memoryChild.ts) so neither the simulators nor the benchmark count, and
// reports its RSS and JS heap after an idle poll cycle and the inbox's first page and counts.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { startSimulators } from '../../electron/simulators/index.ts';
import type { MemoryChildReport, MemoryChildRequest } from './memoryChild.ts';
import type { seededStoreTemplates } from './seedCases.ts';
import { figure, type Figure } from './figures.ts';

const CHILD = fileURLToPath(new URL('./memoryChild.ts', import.meta.url));

function runChild(request: MemoryChildRequest): Promise<MemoryChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, {
      execArgv: ['--expose-gc', '--disable-warning=ExperimentalWarning'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answered = false;
    child.once('message', (m: { ok: true; report: MemoryChildReport } | { ok: false; message: string }) => {
      answered = true;
      if (m.ok) resolve(m.report);
      else reject(new Error(`the measured engine failed: ${m.message}`));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`the measured engine exited with code ${code} before reporting`));
    });
    child.send(request);
  });
}

export async function memoryUse(
  cases: number,
  templates: ReturnType<typeof seededStoreTemplates>,
): Promise<{ full: MemoryChildReport; empty: MemoryChildReport }> {
  const sims = await startSimulators({ seed: 9, partners: 50, exceptions: 0, transactions: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-memory-'));
  const systems = {
    xconnectorUrl: sims.xconnector.url,
    tradingGridUrl: sims.tradingGrid.url,
    clientId: sims.credentials.tradingGridClientId,
    apiKey: sims.credentials.xconnectorApiKey,
    clientSecret: sims.credentials.tradingGridClientSecret,
  };
  try {
    const emptyDir = join(dir, 'empty');
    const empty = await runChild({ dataDir: emptyDir, systems });
    const fullDir = join(dir, 'full');
    templates.copyTo(join(fullDir, STORE_FILE), cases);
    const full = await runChild({ dataDir: fullDir, systems });
    if (full.cases !== cases) throw new Error(`the measured engine saw ${full.cases} cases, not ${cases}`);
    return { full, empty };
  } finally {
    await sims.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function memoryFigures(
  cases: number,
  templates: ReturnType<typeof seededStoreTemplates>,
): Promise<Figure[]> {
  const { full, empty } = await memoryUse(cases, templates);
  const size = new Intl.NumberFormat('en-US').format(cases);
  const after = "after an idle poll cycle and the inbox's first page";
  return [
    figure(`engine RSS with ${size} cases, ${after}`, full.rssMb, 'MB', {
      name: 'same engine, empty store',
      value: empty.rssMb,
    }),
    figure(`engine JS heap with ${size} cases, ${after}`, full.heapUsedMb, 'MB', {
      name: 'same engine, empty store',
      value: empty.heapUsedMb,
    }),
    figure(`engine peak RSS with ${size} cases`, full.peakRssMb, 'MB', {
      name: 'same engine, empty store',
      value: empty.peakRssMb,
    }),
  ];
}
