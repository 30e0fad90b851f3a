// The main process's handle on the sync engine's process: starts it, sends it each window call and
// matches the answer by id (with a deadline), relays credentials from the keychain, passes its events
// and notification requests on, and restarts it when it dies, with growing pauses, so a crash costs the
// desk person a few seconds and a clear message instead of a frozen app.
import type { EngineHostStateDto } from '../../../shared/ipc/dto.ts';
import type { EventChannel } from '../../../shared/ipc/contract.ts';
import type { NotificationRequest } from '../../engine/notifier.ts';
import type { MessageEndpoint } from './endpoint.ts';
import { createPendingRequests } from './pendingRequests.ts';
import {
  InitMessage,
  parseHostToMain,
  type HostToMain,
  type InitMessageInput,
  type MainToHost,
} from './protocol.ts';

export interface EngineChild {
  endpoint: MessageEndpoint;
  /** Called once the process has ended, however it ended. */
  onExit(listener: (exit: { code: number | null; detail: string }) => void): void;
  kill(): void;
}

export interface EngineClientOptions {
  spawn(): EngineChild;
  /** The init message for each (re)start, built from the settings of that moment. */
  init(): InitMessageInput;
  /** A secret the engine asks for (main's keychain); throws when the keychain fails or refuses. */
  credential(name: string): Promise<string | null>;
  onEvent(channel: EventChannel, payload: unknown): void;
  onNotify(request: NotificationRequest): void;
  onState?(state: EngineHostStateDto): void;
  warn?(message: string): void;
  requestTimeoutMs?: number;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Pause before the 1st, 2nd, … restart after a crash; the last one repeats. */
  restartDelaysMs?: readonly number[];
  /** A process that ran this long after becoming ready counts as healthy: the next crash starts the pauses over. */
  healthyAfterMs?: number;
}

/** The engine's process cannot take the call now (starting, restarting, failed or stopped). */
export class EngineUnavailableError extends Error {
  override readonly name = 'EngineUnavailableError';
}

/** The engine answered the call with a refusal or a failure. */
export class EngineRequestError extends Error {
  override readonly name = 'EngineRequestError';
  readonly kind: 'invalid_request' | 'failed';
  constructor(kind: 'invalid_request' | 'failed', message: string) {
    super(message);
    this.kind = kind;
  }
}

interface Running {
  child: EngineChild;
  endpoint: MessageEndpoint;
  readyAt: number | null;
  /** Exit is expected: stop() or restart() asked for it, or the engine reported it cannot start. */
  expectedExit: boolean;
  exited: Promise<void>;
  startTimer: NodeJS.Timeout | null;
}

export type EngineClient = ReturnType<typeof createEngineClient>;

export function createEngineClient(options: EngineClientOptions) {
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
  const delays = options.restartDelaysMs ?? [500, 1_000, 2_000, 5_000, 10_000, 30_000];
  const healthyAfterMs = options.healthyAfterMs ?? 30_000;
  const warn = options.warn ?? ((m: string) => console.warn(`[engine] ${m}`));

  const pending = createPendingRequests<unknown>(requestTimeoutMs);
  let running: Running | null = null;
  let state: EngineHostStateDto = { state: 'stopped', message: null };
  let crashes = 0;
  let restartTimer: NodeJS.Timeout | null = null;
  let readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  // restart() and stop() run one after the other, never interleaved (two restarts must not start two engines).
  let lifecycle: Promise<void> = Promise.resolve();
  const serially = (step: () => Promise<void>): Promise<void> => (lifecycle = lifecycle.then(step, step));

  function setState(next: EngineHostStateDto): void {
    state = next;
    if (next.state === 'ready') for (const w of readyWaiters.splice(0)) w.resolve();
    else if (next.state !== 'starting')
      for (const w of readyWaiters.splice(0)) w.reject(new EngineUnavailableError(unavailableMessage()));
    options.onState?.(next);
  }

  function unavailableMessage(): string {
    switch (state.state) {
      case 'starting':
        return 'The sync engine is still starting; try again in a moment.';
      case 'restarting':
      case 'failed':
        return state.message ?? 'The sync engine is not running.';
      case 'stopped':
        return 'The sync engine has been stopped.';
      case 'ready':
        return 'The sync engine is running.';
    }
  }

  function launch(): void {
    restartTimer = null;
    setState({ state: 'starting', message: null });
    let child: EngineChild;
    try {
      child = options.spawn();
    } catch (error) {
      crashed(`it could not be started: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    let markExited: () => void = () => {};
    const self: Running = {
      child,
      endpoint: child.endpoint,
      readyAt: null,
      expectedExit: false,
      exited: new Promise<void>((resolve) => (markExited = resolve)),
      startTimer: setTimeout(() => {
        warn(`the sync engine did not become ready within ${startTimeoutMs / 1000} s; stopping it`);
        child.kill();
      }, startTimeoutMs),
    };
    running = self;
    const stopListening = child.endpoint.onMessage((raw) => {
      if (running === self) receive(self, raw);
    });
    child.onExit(({ detail }) => {
      stopListening();
      if (self.startTimer) clearTimeout(self.startTimer);
      markExited();
      if (running !== self) return;
      running = null;
      pending.rejectAll(
        new EngineUnavailableError(
          self.expectedExit
            ? 'The sync engine was restarted before it answered; try again.'
            : `The sync engine stopped unexpectedly (${detail}) before it answered; it is restarting. Try again in a moment.`,
        ),
      );
      if (self.expectedExit) return;
      const livedHealthy = self.readyAt !== null && Date.now() - self.readyAt >= healthyAfterMs;
      if (livedHealthy) crashes = 0;
      crashed(detail);
    });
    let init: InitMessage;
    try {
      init = InitMessage.parse({ ...options.init(), type: 'init' });
    } catch (error) {
      // Our own settings failed the protocol: a bug, reported as such rather than retried in a loop.
      self.expectedExit = true;
      child.kill();
      setState({
        state: 'failed',
        message: `The sync engine could not be given its settings: ${String(error)}`,
      });
      return;
    }
    post(self, init);
  }

  function crashed(detail: string): void {
    const delay = delays[Math.min(crashes, delays.length - 1)] ?? 1_000;
    crashes++;
    warn(`the sync engine stopped unexpectedly (${detail}); restarting in ${delay} ms`);
    setState({
      state: 'restarting',
      message: `The sync engine stopped unexpectedly (${detail}). Partner Desk is restarting it; nothing that was saved is lost.`,
    });
    restartTimer = setTimeout(launch, delay);
  }

  function post(target: Running, message: MainToHost): void {
    try {
      target.endpoint.post(message);
    } catch (error) {
      warn(`could not send to the sync engine: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function receive(self: Running, raw: unknown): void {
    const parsed = parseHostToMain(raw);
    if (!parsed.ok) {
      warn(`ignored a malformed message from the sync engine: ${parsed.problem.slice(0, 500)}`);
      return;
    }
    const m: HostToMain = parsed.message;
    switch (m.type) {
      case 'ready':
        if (self.startTimer) clearTimeout(self.startTimer);
        self.startTimer = null;
        self.readyAt = Date.now();
        setState({ state: 'ready', message: null });
        return;
      case 'startFailed':
        if (self.startTimer) clearTimeout(self.startTimer);
        self.startTimer = null;
        // Starting again would fail the same way: wait for a settings change (restart()).
        self.expectedExit = true;
        setState({ state: 'failed', message: `${m.message} Check Settings → Connections.` });
        return;
      case 'answer':
        if (m.ok) pending.resolve(m.id, m.value);
        else pending.reject(m.id, new EngineRequestError(m.error.kind, m.error.message));
        return;
      case 'event':
        options.onEvent(m.channel, m.payload);
        return;
      case 'notify':
        options.onNotify(m.request);
        return;
      case 'credentialRequest':
        options.credential(m.name).then(
          (value) => post(self, { type: 'credentialAnswer', id: m.id, ok: true, value, message: null }),
          (error: unknown) =>
            post(self, {
              type: 'credentialAnswer',
              id: m.id,
              ok: false,
              value: null,
              message: error instanceof Error ? error.message : String(error),
            }),
        );
        return;
      case 'stopped':
        return;
    }
  }

  function whenReady(): Promise<void> {
    if (state.state === 'ready') return Promise.resolve();
    if (state.state !== 'starting') return Promise.reject(new EngineUnavailableError(unavailableMessage()));
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        readyWaiters = readyWaiters.filter((w) => w !== waiter);
        reject(new EngineUnavailableError('The sync engine is taking long to start; try again in a moment.'));
      }, requestTimeoutMs);
      readyWaiters.push(waiter);
    });
  }

  async function shutDown(): Promise<void> {
    if (restartTimer) clearTimeout(restartTimer);
    restartTimer = null;
    const current = running;
    if (!current) return;
    current.expectedExit = true;
    post(current, { type: 'shutdown' });
    const killTimer = setTimeout(() => {
      warn(`the sync engine did not stop within ${stopTimeoutMs / 1000} s; ending it`);
      current.child.kill();
    }, stopTimeoutMs);
    await current.exited;
    clearTimeout(killTimer);
  }

  return {
    /** Starts the engine's process (once; later starts go through restart()). */
    start(): void {
      if (running || restartTimer || state.state !== 'stopped') return;
      launch();
    },

    /** Sends a window call to the engine; waits while it is starting. */
    async invoke(channel: string, args: unknown): Promise<unknown> {
      await whenReady();
      const target = running;
      if (!target) throw new EngineUnavailableError(unavailableMessage());
      const { id, answer } = pending.open(
        `The sync engine did not answer ${channel} within ${Math.round(requestTimeoutMs / 1000)} s.`,
      );
      post(target, { type: 'invoke', id, channel, args });
      return answer;
    },

    /** A secret changed in the keychain: the engine retries a system that refused the old one. */
    credentialsChanged(system: 'xconnector' | 'trading-grid'): void {
      if (running && state.state === 'ready') post(running, { type: 'credentialsChanged', system });
    },

    /** Stops the engine gracefully and starts it again with a fresh init (settings changed). */
    restart(): Promise<void> {
      return serially(async () => {
        await shutDown();
        crashes = 0;
        launch();
      });
    },

    /** Stops the engine gracefully (app quit); no restart follows. */
    stop(): Promise<void> {
      return serially(async () => {
        await shutDown();
        setState({ state: 'stopped', message: null });
      });
    },

    state: (): EngineHostStateDto => state,
    /** For tests: resolves when the engine is ready, rejects when it cannot get there. */
    whenReady,
  };
}
