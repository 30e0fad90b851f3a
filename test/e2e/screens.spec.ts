// Every screen, visited the way a person would, with the console watched (support/fixtures.ts): no
// console error, no uncaught exception, no Content-Security-Policy violation anywhere. Also the inbox
// in the dark theme the window follows from the OS.
import { test, expect } from './support/fixtures.ts';
import { resetWorld } from './support/bridgeControl.ts';
import { saveScreenshot } from './support/screenshots.ts';

test.beforeAll(async ({ request }) => {
  await resetWorld(request);
});

test.describe('the window as a whole', () => {
  test('every screen opens without a console error or a CSP violation', async ({ page, consoleWatch }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
    await page.getByRole('list', { name: 'Cases' }).getByRole('button').first().click();
    await expect(page.getByRole('region', { name: 'Drop dispute documents here' })).toBeVisible();
    // The case view with its timeline; the upload spec replaces this picture with one showing an upload.
    await saveScreenshot(page, 'case-view');
    for (const [button, heading] of [
      [/^Failed/, 'Failed transactions'],
      [/^Health/, 'Sync health'],
      ['Settings', 'Settings'],
      [/^Inbox/, 'Inbox'],
    ] as const) {
      await nav.getByRole('button', { name: button }).click();
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      // Moving between screens puts focus on the new screen's heading.
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeFocused();
    }
    // The bridge really is the only door: the page has the API object and no Node.
    const surface = await page.evaluate(() => {
      const w = window as unknown as { partnerDesk?: object; require?: unknown; process?: unknown };
      return {
        api: Object.keys(w.partnerDesk ?? {}).sort(),
        frozen: Object.isFrozen(w.partnerDesk),
        node: typeof w.require,
        process: typeof w.process,
      };
    });
    expect(surface).toEqual({
      api: ['invoke', 'on', 'pathsForDroppedFiles'],
      frozen: true,
      node: 'undefined',
      process: 'undefined',
    });
    expect(consoleWatch.problems).toEqual([]);
  });

  test('the inbox follows a dark OS theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Cases' }).getByRole('listitem').first()).not.toContainText(
      'Loading case',
    );
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `a dark background, got ${background}`).toBeLessThan(3 * 80);
    await saveScreenshot(page, 'inbox-dark');
  });
});
