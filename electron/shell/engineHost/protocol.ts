// The messages between the main process and the sync engine's utility process, each a zod schema, so a
// message from the other side is parsed at the edge like any other untrusted input. Both sides run this
// module: main checks what the engine says (an engine bug must not crash the tray), the engine checks
// what main asks.
//
// main → host: init (once), invoke, credentialAnswer, credentialsChanged, shutdown
// host → main: ready | startFailed (once), answer, event, notify, credentialRequest, stopped
import { z } from 'zod';
import { AppSettings } from '../../../shared/config/appSettings.ts';
import { SecretName } from '../../../shared/config/engineSettings.ts';
import { EVENT_CHANNELS, type EventChannel } from '../../../shared/ipc/contract.ts';

const RequestId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const SystemName = z.enum(['xconnector', 'trading-grid']);
const Text = z.string().max(20_000);

/** The built-in demo's world: both simulators on a seeded scenario, with new activity every few seconds. */
export const DemoOptions = z.strictObject({
  seed: z.number().int().min(0).default(42),
  partners: z.number().int().min(1).max(500).default(12),
  exceptions: z.number().int().min(0).max(100_000).default(40),
  transactions: z.number().int().min(0).max(1_000_000).default(200),
  unknownPartnerExceptions: z.number().int().min(0).max(1000).default(2),
  /** New xConnector activity (exceptions, failed transactions) every this many ms; 0 = none. */
  activityIntervalMs: z.number().int().min(0).max(3_600_000).default(4_000),
  /** The demo polls faster than the live defaults, so its activity shows up within seconds. */
  poll: z
    .strictObject({
      xconnectorIntervalMs: z.number().int().min(250).max(3_600_000).default(2_000),
      tradingGridIntervalMs: z.number().int().min(250).max(3_600_000).default(5_000),
    })
    .prefault({}),
});
export type DemoOptions = z.infer<typeof DemoOptions>;

export const AppInfoMessage = z.strictObject({
  version: z.string().max(100),
  mode: z.enum(['demo', 'live']),
  platform: z.string().max(40),
});

export const InitMessage = z.strictObject({
  type: z.literal('init'),
  /** The app's data folder (userData); the host keeps live and demo databases in separate folders below. */
  dataDir: z.string().min(1).max(4096),
  settings: AppSettings,
  appInfo: AppInfoMessage,
  demo: DemoOptions.prefault({}),
  /** Sync was paused before this (re)start: the engine starts paused too. */
  paused: z.boolean().default(false),
});
export type InitMessage = z.infer<typeof InitMessage>;
/** What the main side supplies for an init; the type tag is added when it is sent. */
export type InitMessageInput = Omit<z.input<typeof InitMessage>, 'type'>;

export const MainToHost = z.discriminatedUnion('type', [
  InitMessage,
  z.strictObject({
    type: z.literal('invoke'),
    id: RequestId,
    channel: z.string().max(100),
    args: z.unknown(),
  }),
  z.strictObject({
    type: z.literal('credentialAnswer'),
    id: RequestId,
    ok: z.boolean(),
    value: z.string().max(10_000).nullable(),
    message: Text.nullable(),
  }),
  z.strictObject({ type: z.literal('credentialsChanged'), system: SystemName }),
  z.strictObject({ type: z.literal('shutdown') }),
]);
export type MainToHost = z.infer<typeof MainToHost>;

export const NotificationRequestMessage = z.strictObject({
  id: z.string().min(1).max(500),
  kind: z.enum(['transaction_failed', 'sla_warning', 'sla_breach', 'credentials']),
  partnerId: z.string().max(256).nullable(),
  partnerName: z.string().max(500).nullable(),
  title: z.string().max(500),
  body: z.string().max(5_000),
  target: z.string().max(500),
});

export const HostErrorKind = z.enum(['invalid_request', 'failed']);

export const HostToMain = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ready'),
    mode: z.enum(['demo', 'live']),
    simulators: z.strictObject({ xconnectorUrl: z.string(), tradingGridUrl: z.string() }).nullable(),
  }),
  z.strictObject({ type: z.literal('startFailed'), message: Text }),
  z.discriminatedUnion('ok', [
    z.strictObject({ type: z.literal('answer'), id: RequestId, ok: z.literal(true), value: z.unknown() }),
    z.strictObject({
      type: z.literal('answer'),
      id: RequestId,
      ok: z.literal(false),
      error: z.strictObject({ kind: HostErrorKind, message: Text }),
    }),
  ]),
  z.strictObject({
    type: z.literal('event'),
    channel: z.enum(EVENT_CHANNELS as [EventChannel, ...EventChannel[]]),
    payload: z.unknown(),
  }),
  z.strictObject({ type: z.literal('notify'), request: NotificationRequestMessage }),
  z.strictObject({ type: z.literal('credentialRequest'), id: RequestId, name: SecretName }),
  z.strictObject({ type: z.literal('stopped') }),
]);
export type HostToMain = z.infer<typeof HostToMain>;

export type Parsed<T> = { ok: true; message: T } | { ok: false; problem: string };

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): Parsed<T> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, message: r.data };
  const type = (raw as { type?: unknown } | null)?.type;
  const what = typeof type === 'string' ? `"${type.slice(0, 40)}" message` : 'message';
  return {
    ok: false,
    problem: `Malformed ${what}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
  };
}

export const parseMainToHost = (raw: unknown): Parsed<MainToHost> => parseWith(MainToHost, raw);
export const parseHostToMain = (raw: unknown): Parsed<HostToMain> => parseWith(HostToMain, raw);
