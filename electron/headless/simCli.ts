// `npm run sim`: both simulators on fixed ports with a seeded world, for pointing the desk (or curl) at.
// npm run sim -- --xc-port 4010 --tg-port 4020 --seed 42 --partners 20 --exceptions 200 --transactions 1000 --activity-ms 5000
// Prints the URLs and the simulators' own generated credentials (local test servers, nothing real).
import { parseArgs } from 'node:util';
import { startSimulators } from '../simulators/index.ts';

const { values: args } = parseArgs({
  options: {
    'xc-port': { type: 'string', default: '4010' },
    'tg-port': { type: 'string', default: '4020' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '42' },
    partners: { type: 'string', default: '20' },
    exceptions: { type: 'string', default: '200' },
    transactions: { type: 'string', default: '1000' },
    'failed-share': { type: 'string', default: '0.15' },
    'unknown-partner-exceptions': { type: 'string', default: '2' },
    'activity-ms': { type: 'string', default: '5000' },
    'token-ttl': { type: 'string', default: '3600' },
    'no-idempotency': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (args.help) {
  console.log(
    [
      'Usage: npm run sim -- [options]',
      '  --xc-port N       xConnector simulator port (default 4010; 0 = any free port)',
      '  --tg-port N       Trading Grid simulator port (default 4020)',
      '  --host H          interface to listen on (default 127.0.0.1)',
      '  --seed N --partners N --exceptions N --transactions N',
      '  --failed-share F  share of failed transactions, 0..1 (default 0.15)',
      '  --unknown-partner-exceptions N',
      '  --activity-ms N   generate new activity every N ms (0 = off, default 5000)',
      '  --token-ttl N     Trading Grid token lifetime in seconds (default 3600)',
      '  --no-idempotency  Trading Grid ignores Idempotency-Key (duplicates become possible)',
    ].join('\n'),
  );
  process.exit(0);
}

function num(
  name: keyof typeof args,
  { integer = true, min = 0, max = Number.MAX_SAFE_INTEGER } = {},
): number {
  const raw = args[name];
  const n = Number(raw);
  if (
    typeof raw !== 'string' ||
    raw.trim() === '' ||
    !Number.isFinite(n) ||
    (integer && !Number.isInteger(n)) ||
    n < min ||
    n > max
  ) {
    console.error(
      `--${name} must be a ${integer ? 'whole ' : ''}number between ${min} and ${max}, got "${String(raw)}"`,
    );
    process.exit(2);
  }
  return n;
}

const activityMs = num('activity-ms');
let sims: Awaited<ReturnType<typeof startSimulators>>;
try {
  sims = await startSimulators({
    host: args.host,
    xconnectorPort: num('xc-port', { max: 65535 }),
    tradingGridPort: num('tg-port', { max: 65535 }),
    seed: num('seed', { max: 2 ** 32 - 1 }),
    partners: num('partners', { min: 1 }),
    exceptions: num('exceptions'),
    transactions: num('transactions'),
    failedTransactionShare: num('failed-share', { integer: false, max: 1 }),
    unknownPartnerExceptions: num('unknown-partner-exceptions'),
    tokenTtlSeconds: num('token-ttl', { min: 1 }),
    honourIdempotencyKeys: !args['no-idempotency'],
    activityIntervalMs: activityMs > 0 ? activityMs : undefined,
  });
} catch (err) {
  console.error(`Could not start the simulators: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const s = sims.scenario;
console.log(
  `xConnector simulator    ${sims.xconnector.url}   (X-Api-Key: ${sims.credentials.xconnectorApiKey})`,
);
console.log(
  `Trading Grid simulator  ${sims.tradingGrid.url}   (client_id: ${sims.credentials.tradingGridClientId}, client_secret: ${sims.credentials.tradingGridClientSecret})`,
);
console.log(
  `World: seed ${s.options.seed}, ${s.partners.length} partners, ${s.exceptions.length} exceptions, ${s.transactions.length} transactions` +
    (activityMs > 0 ? `, new activity every ${activityMs} ms` : ''),
);
console.log(
  `Admin: GET ${sims.xconnector.url}/_sim/stats, PUT /_sim/faults, POST /_sim/activity, PUT /_sim/settings (on either server)`,
);
console.log('Press Ctrl-C to stop.');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the simulators…`);
  const timer = setTimeout(() => process.exit(1), 5_000);
  timer.unref();
  await sims.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
