// Where the Electron binary is, and getting it when it is missing. The electron npm package downloads
// its binary in a postinstall step (from GitHub, or ELECTRON_MIRROR); when that step was skipped or
// failed, `install-electron` (node_modules/electron/install.js) fetches it again.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './buildApp.ts';

const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');

export function electronVersion(): string {
  return (JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** The installed binary for this platform, or null. */
export function electronBinaryPath(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    );
    return existsSync(p) ? p : null;
  }
  try {
    const relative = readFileSync(join(ELECTRON_DIR, 'path.txt'), 'utf8').trim();
    const installed = readFileSync(join(ELECTRON_DIR, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    const binary = join(ELECTRON_DIR, 'dist', relative);
    return installed === electronVersion() && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export type InstallOutcome = { ok: true; path: string } | { ok: false; reason: string };

/** Runs install-electron; on failure, the reason is the installer's last words. */
export function installElectronBinary(timeoutMs = 10 * 60_000): InstallOutcome {
  const run = spawnSync(process.execPath, [join(ELECTRON_DIR, 'install.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const path = electronBinaryPath();
  if (run.status === 0 && path) return { ok: true, path };
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim();
  // The installer's message without its stack trace.
  const lastLines = output
    .split('\n')
    .filter((line) => line.trim() && !/^\s*at\s/.test(line))
    .slice(0, 3)
    .join('\n    ');
  const reason = run.error
    ? run.error.message
    : lastLines || (run.signal ? `stopped by ${run.signal}` : `exit code ${String(run.status)}`);
  return { ok: false, reason };
}
