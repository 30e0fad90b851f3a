// The sync engine's process: builds the engine from the init message (real HTTP connectors, the SQLite
// file under the app's data folder, credentials asked of the main process, or the built-in demo's
// simulators), wraps it in the desk service, answers main's calls and forwards the engine's events and
// notification requests. Plain Node: the utility process entry gives it process.parentPort, tests give
// it a MessagePort or a forked process's channel.
import { join } from 'node:path';
import { createEngine, type Engine } from '../../engine/engine.ts';
import { createDeskService, IpcRequestError, type DeskService } from '../../service/deskService.ts';
import { engineSettingsFrom } from '../../../shared/config/appSettings.ts';
import { createLogger, type Logger } from '../../logging/logger.ts';
import { createSecretScrubber } from '../../logging/secretScrubber.ts';
import type { CredentialSource } from '../../connectors/credentialSource.ts';
import type { EngineSettingsInput } from '../../../shared/config/engineSettings.ts';
import type { NotificationRequest } from '../../engine/notifier.ts';
import { parseMainToHost, type HostToMain, type InitMessage } from './protocol.ts';
import { createProxiedCredentials } from './proxiedCredentials.ts';
import { startDemoWorld, type DemoWorld } from './demoWorld.ts';
import type { MessageEndpoint } from './endpoint.ts';

export interface EngineHostOptions {
  endpoint: MessageEndpoint;
  /** Ends this process once the engine has closed (or failed to start). */
  exit(code: number): void;
  logger?: Logger;
}

/** Calls that need the keychain, the settings file or the OS shell: the main process answers them. */
const mainOnly = () =>
  Promise.reject(new IpcRequestError('This call is answered by the main process, not the sync engine.'));

export function runEngineHost(options: EngineHostOptions): void {
  const { endpoint } = options;
  const scrubber = createSecretScrubber();
  const logger =
    options.logger ??
    createLogger({ scrubber, level: logLevel(), write: (line) => process.stderr.write(line) }).child({
      process: 'engine-host',
    });
  const post = (message: HostToMain) => endpoint.post(message);
  const credentials = createProxiedCredentials((id, name) => post({ type: 'credentialRequest', id, name }));

  let phase: 'waiting' | 'starting' | 'running' | 'stopping' = 'waiting';
  let engine: Engine | null = null;
  let service: DeskService | null = null;
  let demo: DemoWorld | null = null;

  async function start(init: InitMessage): Promise<void> {
    phase = 'starting';
    try {
      let source: CredentialSource;
      let settings: EngineSettingsInput;
      let dataDir: string;
      if (init.settings.connections.mode === 'demo') {
        demo = await startDemoWorld(init.dataDir, init.settings, init.demo);
        const base = engineSettingsFrom(init.settings, demo.connections);
        settings = { ...base, poll: { ...base.poll, ...init.demo.poll } };
        source = demo.credentials;
        dataDir = demo.dataDir;
      } else {
        settings = engineSettingsFrom(init.settings);
        source = credentials;
        dataDir = join(init.dataDir, 'live');
      }
      engine = createEngine({
        dataDir,
        settings,
        credentials: source,
        notifier: { notify: async (request) => post({ type: 'notify', request: plainRequest(request) }) },
        scrubber,
        logger,
      });
      service = createDeskService({
        engine,
        appInfo: init.appInfo,
        settings: { view: mainOnly, update: mainOnly },
        credentials: { set: mainOnly },
        emit: (channel, payload) => post({ type: 'event', channel, payload }),
      });
      if (init.paused) engine.pause();
      engine.start();
      phase = 'running';
      post({
        type: 'ready',
        mode: init.settings.connections.mode,
        simulators: demo
          ? { xconnectorUrl: demo.connections.xconnectorUrl, tradingGridUrl: demo.connections.tradingGridUrl }
          : null,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: error }, 'the sync engine could not start');
      post({
        type: 'startFailed',
        message: scrubber.scrubText(`The sync engine could not start: ${message}`),
      });
      await stop(1, false);
    }
  }

  async function invoke(id: number, channel: string, args: unknown): Promise<void> {
    if (!service) {
      post({
        type: 'answer',
        id,
        ok: false,
        error: { kind: 'failed', message: 'The sync engine is not running.' },
      });
      return;
    }
    try {
      const value = await service.invoke(channel, args);
      post({ type: 'answer', id, ok: true, value });
    } catch (error) {
      const kind = error instanceof IpcRequestError ? 'invalid_request' : 'failed';
      const message = error instanceof Error ? error.message : String(error);
      if (kind === 'failed') logger.error({ err: error, channel }, 'a call to the sync engine failed');
      post({
        type: 'answer',
        id,
        ok: false,
        error: { kind, message: scrubber.scrubText(message).slice(0, 20_000) },
      });
    }
  }

  async function stop(code: number, announce = true): Promise<void> {
    if (phase === 'stopping') return;
    phase = 'stopping';
    credentials.close();
    service?.dispose();
    await Promise.allSettled([engine?.close(), demo?.close()]);
    if (announce) post({ type: 'stopped' });
    options.exit(code);
  }

  endpoint.onMessage((raw) => {
    const parsed = parseMainToHost(raw);
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, 'ignored a malformed message from the main process');
      return;
    }
    const m = parsed.message;
    switch (m.type) {
      case 'init':
        if (phase === 'waiting') void start(m);
        return;
      case 'invoke':
        void invoke(m.id, m.channel, m.args);
        return;
      case 'credentialAnswer':
        credentials.answer(
          m.id,
          m.ok ? { ok: true, value: m.value } : { ok: false, message: m.message ?? 'The keychain refused.' },
        );
        return;
      case 'credentialsChanged':
        engine?.credentialsChanged(m.system);
        return;
      case 'shutdown':
        void stop(0);
        return;
    }
  });
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** PARTNER_DESK_LOG_LEVEL (debug, info, warn, error, silent); warn by default. */
function logLevel(): (typeof LOG_LEVELS)[number] {
  const wanted = process.env.PARTNER_DESK_LOG_LEVEL;
  return LOG_LEVELS.find((l) => l === wanted) ?? 'warn';
}

/** Exactly the fields of the protocol's notification request, whatever else the engine attached. */
function plainRequest(r: NotificationRequest): NotificationRequest {
  return {
    id: r.id,
    kind: r.kind,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    title: r.title,
    body: r.body,
    target: r.target,
  };
}
