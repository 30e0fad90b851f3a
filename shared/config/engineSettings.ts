// Everything the engine can be told, with defaults. Secrets are NOT here: settings name the keychain
// entry a secret lives under, and the engine asks its credential source for it when it needs it.
import { z } from 'zod';
import { Mappings } from './mappings.ts';
import { DocumentSettings } from './documentSettings.ts';
import { ReferenceDataSettings } from './referenceDataSettings.ts';
import { SlaSettings } from './slaPolicies.ts';

export const HttpPolicy = z.object({
  timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  /** Requests in flight at once to this system. */
  concurrency: z.number().int().min(1).max(64).default(8),
  /** Token bucket: sustained requests per second and burst size. */
  ratePerSecond: z.number().min(0.1).max(10_000).default(50),
  burst: z.number().int().min(1).max(10_000).default(50),
  /** Retries of one request inside the HTTP client (the outbox retries further, across restarts). */
  maxRetries: z.number().int().min(0).max(10).default(3),
  backoffBaseMs: z.number().int().min(1).max(60_000).default(200),
  backoffMaxMs: z.number().int().min(10).max(600_000).default(20_000),
});
export type HttpPolicy = z.infer<typeof HttpPolicy>;

export const SecretName = z.string().regex(/^[a-zA-Z0-9._:-]{1,128}$/);

export const EngineSettings = z.object({
  xconnector: z.object({
    baseUrl: z.url({ protocol: /^https?$/ }),
    apiKeySecret: SecretName.default('xconnector.apiKey'),
    http: HttpPolicy.prefault({}),
  }),
  tradingGrid: z.object({
    baseUrl: z.url({ protocol: /^https?$/ }),
    clientId: z.string().min(1).max(256),
    clientSecretSecret: SecretName.default('tradingGrid.clientSecret'),
    http: HttpPolicy.prefault({}),
  }),
  poll: z
    .object({
      xconnectorIntervalMs: z.number().int().min(250).max(3_600_000).default(15_000),
      tradingGridIntervalMs: z.number().int().min(250).max(3_600_000).default(60_000),
      pageSize: z.number().int().min(1).max(1000).default(200),
    })
    .prefault({}),
  outbox: z
    .object({
      /** Attempts before an entry moves to the dead-letter list. */
      maxAttempts: z.number().int().min(1).max(100).default(8),
      retryBaseMs: z.number().int().min(10).max(600_000).default(1_000),
      retryMaxMs: z.number().int().min(100).max(86_400_000).default(300_000),
      /** Entries delivered concurrently (never two of the same ordering key). */
      concurrency: z.number().int().min(1).max(64).default(8),
    })
    .prefault({}),
  /** After a system refuses our credentials, wait this long before trying again (unless they change). */
  authRetryMs: z.number().int().min(1000).max(86_400_000).default(300_000),
  mappings: Mappings.prefault({}),
  /** Dispute documents (flow 2): recognised file types, upload chunking, the assumed attachment policy. */
  documents: DocumentSettings.prefault({}),
  /** Flow 6: the periodic full reconcile of Trading Grid's reference-data directory. */
  referenceData: ReferenceDataSettings.prefault({}),
  /** SLA policies, business-hours calendars and the escalation ladder (flow 8). */
  sla: SlaSettings.prefault({}),
});
export type EngineSettings = z.infer<typeof EngineSettings>;
export type EngineSettingsInput = z.input<typeof EngineSettings>;
