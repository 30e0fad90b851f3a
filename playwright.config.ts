// End-to-end tests: the renderer build in Debian's Chromium, `window.partnerDesk` bridged to a real
// engine with both simulators (test/e2e/bridge). The web server step builds the renderer once with Vite
// and starts the bridge; the Electron-binary spec (test/e2e/electron.spec.ts) skips itself where there
// is no Electron. Playwright's own browser downloads are never used.
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './test/e2e/chromiumLaunch.ts';
// A free port, chosen once by the runner; the workers load this file again and inherit it from the env.
process.env.PD_E2E_PORT ??= String(await freePort());
const PORT = Number(process.env.PD_E2E_PORT);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

if (!existsSync(CHROMIUM)) {
  throw new Error(
    `The end-to-end tests run in the system Chromium at ${CHROMIUM}, and it is not installed. ` +
      'Run `npm run setup` (it installs the chromium package) or `sudo apt-get install chromium`, ' +
      'or point PD_CHROMIUM at a Chromium binary. (Do not run `npx playwright install`: the suite uses the system browser.)',
  );
}

// The same Node that runs Playwright (Node 24 from node_modules) runs Vite and the bridge.
const node = JSON.stringify(process.execPath);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Two cores: one browser at a time, and the bridge's engine gets the other core.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  globalTimeout: 10 * 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    trace: 'off',
    video: 'off',
    screenshot: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        launchOptions: {
          executablePath: CHROMIUM,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // The bridge builds the renderer (vite.config.ts) into a private temporary folder first, so a
    // developer's `vite build` running at the same time cannot swap the files under a test.
    command: `${node} --disable-warning=ExperimentalWarning test/e2e/bridge/bridgeServer.ts --build --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/__bridge/api.js`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
