// The engine host's messages are parsed like any other untrusted input, on both sides.
import { describe, expect, it } from 'vitest';
import { parseHostToMain, parseMainToHost } from './protocol.ts';
import { defaultAppSettings } from '../../../shared/config/appSettings.ts';

const appInfo = { version: '0.1.0', mode: 'demo', platform: 'linux' };

describe('engine host protocol: main → host', () => {
  it('accepts an init with the app settings and fills in the demo defaults', () => {
    const parsed = parseMainToHost({
      type: 'init',
      dataDir: '/data',
      settings: defaultAppSettings(),
      appInfo,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.message.type !== 'init') return;
    expect(parsed.message.demo).toMatchObject({
      seed: 42,
      activityIntervalMs: 4000,
      poll: { xconnectorIntervalMs: 2000 },
    });
    expect(parsed.message.paused).toBe(false);
  });

  it('refuses an init whose settings hold a secret or fail validation, naming the field', () => {
    const settings = { ...defaultAppSettings(), connections: { tradingGrid: { clientSecret: 'oops' } } };
    const parsed = parseMainToHost({ type: 'init', dataDir: '/data', settings, appInfo });
    expect(parsed).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^Malformed "init" message: settings\.connections\.tradingGrid/),
    });
    expect(parseMainToHost({ type: 'init', dataDir: '', settings: {}, appInfo }).ok).toBe(false);
  });

  it('accepts calls, credential answers, credential changes and shutdown', () => {
    for (const m of [
      { type: 'invoke', id: 1, channel: 'cases:list', args: { text: 'x' } },
      { type: 'credentialAnswer', id: 2, ok: true, value: 'secret', message: null },
      { type: 'credentialAnswer', id: 3, ok: false, value: null, message: 'locked' },
      { type: 'credentialsChanged', system: 'trading-grid' },
      { type: 'shutdown' },
    ])
      expect(parseMainToHost(m).ok, JSON.stringify(m)).toBe(true);
  });

  it('refuses unknown types, extra fields and bad ids', () => {
    for (const m of [
      { type: 'eval', code: 'process.exit()' },
      { type: 'shutdown', now: true },
      { type: 'invoke', id: 0, channel: 'x', args: {} },
      { type: 'invoke', id: 1.5, channel: 'x', args: {} },
      { type: 'credentialsChanged', system: 'ftp' },
      null,
      'shutdown',
    ])
      expect(parseMainToHost(m).ok, JSON.stringify(m)).toBe(false);
  });
});

describe('engine host protocol: host → main', () => {
  it('accepts answers, both kept and refused', () => {
    expect(parseHostToMain({ type: 'answer', id: 1, ok: true, value: { items: [] } }).ok).toBe(true);
    expect(
      parseHostToMain({
        type: 'answer',
        id: 1,
        ok: false,
        error: { kind: 'invalid_request', message: 'bad' },
      }).ok,
    ).toBe(true);
    expect(parseHostToMain({ type: 'answer', id: 1, ok: false, value: 1 }).ok).toBe(false);
    expect(
      parseHostToMain({ type: 'answer', id: 1, ok: false, error: { kind: 'panic', message: '' } }).ok,
    ).toBe(false);
  });

  it('accepts only contract events and well-formed notification requests', () => {
    expect(
      parseHostToMain({ type: 'event', channel: 'engine:outboxChanged', payload: { pending: 1, dead: 0 } })
        .ok,
    ).toBe(true);
    expect(parseHostToMain({ type: 'event', channel: 'shell:openExternal', payload: {} }).ok).toBe(false);
    const request = {
      id: 'n1',
      kind: 'sla_breach',
      partnerId: null,
      partnerName: null,
      title: 'SLA breached',
      body: 'Case C-1',
      target: 'case:C-1',
    };
    expect(parseHostToMain({ type: 'notify', request }).ok).toBe(true);
    expect(parseHostToMain({ type: 'notify', request: { ...request, kind: 'popup' } }).ok).toBe(false);
    expect(parseHostToMain({ type: 'notify', request: { ...request, onclick: 'x' } }).ok).toBe(false);
  });

  it('accepts a credential request only for a valid secret name', () => {
    expect(parseHostToMain({ type: 'credentialRequest', id: 4, name: 'tradingGrid.clientSecret' }).ok).toBe(
      true,
    );
    expect(parseHostToMain({ type: 'credentialRequest', id: 4, name: 'a name with spaces' }).ok).toBe(false);
  });
});
