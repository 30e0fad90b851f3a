// The engine's side of the IPC contract (shared/ipc/contract.ts): one handler per call, and engine
// events turned into window events. It is plain Node: the Electron shell, the browser bridge used by
// the end-to-end tests, and any headless host all serve the window through this same object.
import {
  isInvokeChannel,
  parseInvokeArgs,
  type EventChannel,
  type EventChannels,
  type InvokeChannel,
  type InvokeResult,
  type SettingsUpdateResult,
  type SettingsView,
} from '../../shared/ipc/contract.ts';
import type { z } from 'zod';
import type { invokeChannels } from '../../shared/ipc/contract.ts';
import type { AppInfo, Outcome } from '../../shared/ipc/dto.ts';
import type { Engine } from '../engine/engine.ts';
import { toCaseSummary, toDeadLetter, toFailedTransaction, toTimelineEvent } from './dtoMapping.ts';
import { toCaseDocument } from '../documents/caseDocumentDto.ts';

export interface SettingsPort {
  view(): Promise<SettingsView>;
  update(input: unknown): Promise<SettingsUpdateResult>;
}

export interface CredentialsPort {
  set(name: string, value: string): Promise<void>;
}

export interface DeskServiceDeps {
  engine: Engine;
  appInfo: AppInfo;
  settings: SettingsPort;
  credentials: CredentialsPort;
  /** Only the shell can open a browser; elsewhere the call is refused. */
  openExternal?: (url: string) => Promise<Outcome>;
  emit: <E extends EventChannel>(event: E, payload: EventChannels[E]) => void;
}

type Handlers = {
  [C in InvokeChannel]: (args: z.output<(typeof invokeChannels)[C]['args']>) => Promise<InvokeResult<C>>;
};

export class IpcRequestError extends Error {}

const done: Outcome = { ok: true };

export function createDeskService(deps: DeskServiceDeps) {
  const { engine } = deps;
  let partnerNames = new Map<string, string>();
  const refreshPartners = () => (partnerNames = new Map(engine.partners().map((p) => [p.id, p.name])));
  const partnerName = (id: string) => partnerNames.get(id) ?? refreshPartners().get(id) ?? id;

  const handlers: Handlers = {
    'app:info': async () => deps.appInfo,
    'cases:list': async (q) => ({
      items: engine.cases.list(q).map((c) => toCaseSummary(c, partnerName)),
      total: engine.cases.countMatching(q),
    }),
    'cases:counts': async () => ({
      total: engine.cases.count(),
      byStatus: engine.cases.countsBy('status'),
      bySlaState: engine.cases.countsBy('sla_state'),
      openBySlaState: engine.cases.openCountsBySlaState(),
      byType: engine.cases.countsBy('type'),
    }),
    'cases:get': async ({ caseId }) => {
      const c = engine.cases.get(caseId);
      if (!c) return null;
      const payload = c.payload as { description?: string; summary?: string };
      return {
        summary: toCaseSummary(c, partnerName),
        description: payload.description ?? payload.summary ?? '',
        communityId: c.communityId,
        timeline: engine.cases.timeline(caseId).map(toTimelineEvent),
        documents: engine.documents.list(caseId).map(toCaseDocument),
      };
    },
    'cases:reply': async ({ caseId, text }) => engine.replyToPartner(caseId, text),
    'documents:upload': ({ caseId, paths }) => engine.documents.upload(caseId, paths),
    'partners:list': async () => refreshPartners() && engine.partners(),
    'transactions:failed': async ({ partnerId, limit, offset }) => ({
      items: engine.transactions
        .failed(limit, offset, partnerId)
        .map((t) => toFailedTransaction(t, partnerName)),
      total: engine.transactions.failedCount(partnerId),
    }),
    'health:get': async () => {
      const c = engine.outbox.counts();
      return {
        systems: engine.health(),
        outbox: { pending: c.pending, dead: c.dead, done: c.done },
        quarantined: engine.quarantine.count(),
        paused: engine.isPaused(),
      };
    },
    'outbox:deadLetters': async ({ limit, offset }) =>
      engine.outbox.deadLetters(limit, offset).map(toDeadLetter),
    'outbox:retry': async ({ id }) =>
      engine.outbox.retry(id)
        ? done
        : {
            ok: false,
            message: `Dead letter #${id} is no longer waiting: it was retried or discarded already.`,
          },
    'outbox:discard': async ({ id }) =>
      engine.outbox.discard(id)
        ? done
        : {
            ok: false,
            message: `Dead letter #${id} is no longer waiting: it was retried or discarded already.`,
          },
    'sync:now': async () => {
      const report = await engine.syncNow();
      return report.errors.length === 0
        ? done
        : { ok: false, message: report.errors.map((e) => e.message).join(' ') };
    },
    'sync:pause': async () => (engine.pause(), done),
    'sync:resume': async () => (engine.resume(), done),
    'settings:get': () => deps.settings.view(),
    'settings:update': ({ settings }) => deps.settings.update(settings),
    'credentials:set': async ({ name, value }) => {
      await deps.credentials.set(name, value);
      engine.credentialsChanged(name.startsWith('xconnector') ? 'xconnector' : 'trading-grid');
      return done;
    },
    'connections:test': ({ system }) => engine.testConnection(system),
    'shell:openExternal': ({ url }) =>
      deps.openExternal
        ? deps.openExternal(url)
        : Promise.resolve({ ok: false, message: 'Opening links is not available here.' }),
  };

  const unsubscribe = [
    engine.on('caseCreated', (e) => deps.emit('engine:caseChanged', { caseId: e.caseId })),
    engine.on('caseUpdated', (e) => deps.emit('engine:caseChanged', { caseId: e.caseId })),
    engine.on('transactionFailed', (e) =>
      deps.emit('engine:transactionFailed', { transactionId: e.transactionId, partnerId: e.partnerId }),
    ),
    engine.on('healthChanged', (h) => deps.emit('engine:healthChanged', h)),
    engine.on('outboxChanged', (c) => deps.emit('engine:outboxChanged', c)),
    engine.on('documentProgress', (p) => deps.emit('upload:progress', p)),
  ];

  return {
    /** Validates the channel and its arguments, then runs the handler. Throws IpcRequestError on bad input. */
    async invoke(channel: unknown, args: unknown): Promise<unknown> {
      if (!isInvokeChannel(channel))
        throw new IpcRequestError(`Unknown IPC channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
      const parsed = parseInvokeArgs(channel, args);
      if (!parsed.ok) throw new IpcRequestError(parsed.message);
      const handler = handlers[channel] as (a: unknown) => Promise<unknown>;
      try {
        return await handler(parsed.value);
      } catch (error) {
        // SQLite's own words ("database disk image is malformed") tell the user nothing to do.
        throw engine.storageProblem(error) ?? error;
      }
    },
    dispose(): void {
      for (const u of unsubscribe) u();
    },
  };
}
export type DeskService = ReturnType<typeof createDeskService>;
