// Settings through the window: bad input is refused next to the field that holds it and nothing is
// saved; good input is saved where the engine reads it; "Test connection" asks the real engine; and a
// credential goes one way only — stored, the field emptied, never shown or sent back.
import { test, expect } from './support/fixtures.ts';
import { engineAsk, resetWorld } from './support/bridgeControl.ts';
import { saveScreenshot, scrollMainTo } from './support/screenshots.ts';
import type { Page } from '@playwright/test';

test.beforeAll(async ({ request }) => {
  await resetWorld(request);
});

async function openSettings(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Settings' })).toBeVisible();
}

type StoredSettings = {
  poll: { xconnectorIntervalMs: number };
  connections: { xconnector: { baseUrl: string | null } };
};

test.describe('settings', () => {
  test('an invalid poll interval or address shows the field error and saves nothing', async ({
    page,
    request,
  }) => {
    const before = (await engineAsk(request, 'settings:get', {})).settings as StoredSettings;
    await openSettings(page);
    const form = page.getByRole('form', { name: 'Settings' });
    const poll = form.getByLabel('xConnector poll interval (seconds)');
    const address = form.getByLabel('xConnector address');

    await poll.fill('0.1');
    await address.fill('ftp://files.example.com');
    await form.getByRole('button', { name: 'Save settings' }).click();

    await expect(form.getByRole('alert')).toContainText('Settings not saved.');
    await expect(poll).toHaveAttribute('aria-invalid', 'true');
    await expect(poll).toHaveAccessibleDescription(/between 0\.25 and 3600/);
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(address).toHaveAccessibleDescription(/http\(s\) address/);
    expect((await engineAsk(request, 'settings:get', {})).settings).toEqual(before);

    await poll.fill('30');
    await address.fill('https://xconnector.example.com');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('alert')).toBeHidden();
    await expect(poll).not.toHaveAttribute('aria-invalid', 'true');
    await expect
      .poll(
        async () =>
          ((await engineAsk(request, 'settings:get', {})).settings as StoredSettings).poll
            .xconnectorIntervalMs,
      )
      .toBe(30_000);
    const saved = (await engineAsk(request, 'settings:get', {})).settings as StoredSettings;
    expect(saved.connections.xconnector.baseUrl).toBe('https://xconnector.example.com');
  });

  test('"Test connection" reports what the engine found', async ({ page }) => {
    await openSettings(page);
    await page.getByRole('button', { name: 'Test connection to xConnector' }).click();
    await expect(page.getByRole('status', { name: 'xConnector connection test result' })).toHaveText(
      'Connected to xConnector.',
    );
    await page.getByRole('button', { name: 'Test connection to Trading Grid' }).click();
    await expect(page.getByRole('status', { name: 'Trading Grid connection test result' })).toHaveText(
      'Connected to Trading Grid.',
    );
    await scrollMainTo(page.getByRole('heading', { name: 'Settings', exact: true }));
    await saveScreenshot(page, 'settings');
  });

  test('a credential is write-only: after saving, the field is empty and shows "stored"', async ({
    page,
    request,
  }) => {
    const secret = `e2e-client-secret-${Date.now()}`;
    await openSettings(page);
    const credential = page.getByRole('form', { name: 'Trading Grid client secret' });
    const field = credential.getByLabel('Trading Grid client secret');
    await expect(field).toHaveAttribute('type', 'password');

    await field.fill(secret);
    await credential.getByRole('button', { name: /in keychain$/ }).click();
    await expect(credential.getByRole('status')).toHaveText('Stored in the system keychain.');
    await expect(field).toHaveValue('');
    await expect(credential).toContainText('stored');
    await expect(credential).not.toContainText('not stored');

    // Nothing brings the secret back: not the page, not the settings the window can read.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Inbox/ })
      .click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await expect(
      page.getByRole('form', { name: 'Trading Grid client secret' }).getByLabel('Trading Grid client secret'),
    ).toHaveValue('');
    expect(await page.content()).not.toContain(secret);
    const view = await engineAsk(request, 'settings:get', {});
    expect(JSON.stringify(view)).not.toContain(secret);
    expect(view.credentialsStored['tradingGrid.clientSecret']).toBe(true);

    // An empty field is refused in words, not stored.
    await credential.getByRole('button', { name: /in keychain$/ }).click();
    await expect(field).toHaveAccessibleDescription(/Type the Trading Grid client secret/);
  });
});
