// The desktop app's settings, as stored in the settings file and edited in the Settings screen. Pure
// (zod only) so the main process, the renderer's forms and the tests validate with the same rules.
//
// Secrets are never settings: a key that looks like one (clientSecret, password, token, …) is refused
// with a message that says where it belongs. Settings only NAME the keychain entry a secret lives under.
import { z } from 'zod';
import { Mappings } from './mappings.ts';
import { SlaSettings } from './slaPolicies.ts';
import { DocumentSettings } from './documentSettings.ts';
import { SecretName } from './engineSettings.ts';
import type { EngineSettingsInput } from './engineSettings.ts';
// Strict objects (unknown keys refused, secrets turned away), shared with the sections' own files.
import { settingsObject, unknownKeyMessage } from './strictSettings.ts';
export { isSecretLookingKey } from './strictSettings.ts';

/** Bump with a new numbered migration in electron/shell/settings/migrations.ts. */
export const SETTINGS_SCHEMA_VERSION = 3;

const HttpUrl = z.url({
  protocol: /^https?$/,
  error: 'must be an http(s) address, e.g. https://xconnector.example.com',
});

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'use 24-hour HH:MM, e.g. 22:00' });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { error: 'not a known IANA time zone, e.g. Europe/Berlin or America/New_York' });

/** The zone the OS reports; quiet hours follow it until the user picks another one. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const Connections = settingsObject({
  /** demo: the built-in simulators with seeded data; live: the systems configured below. */
  mode: z.enum(['demo', 'live']).default('demo'),
  xconnector: settingsObject({
    baseUrl: HttpUrl.nullable().default(null),
    apiKeySecretName: SecretName.default('xconnector.apiKey'),
  }).prefault({}),
  tradingGrid: settingsObject({
    baseUrl: HttpUrl.nullable().default(null),
    clientId: z.string().trim().min(1).max(256).nullable().default(null),
    clientSecretName: SecretName.default('tradingGrid.clientSecret'),
  }).prefault({}),
}).superRefine((c, ctx) => {
  if (c.mode !== 'live') return;
  const required = 'required to connect in live mode';
  if (c.xconnector.baseUrl === null)
    ctx.addIssue({ code: 'custom', path: ['xconnector', 'baseUrl'], message: required });
  if (c.tradingGrid.baseUrl === null)
    ctx.addIssue({ code: 'custom', path: ['tradingGrid', 'baseUrl'], message: required });
  if (c.tradingGrid.clientId === null)
    ctx.addIssue({ code: 'custom', path: ['tradingGrid', 'clientId'], message: required });
});

const Poll = settingsObject({
  xconnectorIntervalMs: z.number().int().min(250).max(3_600_000).default(15_000),
  tradingGridIntervalMs: z.number().int().min(250).max(3_600_000).default(60_000),
});

export const QuietHours = settingsObject({
  enabled: z.boolean().default(false),
  start: ClockTime.default('22:00'),
  end: ClockTime.default('07:00'),
  timeZone: TimeZone.default(systemTimeZone),
}).refine((q) => !q.enabled || q.start !== q.end, {
  path: ['end'],
  error: 'quiet hours must end at a different time than they start',
});
export type QuietHours = z.infer<typeof QuietHours>;

export const NotificationSettings = settingsObject({
  enabled: z.boolean().default(true),
  kinds: settingsObject({
    transaction_failed: z.boolean().default(true),
    sla_warning: z.boolean().default(true),
    sla_breach: z.boolean().default(true),
  }).prefault({}),
  quietHours: QuietHours.prefault({}),
  /** At most `maxPerWindow` notifications in any `windowSeconds`; the rest are folded into summaries. */
  throttle: settingsObject({
    windowSeconds: z.number().int().min(10).max(3600).default(60),
    maxPerWindow: z.number().int().min(1).max(50).default(3),
  }).prefault({}),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const AppSettings = settingsObject({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION).default(SETTINGS_SCHEMA_VERSION),
  connections: Connections.prefault({}),
  poll: Poll.prefault({}),
  /** Field and status mappings, and case sync with its routing rules (flows 4, 5, 7). */
  mappings: Mappings.prefault({}),
  /** SLA policies, business-hours calendars and the escalation ladder (flow 8). */
  sla: SlaSettings.prefault({}),
  /** Dispute document limits: file types, upload chunking, the assumed attachment policy (flow 2). */
  documents: DocumentSettings.prefault({}),
  notifications: NotificationSettings.prefault({}),
  startAtLogin: z.boolean().default(false),
});
export type AppSettings = z.infer<typeof AppSettings>;
export type AppSettingsInput = z.input<typeof AppSettings>;

/** What a first run starts from: demo mode, notifications on, quiet hours off. */
export function defaultAppSettings(): AppSettings {
  return AppSettings.parse({});
}

/**
 * One line per problem, each starting with the field's path, e.g.
 * `connections.tradingGrid.clientSecret: settings never hold secrets: …` or
 * `poll.xconnectorIntervalMs: Too small: expected number to be >=250`.
 */
export function describeSettingsErrors(error: z.ZodError): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    const at = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${at ? `${at}.` : ''}${key}: ${unknownKeyMessage(key)}`);
    } else {
      lines.push(`${at || '(settings)'}: ${issue.message}`);
    }
  }
  return lines;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** Where the built-in demo's simulators are listening (known only once they have started). */
export interface DemoConnections {
  xconnectorUrl: string;
  tradingGridUrl: string;
  tradingGridClientId: string;
}

/**
 * The rules the engine syncs by, carried over whole from the app settings: mappings (with case sync and
 * routing), SLA policies and document limits. Kept apart so every place that builds an engine from app
 * settings (the desktop app, the browser bridge) carries the same parts, and the desktop app restarts
 * its engine when any of them changes.
 */
export function engineRulesFrom(
  settings: AppSettings,
): Pick<EngineSettingsInput, 'mappings' | 'sla' | 'documents'> {
  return { mappings: settings.mappings, sla: settings.sla, documents: settings.documents };
}

/**
 * The engine's settings for these app settings. In demo mode the connections point at the running
 * simulators; the secret names stay the configured ones (the shell files the simulators' made-up
 * credentials under them in an in-memory vault).
 */
export function engineSettingsFrom(settings: AppSettings, demo?: DemoConnections): EngineSettingsInput {
  const { connections: c } = settings;
  let xconnectorUrl: string | null;
  let tradingGridUrl: string | null;
  let clientId: string | null;
  if (c.mode === 'demo') {
    if (!demo) throw new TypeError('Demo mode needs the addresses of the running simulators');
    ({ xconnectorUrl, tradingGridUrl, tradingGridClientId: clientId } = demo);
  } else {
    xconnectorUrl = c.xconnector.baseUrl;
    tradingGridUrl = c.tradingGrid.baseUrl;
    clientId = c.tradingGrid.clientId;
  }
  // Unreachable for validated settings: live mode requires all three (see Connections).
  if (xconnectorUrl === null || tradingGridUrl === null || clientId === null)
    throw new TypeError('Live mode needs both base URLs and the Trading Grid client id');

  return {
    xconnector: { baseUrl: xconnectorUrl, apiKeySecret: c.xconnector.apiKeySecretName },
    tradingGrid: {
      baseUrl: tradingGridUrl,
      clientId,
      clientSecretSecret: c.tradingGrid.clientSecretName,
    },
    poll: {
      xconnectorIntervalMs: settings.poll.xconnectorIntervalMs,
      tradingGridIntervalMs: settings.poll.tradingGridIntervalMs,
    },
    ...engineRulesFrom(settings),
  };
}
