// Starts engineChild.ts against running simulators and, when asked, kills it with SIGKILL a given
// time after it reports READY. Shared by the crash test and the chaos suite.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RunningSimulators } from '../../electron/simulators/index.ts';
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';

const CHILD = join(import.meta.dirname, 'engineChild.ts');

export interface EngineChildOptions {
  sims: RunningSimulators;
  dataDir: string;
  /** Merged over the child's own settings. */
  settings?: Partial<EngineSettingsInput>;
  /** The child runs on the time in this file (movableClock.ts). */
  clockFile?: string;
  /** 'drain' syncs the backlog and exits; 'live' runs until killed. */
  mode?: 'drain' | 'live';
  /** SIGKILL this many ms after READY; null lets the child finish on its own. */
  killAfterReadyMs: number | null;
  /** Files a person drops on cases once the engine runs (see engineChild.ts). */
  drops?: readonly { caseId: string; path: string }[];
  /** Replies a person writes to partners at the desk (see engineChild.ts). */
  replies?: readonly { caseId: string; text: string }[];
  /** Also SIGKILL as soon as this turns true (looked at every 2 ms after READY), e.g. right after a write lands. */
  killWhen?: () => boolean;
  /** Start flow 6's full reconcile at once (see engineChild.ts). */
  reconcile?: boolean;
}

export interface EngineChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export function runEngineChild(o: EngineChildOptions): Promise<EngineChildExit> {
  const { sims } = o;
  const proc = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', CHILD], {
    env: {
      ...process.env,
      PD_DATA: o.dataDir,
      PD_XC_URL: sims.xconnector.url,
      PD_TG_URL: sims.tradingGrid.url,
      PD_TG_CLIENT_ID: sims.credentials.tradingGridClientId,
      PD_XC_KEY: sims.credentials.xconnectorApiKey,
      PD_TG_SECRET: sims.credentials.tradingGridClientSecret,
      PD_MODE: o.mode ?? 'drain',
      ...(o.settings ? { PD_SETTINGS: JSON.stringify(o.settings) } : {}),
      ...(o.clockFile ? { PD_CLOCK_FILE: o.clockFile } : {}),
      ...(o.drops?.length ? { PD_DROPS: JSON.stringify(o.drops) } : {}),
      ...(o.replies?.length ? { PD_REPLIES: JSON.stringify(o.replies) } : {}),
      ...(o.reconcile ? { PD_RECONCILE: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let killAfter = o.killAfterReadyMs;
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (killAfter !== null && out.includes('READY')) {
      const delay = killAfter;
      killAfter = null;
      const timer = setTimeout(() => proc.kill('SIGKILL'), delay);
      const watch = o.killWhen;
      if (watch) {
        const poll = setInterval(() => watch() && proc.kill('SIGKILL'), 2);
        proc.once('exit', () => clearInterval(poll));
      }
      proc.once('exit', () => clearTimeout(timer));
    }
  });
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal, out, err })));
}

/** The JSON line a draining child prints before it exits. */
export function drainSummary(exit: EngineChildExit): {
  done: boolean;
  stats: Record<string, number>;
  outbox: Record<string, number>;
} {
  return JSON.parse(exit.out.split('\n').find((l) => l.startsWith('{')) ?? '{}') as ReturnType<
    typeof drainSummary
  >;
}
