// `npm run demo`: both simulators and the engine on a data folder, printing each action as it happens.
// `npm run demo -- --once --json` syncs the current backlog, prints one JSON line of counts and exits.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startSimulators } from '../simulators/index.ts';
import { createEngine } from '../engine/engine.ts';
import { startEngineOrExit } from './startFailure.ts';
import { memoryCredentialSource } from '../connectors/credentialSource.ts';
import { printEngineActivity } from './demoPrinter.ts';
import { createSecretScrubber } from '../logging/secretScrubber.ts';
import { createLogger } from '../logging/logger.ts';
import { DEMO_SLA_SETTINGS } from '../sla/demoSlaSettings.ts';
import { DEMO_INTERNAL_CASES, DEMO_ISSUE_FEED } from './demoCaseSync.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '.data/demo' },
    once: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    partners: { type: 'string', default: '12' },
    exceptions: { type: 'string', default: '40' },
    transactions: { type: 'string', default: '200' },
    'unknown-partners': { type: 'string', default: '2' },
    disputes: { type: 'string', default: '6' },
    'activity-ms': { type: 'string', default: '4000' },
    'timeout-ms': { type: 'string', default: '120000' },
  },
  strict: true,
});

function int(name: keyof typeof args): number {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${String(args[name])}"`);
    process.exit(2);
  }
  return n;
}

const out = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
const dataDir = resolve(args.data);
const sims = await startSimulators({
  seed: int('seed'),
  partners: int('partners'),
  exceptions: int('exceptions'),
  transactions: int('transactions'),
  unknownPartnerExceptions: int('unknown-partners'),
  // Exceptions that are disputes from the start, with their supporting documents (flow 2).
  xconnector: { disputes: int('disputes'), internalCases: DEMO_INTERNAL_CASES },
  // Internal cases, and issues partners opened themselves (flows 4, 5, 7).
  tradingGrid: { issueFeed: DEMO_ISSUE_FEED },
});
const scrubber = createSecretScrubber();
const credentials = memoryCredentialSource({
  'xconnector.apiKey': sims.credentials.xconnectorApiKey,
  'tradingGrid.clientSecret': sims.credentials.tradingGridClientSecret,
});
const engine = await startEngineOrExit(sims, () =>
  createEngine({
    dataDir,
    settings: {
      xconnector: { baseUrl: sims.xconnector.url },
      tradingGrid: { baseUrl: sims.tradingGrid.url, clientId: sims.credentials.tradingGridClientId },
      poll: { xconnectorIntervalMs: 2000, tradingGridIntervalMs: 5000 },
      outbox: { retryBaseMs: 200, retryMaxMs: 5000 },
      sla: DEMO_SLA_SETTINGS,
    },
    credentials,
    notifier: {
      notify: async (n) => {
        out(`🔔 ${n.title} — ${n.body}`);
      },
    },
    scrubber,
    logger: createLogger({ scrubber, level: 'warn', write: (l) => process.stderr.write(l) }),
  }),
);
printEngineActivity(engine, out);
out(
  `Partner Desk demo: xConnector simulator ${sims.xconnector.url}, Trading Grid simulator ${sims.tradingGrid.url}, data in ${dataDir}`,
);

async function shutdown(code: number): Promise<never> {
  await engine.close();
  await sims.close();
  process.exit(code);
}

if (args.once) {
  const result = await engine.runUntilIdle({ timeoutMs: int('timeout-ms') });
  const s = result.stats;
  const summary = {
    idle: result.idle,
    ...s,
    outbox: engine.outbox.counts(),
    quarantinedTotal: engine.quarantine.count(),
    cases: engine.cases.count(),
  };
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else
    out(
      `Synced: ${s.issuesCreated} issues created, ${s.alertsRaised} alerts raised, ${s.quarantined} quarantined, ${s.deadLettered} dead-lettered.`,
    );
  if (!result.idle)
    out('The backlog did not drain before the time-out: see the retries and dead letters above.');
  await shutdown(result.idle ? 0 : 1);
} else {
  engine.start();
  sims.xconnector.sim.startActivity(int('activity-ms'));
  sims.tradingGrid.sim.issueFeed.startActivity(int('activity-ms') * 2);
  out('Syncing. New exceptions and failed transactions appear over time. Press Ctrl-C to stop.');
  const stop = () => {
    out('Stopping…');
    sims.xconnector.sim.stopActivity();
    sims.tradingGrid.sim.issueFeed.stopActivity();
    void shutdown(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
