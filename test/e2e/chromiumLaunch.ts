// The system Chromium the end-to-end suite and the renderer benchmark run in, and its flags: one place,
// so the benchmark measures the browser the tests check.
export const CHROMIUM = process.env.PD_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
