// The engine in a process of its own, so the crash and chaos tests can kill it with SIGKILL at any
// moment. Configuration comes from the environment (the parent test owns the simulators):
//   PD_DATA, PD_XC_URL, PD_TG_URL, PD_TG_CLIENT_ID, PD_XC_KEY, PD_TG_SECRET   always
//   PD_SETTINGS     JSON merged over the settings below (a top-level section is merged one level deep)
//   PD_CLOCK_FILE   run on the time a driver moves forward (see movableClock.ts); system time if unset
//   PD_MODE         'drain' (default): sync the backlog, print one JSON line, exit 0 when idle;
//                   'live': run the engine's background loops until killed
//   PD_DROPS        JSON [{caseId, path}]: files a person drops on cases once the engine runs; each
//                   answer is printed as a line `DROPPED <json>`
//   PD_REPLIES      JSON [{caseId, text}]: replies a person writes to the partner at the desk; each
//                   answer is printed as a line `REPLIED <json>`
//   PD_RECONCILE    '1': start flow 6's full reconcile of Trading Grid's directory at once (before the
//                   drain, or beside the live loops), as the periodic one would once due
import { createEngine } from '../../electron/engine/engine.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { silentLogger } from '../../electron/logging/logger.ts';
import { fileClock } from './movableClock.ts';
import type { EngineSettingsInput } from '../../shared/config/engineSettings.ts';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const base: EngineSettingsInput = {
  xconnector: { baseUrl: env('PD_XC_URL'), http: { backoffBaseMs: 5, backoffMaxMs: 50 } },
  tradingGrid: {
    baseUrl: env('PD_TG_URL'),
    clientId: env('PD_TG_CLIENT_ID'),
    http: { backoffBaseMs: 5, backoffMaxMs: 50 },
  },
  poll: { pageSize: 200 },
  outbox: { retryBaseMs: 10, retryMaxMs: 200, maxAttempts: 50, concurrency: 8 },
};

function merged(over: Record<string, unknown>): EngineSettingsInput {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = out[key];
    out[key] =
      before && typeof before === 'object' && value && typeof value === 'object' && !Array.isArray(value)
        ? { ...before, ...value }
        : value;
  }
  return out as unknown as EngineSettingsInput;
}

const clockFile = process.env['PD_CLOCK_FILE'];
const engine = createEngine({
  dataDir: env('PD_DATA'),
  settings: merged(JSON.parse(process.env['PD_SETTINGS'] ?? '{}') as Record<string, unknown>),
  credentials: memoryCredentialSource({
    'xconnector.apiKey': env('PD_XC_KEY'),
    'tradingGrid.clientSecret': env('PD_TG_SECRET'),
  }),
  notifier: { notify: async () => {} },
  logger: silentLogger(),
  ...(clockFile ? { clock: fileClock(clockFile) } : {}),
});
process.stdout.write('READY\n');

/** Drops files on cases as a person would in the window, and says what the engine answered. */
async function dropFiles(): Promise<void> {
  const drops = JSON.parse(process.env['PD_DROPS'] ?? '[]') as { caseId: string; path: string }[];
  for (const d of drops) {
    const result = await engine.documents.upload(d.caseId, [d.path]);
    process.stdout.write(`DROPPED ${JSON.stringify({ ...d, result })}\n`);
  }
}

/** Replies to partners as a person would write them at the desk, and says what the engine answered. */
function writeReplies(): void {
  const replies = JSON.parse(process.env['PD_REPLIES'] ?? '[]') as { caseId: string; text: string }[];
  for (const r of replies) {
    const result = engine.replyToPartner(r.caseId, r.text);
    process.stdout.write(`REPLIED ${JSON.stringify({ ...r, result })}\n`);
  }
}

const reconcile = process.env['PD_RECONCILE'] === '1';
if (process.env['PD_MODE'] === 'live') {
  engine.start();
  // Killed at any moment like the rest; a failure the reconcile could not turn into a report ends the child.
  if (reconcile)
    engine.referenceData.reconcileNow().catch((error: unknown) => {
      process.stderr.write(`reconcile failed: ${String(error)}\n`);
      process.exit(1);
    });
  writeReplies();
  await dropFiles();
} else {
  writeReplies();
  await dropFiles();
  if (reconcile) await engine.referenceData.reconcileNow();
  const result = await engine.runUntilIdle({ timeoutMs: 300_000 });
  process.stdout.write(
    `${JSON.stringify({ done: result.idle, stats: result.stats, outbox: engine.outbox.counts() })}\n`,
  );
  await engine.close();
  process.exit(result.idle ? 0 : 1);
}
