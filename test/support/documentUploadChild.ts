// An engine in a process of its own that drops one file on a case and uploads it, so a test can kill it
// with SIGKILL in the middle of the upload. Configuration comes from the environment.
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
    outbox: { retryBaseMs: 10, retryMaxMs: 200, maxAttempts: 30 },
    documents: { chunkBytes: 4 * 1024 * 1024 },
  },
  credentials: memoryCredentialSource({
    'xconnector.apiKey': env('PD_XC_KEY'),
    'tradingGrid.clientSecret': env('PD_TG_SECRET'),
  }),
  notifier: { notify: async () => {} },
  logger: silentLogger(),
});
const dropped = await engine.documents.upload(env('PD_CASE'), [env('PD_FILE')]);
if (dropped.accepted.length !== 1)
  throw new Error(`the file was refused: ${JSON.stringify(dropped.refused)}`);
process.stdout.write('UPLOADING\n');
const result = await engine.runUntilIdle({ timeoutMs: 300_000 });
process.stdout.write(`${JSON.stringify({ done: result.idle })}\n`);
await engine.close();
