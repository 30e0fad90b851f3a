import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trustedSender.ts';
import { rendererLocation } from '../window/rendererLocation.ts';

const built = rendererLocation({ appPath: '/opt/Partner Desk/resources/app.asar', isPackaged: true });
const dev = rendererLocation({ appPath: '/src', isPackaged: false, devServerUrl: 'http://localhost:5173/' });

describe('security: only our own page may call the main process', () => {
  it('trusts the built index.html, whatever its hash or query (the renderer routes with them)', () => {
    expect(built.kind).toBe('file');
    if (built.kind !== 'file') return;
    expect(isTrustedSender(built.indexUrl, built)).toBe(true);
    expect(isTrustedSender(`${built.indexUrl}#/cases/exc:E-1`, built)).toBe(true);
    expect(isTrustedSender(`${built.indexUrl}?view=inbox`, built)).toBe(true);
  });

  it('accepts the Windows drive letter in either case, and nothing else that differs', () => {
    const win = {
      kind: 'file' as const,
      indexPath: 'C:\\PD\\index.html',
      indexUrl: 'file:///C:/Program%20Files/Partner%20Desk/resources/app.asar/dist/renderer/index.html',
    };
    expect(
      isTrustedSender(
        'file:///c:/Program%20Files/Partner%20Desk/resources/app.asar/dist/renderer/index.html',
        win,
      ),
    ).toBe(true);
    expect(
      isTrustedSender(
        'file:///D:/Program%20Files/Partner%20Desk/resources/app.asar/dist/renderer/index.html',
        win,
      ),
    ).toBe(false);
    expect(
      isTrustedSender(
        'file:///C:/program%20files/Partner%20Desk/resources/app.asar/dist/renderer/index.html',
        win,
      ),
    ).toBe(false);
  });

  it('refuses any other file, even one beside index.html or reached with ../', () => {
    if (built.kind !== 'file') return;
    expect(isTrustedSender(built.indexUrl.replace('index.html', 'other.html'), built)).toBe(false);
    expect(isTrustedSender('file:///etc/passwd', built)).toBe(false);
    expect(isTrustedSender('file:///tmp/index.html', built)).toBe(false);
    expect(
      isTrustedSender(
        'file://evil-host/opt/Partner%20Desk/resources/app.asar/dist/renderer/index.html',
        built,
      ),
    ).toBe(false);
    // The URL parser resolves ../, so a detour that lands elsewhere is judged by where it lands.
    expect(isTrustedSender(`${built.indexUrl}/../../../../etc/passwd`, built)).toBe(false);
  });

  it('refuses web pages, blank frames, data and error pages, and garbage', () => {
    for (const url of [
      'https://evil.example.com/',
      'http://localhost:5173/',
      'about:blank',
      'data:text/html,<script>alert(1)</script>',
      'chrome-error://chromewebdata/',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
      null,
      undefined,
    ])
      expect(isTrustedSender(url, built), String(url)).toBe(false);
  });

  it('in development trusts the local Vite server by origin only', () => {
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/index.html#/settings', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedSender('http://localhost.evil.com:5173/', dev)).toBe(false);
  });
});

describe('window: where the renderer is loaded from', () => {
  it('always loads the built files in a packaged app, ignoring a dev server setting', () => {
    const loc = rendererLocation({
      appPath: '/app',
      isPackaged: true,
      devServerUrl: 'http://localhost:5173',
    });
    expect(loc).toMatchObject({ kind: 'file', indexUrl: 'file:///app/dist/renderer/index.html' });
  });

  it('accepts only a loopback http dev server, saying why otherwise', () => {
    expect(() =>
      rendererLocation({ appPath: '/a', isPackaged: false, devServerUrl: 'https://x.example.com' }),
    ).toThrow(/must be a local http address/);
    expect(() =>
      rendererLocation({ appPath: '/a', isPackaged: false, devServerUrl: 'localhost:5173' }),
    ).toThrow(/must be a local http address|not a URL/);
    expect(
      rendererLocation({ appPath: '/a', isPackaged: false, devServerUrl: 'http://127.0.0.1:4000' }),
    ).toEqual({
      kind: 'dev',
      url: 'http://127.0.0.1:4000/',
      origin: 'http://127.0.0.1:4000',
    });
  });
});
