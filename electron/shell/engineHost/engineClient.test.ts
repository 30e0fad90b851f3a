// The main side of the engine's process, against scripted hosts over a real MessageChannel.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEngineClient,
  EngineRequestError,
  EngineUnavailableError,
  type EngineClientOptions,
} from './engineClient.ts';
import { fakeEngineChild, wellBehaved, type FakeHost, type HostScript } from './testing/fakeEngineChild.ts';
import { defaultAppSettings } from '../../../shared/config/appSettings.ts';
import type { EngineHostStateDto } from '../../../shared/ipc/dto.ts';

const clients: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

function setup(scripts: HostScript[] | HostScript = wellBehaved, extra: Partial<EngineClientOptions> = {}) {
  const hosts: FakeHost[] = [];
  const states: EngineHostStateDto[] = [];
  const events: { channel: string; payload: unknown }[] = [];
  const notifications: unknown[] = [];
  const warnings: string[] = [];
  let settings = defaultAppSettings();
  const client = createEngineClient({
    spawn: () => {
      const script = Array.isArray(scripts)
        ? (scripts[hosts.length] ?? scripts[scripts.length - 1]!)
        : scripts;
      const host = fakeEngineChild(script);
      hosts.push(host);
      return host.child;
    },
    init: () => ({
      dataDir: '/data',
      settings,
      appInfo: { version: '0.1.0', mode: 'demo', platform: 'linux' },
    }),
    credential: async (name) => (name === 'xconnector.apiKey' ? 'the-key' : null),
    onEvent: (channel, payload) => events.push({ channel, payload }),
    onNotify: (r) => notifications.push(r),
    onState: (s) => states.push(s),
    warn: (m) => warnings.push(m),
    restartDelaysMs: [20, 40],
    requestTimeoutMs: 500,
    startTimeoutMs: 1000,
    stopTimeoutMs: 200,
    ...extra,
  });
  clients.push(client);
  return {
    client,
    hosts,
    states,
    events,
    notifications,
    warnings,
    setSettings: (s: typeof settings) => (settings = s),
    host: (i = hosts.length - 1) => hosts[i]!,
  };
}

describe('engine client: calls and answers', () => {
  it('sends the init with the current settings, then queues calls until the engine is ready', async () => {
    let sendReady: () => void = () => {};
    const t = setup((m, host) => {
      if (m.type === 'init') sendReady = () => host.send({ type: 'ready', mode: 'demo', simulators: null });
      else wellBehaved(m, host);
    });
    t.client.start();
    const answer = t.client.invoke('cases:list', { text: 'ACME' });
    await until(() => t.host().received.length === 1);
    expect(t.host().received[0]).toMatchObject({
      type: 'init',
      dataDir: '/data',
      settings: { connections: { mode: 'demo' } },
    });
    sendReady();
    await expect(answer).resolves.toEqual({ channel: 'cases:list', args: { text: 'ACME' } });
    expect(t.states.map((s) => s.state)).toEqual(['starting', 'ready']);
  });

  it('matches answers to calls by id when they come back out of order', async () => {
    const t = setup((m, host) => {
      if (m.type === 'invoke') {
        const delay = m.channel === 'cases:list' ? 60 : 1;
        setTimeout(() => host.send({ type: 'answer', id: m.id, ok: true, value: m.channel }), delay);
      } else wellBehaved(m, host);
    });
    t.client.start();
    const [slow, fast] = await Promise.all([
      t.client.invoke('cases:list', {}),
      t.client.invoke('health:get', {}),
    ]);
    expect([slow, fast]).toEqual(['cases:list', 'health:get']);
  });

  it('passes on the engine’s refusal with its kind and message', async () => {
    const t = setup((m, host) => {
      if (m.type === 'invoke')
        host.send({
          type: 'answer',
          id: m.id,
          ok: false,
          error: { kind: 'invalid_request', message: 'caseId: Too small' },
        });
      else wellBehaved(m, host);
    });
    t.client.start();
    const error = await t.client.invoke('cases:get', { caseId: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineRequestError);
    expect(error).toMatchObject({ kind: 'invalid_request', message: 'caseId: Too small' });
  });

  it('gives up on a call the engine never answers, saying which call', async () => {
    const t = setup((m, host) => (m.type === 'invoke' ? undefined : wellBehaved(m, host)));
    t.client.start();
    await expect(t.client.invoke('sync:now', {})).rejects.toThrow(
      'The sync engine did not answer sync:now within 1 s.',
    );
  });

  it('passes events and notification requests on, and ignores malformed messages', async () => {
    const t = setup((m, host) => {
      wellBehaved(m, host);
      if (m.type !== 'init') return;
      host.send({ type: 'event', channel: 'engine:caseChanged', payload: { caseId: 'exc:E-1' } });
      host.send({ type: 'event', channel: 'fs:write', payload: {} });
      host.send({ type: 'answer', id: 'not-a-number', ok: true, value: 1 });
      host.send('garbage');
      host.send({
        type: 'notify',
        request: {
          id: 'n1',
          kind: 'transaction_failed',
          partnerId: 'P-1',
          partnerName: 'ACME',
          title: 'ACME: Invoice 0042 failed',
          body: 'Missing field',
          target: 'transaction:T-1',
        },
      });
    });
    t.client.start();
    await until(() => t.notifications.length === 1);
    expect(t.events).toEqual([{ channel: 'engine:caseChanged', payload: { caseId: 'exc:E-1' } }]);
    expect(t.notifications).toEqual([expect.objectContaining({ id: 'n1', target: 'transaction:T-1' })]);
    expect(t.warnings).toEqual([
      expect.stringMatching(/Malformed "event" message: channel/),
      expect.stringMatching(/Malformed "answer" message: id/),
      expect.stringMatching(/Malformed message: \(root\)/),
    ]);
  });
});

describe('engine client: credentials come from the main process', () => {
  it('answers a credential request from the keychain, and relays a keychain failure as a message', async () => {
    const t = setup(wellBehaved, {
      credential: async (name) => {
        if (name === 'tradingGrid.clientSecret') throw new Error('The system keychain is locked');
        return 'the-key';
      },
    });
    t.client.start();
    await t.client.whenReady();
    t.host().send({ type: 'credentialRequest', id: 7, name: 'xconnector.apiKey' });
    t.host().send({ type: 'credentialRequest', id: 8, name: 'tradingGrid.clientSecret' });
    await until(() => t.host().received.filter((m) => m.type === 'credentialAnswer').length === 2);
    expect(t.host().received.filter((m) => m.type === 'credentialAnswer')).toEqual([
      { type: 'credentialAnswer', id: 7, ok: true, value: 'the-key', message: null },
      { type: 'credentialAnswer', id: 8, ok: false, value: null, message: 'The system keychain is locked' },
    ]);
  });

  it('tells a running engine that a secret changed', async () => {
    const t = setup();
    t.client.start();
    await t.client.whenReady();
    t.client.credentialsChanged('trading-grid');
    await until(() => t.host().received.some((m) => m.type === 'credentialsChanged'));
    expect(t.host().received.at(-1)).toEqual({ type: 'credentialsChanged', system: 'trading-grid' });
  });
});

describe('engine client: when the engine’s process dies', () => {
  it('fails the calls in flight with a clear message, restarts the process and serves calls again', async () => {
    const t = setup((m, host) =>
      m.type === 'invoke' && m.channel === 'sync:now' ? undefined : wellBehaved(m, host),
    );
    t.client.start();
    await t.client.whenReady();
    const inFlight = t.client.invoke('sync:now', {});
    await until(() => t.host().received.some((m) => m.type === 'invoke'));
    t.host().exit(null, 'killed by SIGKILL');
    await expect(inFlight).rejects.toThrow(
      'The sync engine stopped unexpectedly (killed by SIGKILL) before it answered; it is restarting. Try again in a moment.',
    );
    expect(t.client.state()).toMatchObject({
      state: 'restarting',
      message: expect.stringMatching(/nothing that was saved is lost/),
    });
    await expect(t.client.invoke('health:get', {})).rejects.toBeInstanceOf(EngineUnavailableError);

    await until(() => t.client.state().state === 'ready');
    expect(t.hosts).toHaveLength(2);
    expect(t.host(1).received[0]).toMatchObject({ type: 'init' });
    await expect(t.client.invoke('health:get', {})).resolves.toEqual({ channel: 'health:get', args: {} });
    expect(t.states.map((s) => s.state)).toEqual(['starting', 'ready', 'restarting', 'starting', 'ready']);
  });

  it('waits longer after each crash in a row', async () => {
    const crashAtOnce: HostScript = (m, host) => (m.type === 'init' ? host.exit(1) : undefined);
    const t = setup([crashAtOnce, crashAtOnce, crashAtOnce, wellBehaved]);
    t.client.start();
    await until(() => t.client.state().state === 'ready');
    expect(t.hosts).toHaveLength(4);
    expect(t.warnings.map((w) => /restarting in (\d+) ms/.exec(w)?.[1])).toEqual(['20', '40', '40']);
  });

  it('kills and restarts a process that never becomes ready', async () => {
    const silent: HostScript = () => {};
    const t = setup([silent, wellBehaved], { startTimeoutMs: 50 });
    t.client.start();
    await until(() => t.client.state().state === 'ready');
    expect(t.hosts[0]!.exited).toBe(true);
    expect(t.warnings[0]).toMatch(/did not become ready within 0.05 s/);
  });

  it('does not restart an engine that reports it cannot start, until restart() is asked for', async () => {
    const cannotStart: HostScript = (m, host) => {
      if (m.type !== 'init') return;
      host.send({
        type: 'startFailed',
        message: 'The sync engine could not start: connections.xconnector.baseUrl is missing.',
      });
      setTimeout(() => host.exit(1), 5);
    };
    const t = setup([cannotStart, wellBehaved]);
    t.client.start();
    await until(() => t.host(0).exited);
    await new Promise((r) => setTimeout(r, 80));
    expect(t.hosts).toHaveLength(1);
    expect(t.client.state()).toEqual({
      state: 'failed',
      message:
        'The sync engine could not start: connections.xconnector.baseUrl is missing. Check Settings → Connections.',
    });
    await expect(t.client.invoke('cases:list', {})).rejects.toThrow(/baseUrl is missing/);

    await t.client.restart();
    await t.client.whenReady();
    expect(t.hosts).toHaveLength(2);
  });
});

describe('engine client: stopping and restarting on purpose', () => {
  it('restarts gracefully with the settings of the moment, and does not treat it as a crash', async () => {
    const t = setup();
    t.client.start();
    await t.client.whenReady();
    const live = defaultAppSettings();
    t.setSettings({ ...live, poll: { ...live.poll, xconnectorIntervalMs: 5000 } });
    await Promise.all([t.client.restart(), t.client.restart()]);
    await t.client.whenReady();
    expect(t.host(0).received.at(-1)).toEqual({ type: 'shutdown' });
    // Two restarts asked at once run one after the other: never two engines at a time.
    expect(t.hosts.filter((h) => !h.exited)).toHaveLength(1);
    expect(t.host().received[0]).toMatchObject({
      type: 'init',
      settings: { poll: { xconnectorIntervalMs: 5000 } },
    });
    expect(t.warnings).toEqual([]);
  });

  it('stops gracefully on quit and starts nothing afterwards', async () => {
    const t = setup();
    t.client.start();
    await t.client.whenReady();
    await t.client.stop();
    expect(t.host().exited).toBe(true);
    expect(t.client.state()).toEqual({ state: 'stopped', message: null });
    await new Promise((r) => setTimeout(r, 60));
    expect(t.hosts).toHaveLength(1);
    await expect(t.client.invoke('health:get', {})).rejects.toThrow('The sync engine has been stopped.');
  });

  it('ends a process that ignores the request to stop', async () => {
    const stubborn: HostScript = (m, host) => (m.type === 'shutdown' ? undefined : wellBehaved(m, host));
    const t = setup(stubborn);
    t.client.start();
    await t.client.whenReady();
    await t.client.stop();
    expect(t.host().exited).toBe(true);
    expect(t.warnings).toEqual([expect.stringMatching(/did not stop within 0.2 s; ending it/)]);
  });
});
