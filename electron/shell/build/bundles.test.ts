// The shell's build output, checked without the Electron binary: the preload is one CommonJS script
// that needs nothing but 'electron' and exposes exactly window.partnerDesk; the engine host bundle runs
// (in Node, as a utility process would) and serves the demo desk; the main bundle imports only Electron,
// Node built-ins and the app's production dependencies.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, ROOT } from '../../../scripts/buildApp.ts';
import { createEngineClient } from '../engineHost/engineClient.ts';
import { defaultAppSettings } from '../../../shared/config/appSettings.ts';
import type { EngineChild } from '../engineHost/engineClient.ts';

let outDir: string;
let workDir: string;
beforeAll(async () => {
  // Inside the project, so the bundles' external packages resolve from its node_modules as in the app.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'pd-bundles-'));
  workDir = mkdtempSync(join(cache, 'pd-bundles-data-'));
  await buildApp({ outDir, renderer: false, log: () => {} });
}, 120_000);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

describe('build: the sandboxed preload', () => {
  it('runs as a plain script whose require knows only electron, and exposes exactly window.partnerDesk', async () => {
    const code = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    const exposed = new Map<string, Record<string, unknown>>();
    const sent: unknown[] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: async (channel: string, args: unknown) => {
          sent.push({ channel, args });
          return { ok: true, value: 'answered' };
        },
        on: () => {},
        removeListener: () => {},
      },
      webUtils: { getPathForFile: () => '/dropped/file.pdf' },
    };
    const requireOnlyElectron = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    runInNewContext(code, { require: requireOnlyElectron, module: { exports: {} }, exports: {}, console });
    expect([...exposed.keys()]).toEqual(['partnerDesk']);
    const api = exposed.get('partnerDesk')!;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathsForDroppedFiles']);
    await expect((api.invoke as (c: string, a: unknown) => Promise<unknown>)('health:get', {})).resolves.toBe(
      'answered',
    );
    await expect((api.invoke as (c: string, a: unknown) => Promise<unknown>)('fs:read', {})).rejects.toThrow(
      /Unknown IPC channel/,
    );
    expect(sent).toEqual([{ channel: 'health:get', args: {} }]);
  });
});

describe('build: the main process bundle', () => {
  it('imports only electron, Node built-ins, its own chunks and production dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = (id: string) =>
      id === 'electron' ||
      id.startsWith('node:') ||
      id.startsWith('./chunks/') ||
      builtinModules.includes(id) ||
      Object.keys(pkg.dependencies).some((p) => id === p || id.startsWith(`${p}/`));
    for (const file of ['main.js', 'engineHost.js']) {
      const code = readFileSync(join(outDir, file), 'utf8');
      const imports = [
        ...code.matchAll(/^import\s[^'"]*["']([^"']+)["']/gm),
        ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ].map((m) => m[1]!);
      expect(imports.length, file).toBeGreaterThan(0);
      expect(
        imports.filter((id) => !allowed(id)),
        file,
      ).toEqual([]);
    }
    // The engine host never loads Electron's main-process modules (a utility process has none).
    expect(readFileSync(join(outDir, 'engineHost.js'), 'utf8')).not.toMatch(/from "electron"/);
  });
});

describe('build: the engine host bundle', () => {
  it('runs as a utility process would and serves the demo desk', async () => {
    const shim = fileURLToPath(new URL('./testing/utilityProcessShim.ts', import.meta.url));
    const spawn = (): EngineChild => {
      const child = fork(shim, [join(outDir, 'engineHost.js')], {
        serialization: 'advanced',
        execArgv: ['--disable-warning=ExperimentalWarning'],
        env: { ...process.env, PARTNER_DESK_LOG_LEVEL: 'error' },
      });
      return {
        endpoint: {
          post: (m) => void (child.connected && child.send(m as never)),
          onMessage: (l) => (child.on('message', l), () => child.off('message', l)),
        },
        onExit: (l) =>
          void child.once('exit', (code, signal) => l({ code, detail: signal ?? `exit code ${code}` })),
        kill: () => void child.kill('SIGKILL'),
      };
    };
    const client = createEngineClient({
      spawn,
      init: () => ({
        dataDir: workDir,
        settings: defaultAppSettings(),
        appInfo: { version: '0.0.0', mode: 'demo', platform: process.platform },
        demo: {
          partners: 3,
          exceptions: 5,
          transactions: 10,
          unknownPartnerExceptions: 0,
          activityIntervalMs: 0,
        },
      }),
      credential: async () => null,
      onEvent: () => {},
      onNotify: () => {},
      warn: () => {},
    });
    try {
      client.start();
      await client.whenReady();
      const deadline = Date.now() + 30_000;
      let total = 0;
      while (total < 5 && Date.now() < deadline) {
        total = ((await client.invoke('cases:list', { limit: 1, offset: 0 })) as { total: number }).total;
        if (total < 5) await new Promise((r) => setTimeout(r, 100));
      }
      expect(total).toBeGreaterThanOrEqual(5);
    } finally {
      await client.stop();
    }
  }, 60_000);
});
