// Every IPC call and event between the window and the main process, declared once. Both sides import
// this file: a renamed channel or a changed argument breaks the build, not the app. Each call's
// arguments have a zod schema, checked in the main process before any handler runs.
import { z } from 'zod';
import { describeArgumentIssues } from './argumentIssues.ts';
import type {
  AppInfo,
  CaseCounts,
  CaseDetail,
  CaseSummary,
  DeadLetterDto,
  EngineHostStateDto,
  FailedTransactionDto,
  Outcome,
  PartnerDto,
  SyncHealthDto,
  SystemHealthDto,
  UploadProgress,
  UploadResult,
} from './dto.ts';

const Id = z.string().min(1).max(256);
const Page = {
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).max(10_000_000).default(0),
};
const System = z.enum(['xconnector', 'trading-grid']);

export const CaseListQuery = z
  .object({
    partnerId: Id.optional(),
    status: z.string().max(64).optional(),
    slaState: z.string().max(64).optional(),
    type: z.string().max(64).optional(),
    text: z.string().max(200).optional(),
    ...Page,
  })
  .strict();
export type CaseListQuery = z.input<typeof CaseListQuery>;

/** The secrets the window may WRITE (never read): each maps to a keychain entry. */
export const CredentialName = z.enum(['xconnector.apiKey', 'tradingGrid.clientSecret']);

const None = z.object({}).strict();

/** Request/response calls: channel → argument schema and result type. */
export const invokeChannels = {
  'app:info': { args: None, result: {} as AppInfo },
  'cases:list': { args: CaseListQuery, result: {} as { items: CaseSummary[]; total: number } },
  'cases:counts': { args: None, result: {} as CaseCounts },
  'cases:get': { args: z.object({ caseId: Id }).strict(), result: {} as CaseDetail | null },
  'cases:reply': {
    args: z.object({ caseId: Id, text: z.string().trim().min(1).max(10_000) }).strict(),
    result: {} as Outcome,
  },
  'documents:upload': {
    args: z.object({ caseId: Id, paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }).strict(),
    result: {} as UploadResult,
  },
  'partners:list': { args: None, result: {} as PartnerDto[] },
  'transactions:failed': {
    args: z.object({ partnerId: Id.optional(), ...Page }).strict(),
    result: {} as { items: FailedTransactionDto[]; total: number },
  },
  'health:get': { args: None, result: {} as SyncHealthDto },
  'outbox:deadLetters': { args: z.object({ ...Page }).strict(), result: {} as DeadLetterDto[] },
  'outbox:retry': { args: z.object({ id: z.number().int().positive() }).strict(), result: {} as Outcome },
  'outbox:discard': { args: z.object({ id: z.number().int().positive() }).strict(), result: {} as Outcome },
  'sync:now': { args: None, result: {} as Outcome },
  'sync:pause': { args: None, result: {} as Outcome },
  'sync:resume': { args: None, result: {} as Outcome },
  'settings:get': { args: None, result: {} as SettingsView },
  'settings:update': {
    args: z.object({ settings: z.unknown() }).strict(),
    result: {} as SettingsUpdateResult,
  },
  'credentials:set': {
    args: z.object({ name: CredentialName, value: z.string().min(1).max(4096) }).strict(),
    result: {} as Outcome,
  },
  'connections:test': { args: z.object({ system: System }).strict(), result: {} as Outcome },
  'shell:openExternal': { args: z.object({ url: z.url().max(2048) }).strict(), result: {} as Outcome },
} as const;

/** What the settings screen reads: the settings and which secrets are stored — never their values. */
export interface SettingsView {
  settings: unknown;
  credentialsStored: Record<z.infer<typeof CredentialName>, boolean>;
  recovered: { backupPath: string; reason: string } | null;
}
export type SettingsUpdateResult = { ok: true } | { ok: false; errors: string[] };

/** Fire-and-forget events from the main process to the window: channel → payload type. */
export interface EventChannels {
  'engine:caseChanged': { caseId: string };
  'engine:transactionFailed': { transactionId: string; partnerId: string };
  'engine:healthChanged': SystemHealthDto;
  'engine:outboxChanged': { pending: number; dead: number };
  'upload:progress': UploadProgress;
  /** A notification was clicked or the tray menu asked for a screen: show this target. */
  navigate: { target: string };
  /** The sync engine's process (Electron shell): starting, ready, restarting after a crash, or failed. */
  'engine:hostState': EngineHostStateDto;
}

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeArgs<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['args']>;
export type InvokeResult<C extends InvokeChannel> = (typeof invokeChannels)[C]['result'];
export type EventChannel = keyof EventChannels;

/** The one object the preload exposes to the window (and the browser bridge imitates in tests). */
export interface PartnerDeskApi {
  invoke<C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
  /**
   * Paths of files dropped on the window, for `documents:upload`. In Electron the preload asks
   * webUtils.getPathForFile; the browser test bridge uploads the bytes to a temporary file instead.
   */
  pathsForDroppedFiles(files: File[]): Promise<string[]>;
}

export const EVENT_CHANNELS: EventChannel[] = [
  'engine:caseChanged',
  'engine:transactionFailed',
  'engine:healthChanged',
  'engine:outboxChanged',
  'upload:progress',
  'navigate',
  'engine:hostState',
];

/** Validates a call's arguments; the error message names each bad field. */
export function parseInvokeArgs<C extends InvokeChannel>(
  channel: C,
  args: unknown,
): { ok: true; value: z.output<(typeof invokeChannels)[C]['args']> } | { ok: false; message: string } {
  const spec = invokeChannels[channel];
  if (!spec) return { ok: false, message: `Unknown IPC channel "${String(channel)}"` };
  const parsed = spec.args.safeParse(args ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof invokeChannels)[C]['args']> };
  return {
    ok: false,
    message: `Invalid arguments for ${channel}: ${describeArgumentIssues(parsed.error.issues)}`,
  };
}

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(invokeChannels, channel);
}
