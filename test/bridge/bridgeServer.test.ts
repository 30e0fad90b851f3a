// The browser bridge the end-to-end suite runs the renderer through: it must answer exactly as the
// preload and ipcMain would (same validation, same results, same events), serve the build safely, and
// turn dropped bytes into real files the engine can stream from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { startBridge, type Bridge } from '../e2e/bridge/bridgeServer.ts';
import { EVENT_CHANNELS } from '../../shared/ipc/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/ipc/contentSecurityPolicy.ts';

let bridge: Bridge;
let rendererDir: string;

const INDEX_HTML = `<!doctype html>
<html>
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'pd-bridge-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  bridge = await startBridge({
    rendererDir,
    world: {
      partners: 4,
      exceptions: 20,
      transactions: 30,
      failedTransactionShare: 0.2,
      pollIntervalMs: 60_000,
    },
  });
});

afterAll(async () => {
  await bridge?.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

async function invoke(channel: unknown, args?: unknown) {
  const res = await fetch(`${bridge.url}/__bridge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, args }),
  });
  return { status: res.status, body: (await res.json()) as { result?: unknown; error?: string } };
}

/** A GET with the path sent exactly as written (fetch would normalise `..` away before sending). */
function rawGet(path: string, host?: string): Promise<{ status: number; body: string }> {
  const { port, hostname } = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser bridge: window.partnerDesk.invoke', () => {
  it('answers a call with what the desk service answers, from the real engine', async () => {
    const { status, body } = await invoke('cases:list', { limit: 5 });
    expect(status).toBe(200);
    const result = body.result as { items: { id: string; partnerName: string }[]; total: number };
    expect(result.total).toBe(20);
    expect(result.items).toHaveLength(5);
    const detail = await invoke('cases:get', { caseId: result.items[0]!.id });
    expect((detail.body.result as { summary: { id: string } }).summary.id).toBe(result.items[0]!.id);
  });

  it('refuses invalid arguments with 400 and the message that names the field, as ipcMain would', async () => {
    const { status, body } = await invoke('cases:list', { limit: 0, colour: 'red' });
    expect(status).toBe(400);
    expect(body.error).toMatch(/Invalid arguments for cases:list/);
    expect(body.error).toMatch(/limit/);
    expect(body.error).toMatch(/colour/);
  });

  it('refuses a channel the contract does not declare', async () => {
    const { status, body } = await invoke('fs:readFile', { path: '/etc/passwd' });
    expect(status).toBe(400);
    expect(body.error).toMatch(/Unknown IPC channel/);
  });

  it('answers null (not an error) for a case that does not exist', async () => {
    const { status, body } = await invoke('cases:get', { caseId: 'no-such-case' });
    expect(status).toBe(200);
    expect(body.result).toBeNull();
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(`${bridge.url}/__bridge/invoke`, { method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/not JSON/);
  });

  it('validates settings with the app settings schema and keeps credentials write-only', async () => {
    const view = (await invoke('settings:get')).body.result as { settings: { poll: Record<string, number> } };
    const bad = await invoke('settings:update', {
      settings: { ...view.settings, poll: { ...view.settings.poll, xconnectorIntervalMs: 5 } },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.result).toMatchObject({ ok: false });
    expect((bad.body.result as { errors: string[] }).errors.join('\n')).toMatch(
      /^poll\.xconnectorIntervalMs: /m,
    );

    const good = await invoke('settings:update', {
      settings: { ...view.settings, poll: { ...view.settings.poll, xconnectorIntervalMs: 30_000 } },
    });
    expect(good.body.result).toEqual({ ok: true });
    const after = (await invoke('settings:get')).body.result as {
      settings: { poll: Record<string, number> };
    };
    expect(after.settings.poll.xconnectorIntervalMs).toBe(30_000);

    const secret = 'a-new-secret-value-4711';
    expect(
      (await invoke('credentials:set', { name: 'xconnector.apiKey', value: secret })).body.result,
    ).toEqual({
      ok: true,
    });
    const stored = await invoke('settings:get');
    expect(JSON.stringify(stored.body)).not.toContain(secret);
    expect((stored.body.result as { credentialsStored: Record<string, boolean> }).credentialsStored).toEqual({
      'xconnector.apiKey': true,
      'tradingGrid.clientSecret': true,
    });
    // Put the simulator's real key back: the engine uses a saved key at once, and later tests sync.
    const world = await bridge.world();
    await invoke('credentials:set', {
      name: 'xconnector.apiKey',
      value: world.sims.credentials.xconnectorApiKey,
    });
  });
});

describe('browser bridge: serving the renderer build', () => {
  it('serves index.html with the bridge script placed before the app module script', async () => {
    const res = await fetch(`${bridge.url}/`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await res.text();
    const bridgeAt = html.indexOf('<script src="/__bridge/api.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(html.indexOf('<script type="module"'));
    expect(html).toContain(`content="default-src 'self'"`);
  });

  it('serves assets with their content types', async () => {
    const js = await fetch(`${bridge.url}/assets/index-abc.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("app")');
    const css = await fetch(`${bridge.url}/assets/index-abc.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers index.html for a client route and 404 for a missing file', async () => {
    expect((await fetch(`${bridge.url}/cases/C-1`)).status).toBe(200);
    expect((await fetch(`${bridge.url}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses paths that climb out of the build folder, however they are spelled', async () => {
    for (const path of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/assets/%2E%2E%2F%2E%2E%2Fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).not.toContain('"name": "partner-desk"');
    }
  });

  it('refuses requests that name a host other than the loopback', async () => {
    const res = await rawGet('/', 'attacker.example:80');
    expect(res.status).toBe(403);
  });

  it('serves the bridge script with the event channels of the IPC contract filled in', async () => {
    const res = await fetch(`${bridge.url}/__bridge/api.js`);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await res.text();
    expect(script).toContain(`const EVENT_CHANNELS = ${JSON.stringify(EVENT_CHANNELS)}`);
    expect(script).toContain("Object.defineProperty(window, 'partnerDesk'");
  });
});

describe('browser bridge: events and dropped files', () => {
  it('streams engine events to the window as server-sent events', async () => {
    const stop = new AbortController();
    const res = await fetch(`${bridge.url}/__bridge/events`, { signal: stop.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    await fetch(`${bridge.url}/__test/navigate`, {
      method: 'POST',
      body: JSON.stringify({ target: 'transaction:T-1' }),
    });
    let text = '';
    while (!text.includes('transaction:T-1')) text += decoder.decode((await reader.read()).value);
    stop.abort();
    expect(text).toContain(
      `data: ${JSON.stringify({ channel: 'navigate', payload: { target: 'transaction:T-1' } })}`,
    );
  });

  it('writes dropped bytes to a file of the same name, never outside its folder', async () => {
    const bytes = Buffer.from('%PDF-1.7 proof of delivery');
    const res = await fetch(`${bridge.url}/__bridge/files`, {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent('../../pod 42.pdf') },
      body: bytes,
    });
    expect(res.status).toBe(200);
    const { path } = (await res.json()) as { path: string };
    expect(basename(path)).toBe('pod 42.pdf');
    expect(dirname(dirname(path))).toMatch(/pd-bridge-drops-/);
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('refuses a dropped file without a name', async () => {
    const res = await fetch(`${bridge.url}/__bridge/files`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/x-file-name/);
  });
});

describe('browser bridge: test controls', () => {
  it('makes xConnector report a failed transaction that the engine syncs and notifies about', async () => {
    const res = await fetch(`${bridge.url}/__test/transactions/fail`, {
      method: 'POST',
      body: '{"count":1}',
    });
    const { transactions } = (await res.json()) as { transactions: { id: string; errors: unknown[] }[] };
    expect(transactions).toHaveLength(1);
    expect(transactions[0]!.errors.length).toBeGreaterThan(0);
    const notifications = (await (await fetch(`${bridge.url}/__test/notifications`)).json()) as {
      target: string;
    }[];
    expect(notifications.map((n) => n.target)).toContain(`transaction:${transactions[0]!.id}`);
  });

  it('refuses a control body with a misspelt field', async () => {
    const res = await fetch(`${bridge.url}/__test/transactions/fail`, {
      method: 'POST',
      body: '{"cuont":1}',
    });
    expect(res.status).toBe(400);
  });
});
