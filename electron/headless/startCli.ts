// `npm start`: makes sure the Electron binary is there, builds main, preload and renderer, and launches
// the desktop app. With no connection configured the app starts the built-in demo (both simulators), so
// a first run shows a living desk at once.
//   npm start -- --no-build      launch what was built last
//   npm start -- --user-data=DIR run on a data folder of your own (PARTNER_DESK_USER_DATA)
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, ROOT } from '../../scripts/buildApp.ts';
import { electronBinaryPath, electronVersion, installElectronBinary } from '../../scripts/electronBinary.ts';

const { values: args } = parseArgs({
  options: {
    build: { type: 'boolean', default: true },
    'user-data': { type: 'string' },
  },
  strict: true,
  allowNegative: true,
});

function fail(lines: string[]): never {
  console.error(`\n${lines.join('\n')}\n`);
  process.exit(1);
}

let binary = electronBinaryPath();
if (!binary) {
  console.log(
    `The Electron ${electronVersion()} binary is not installed; fetching it (npx install-electron)…`,
  );
  const installed = installElectronBinary();
  if (!installed.ok)
    fail([
      `Partner Desk cannot start: the Electron ${electronVersion()} binary is not installed, and downloading it failed:`,
      `    ${installed.reason}`,
      '',
      'The binary is downloaded from GitHub (or from ELECTRON_MIRROR if set). Where that is not reachable:',
      '  - point ELECTRON_MIRROR at a reachable mirror and run `npx install-electron`, then `npm start` again; or',
      '  - run `npm run demo` for the headless demo: both simulators and the sync engine, printing in this terminal.',
    ]);
  binary = installed.path;
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
  fail([
    'Partner Desk cannot start: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set).',
    'Start it from a desktop session, or under a virtual display: `xvfb-run npm start`.',
    'For the headless demo (no window), run `npm run demo`.',
  ]);

if (args.build) {
  try {
    await buildApp();
  } catch (error) {
    fail([`Partner Desk cannot start: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

const electronArgs = [ROOT];
// Chromium refuses to run as root with its sandbox on (containers, some CI). Only then, and said aloud:
// it turns the OS-level sandbox off for every renderer.
if (process.platform === 'linux' && process.getuid?.() === 0) {
  console.warn(
    'Running as root: starting Electron with --no-sandbox (Chromium requires it for root). Do not do this on a desk.',
  );
  electronArgs.push('--no-sandbox');
}
const env = { ...process.env };
// Set by some editors' terminals; it would make the binary behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
if (args['user-data']) env.PARTNER_DESK_USER_DATA = resolve(args['user-data']);

const child = spawn(binary, electronArgs, { stdio: 'inherit', env, cwd: ROOT });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('error', (error) => fail([`Partner Desk could not launch Electron (${binary}): ${error.message}`]));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
