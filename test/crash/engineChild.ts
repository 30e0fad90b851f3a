// The engine in a process of its own, so the crash test can kill it with SIGKILL at any moment.
// Configuration comes from the environment (the parent test owns the simulators).
import { createEngine } from '../../electron/engine/engine.ts';
import { memoryCredentialSource } from '../../electron/connectors/credentialSource.ts';
import { silentLogger } from '../../electron/logging/logger.ts';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

const engine = createEngine({
  dataDir: env('PD_DATA'),
  settings: {
    xconnector: { baseUrl: env('PD_XC_URL'), http: { backoffBaseMs: 5, backoffMaxMs: 50 } },
    tradingGrid: {
      baseUrl: env('PD_TG_URL'),
      clientId: env('PD_TG_CLIENT_ID'),
      http: { backoffBaseMs: 5, backoffMaxMs: 50 },
    },
    poll: { pageSize: 200 },
    outbox: { retryBaseMs: 10, retryMaxMs: 200, maxAttempts: 50, concurrency: 8 },
  },
  credentials: memoryCredentialSource({
    'xconnector.apiKey': env('PD_XC_KEY'),
    'tradingGrid.clientSecret': env('PD_TG_SECRET'),
  }),
  notifier: { notify: async () => {} },
  logger: silentLogger(),
});
process.stdout.write('READY\n');
const result = await engine.runUntilIdle({ timeoutMs: 300_000 });
process.stdout.write(
  `${JSON.stringify({ done: result.idle, stats: result.stats, outbox: engine.outbox.counts() })}\n`,
);
await engine.close();
process.exit(result.idle ? 0 : 1);
