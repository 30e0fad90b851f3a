// Flow 3 through the window: a transaction that fails in xConnector shows up in the Failed view without
// a reload, its errors explained in plain words with the raw segment one click away, and the engine
// asks the shell for exactly one desktop notification whose click opens that transaction.
import { test, expect } from './support/fixtures.ts';
import {
  failTransactions,
  navigateWindow,
  notificationRequests,
  resetWorld,
} from './support/bridgeControl.ts';
import { saveScreenshot } from './support/screenshots.ts';

test.beforeAll(async ({ request }) => {
  await resetWorld(request);
});

test.describe('failed transactions', () => {
  test('a transaction failing in xConnector appears with its errors in plain words and a notification', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Failed/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Failed transactions' })).toBeVisible();
    const status = page.locator('.failed-screen').getByRole('status');
    await expect(status).toContainText(/\d+ failed transactions/);
    const before = Number((await status.textContent())!.replace(/\D/g, ''));

    const [failed] = await failTransactions(request, 1);
    expect(failed, 'the engine synced the newly failed transaction').toBeDefined();
    const t = failed!;
    expect(t.errors.length).toBeGreaterThan(0);

    // The engine's event brings it in: no reload, no click.
    await expect(status).toContainText(`${before + 1} failed transactions`);
    const item = page.getByRole('article', { name: `${t.documentLabel} #${t.controlNumber}` });
    await expect(item).toBeVisible();
    await expect(item).toContainText(t.partnerName);
    await expect(item).toContainText(t.errorSummary);
    const errors = item.getByRole('list', { name: `Errors in ${t.documentLabel} #${t.controlNumber}` });
    const first = t.errors[0]!;
    await expect(errors.getByRole('listitem').first()).toContainText(first.summary);
    if (first.explanation)
      await expect(errors.getByRole('listitem').first()).toContainText(first.explanation);
    // Plain words: no engine placeholders leak onto the screen.
    await expect(item).not.toContainText(/undefined|\[object Object\]|NaN/);

    const withRaw = t.errors.findIndex((e) => e.raw);
    if (withRaw >= 0) {
      const error = errors.getByRole('listitem').nth(withRaw);
      const raw = error.locator('pre');
      await expect(raw).toBeHidden();
      await error.getByText('Show raw segment').click();
      await expect(raw).toBeVisible();
      await expect(raw).toHaveText(t.errors[withRaw]!.raw);
    }

    const requests = (await notificationRequests(request)).filter((n) => n.target === `transaction:${t.id}`);
    expect(requests, 'one desktop notification for the failure').toHaveLength(1);
    expect(requests[0]).toMatchObject({
      kind: 'transaction_failed',
      partnerId: t.partnerId,
      body: t.errorSummary,
    });
    expect(requests[0]!.title).toContain(t.partnerName);

    await item.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'failed-transactions');
  });

  test('clicking the notification (a navigate event) opens the window on that transaction', async ({
    page,
    request,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
    const [t] = await failTransactions(request, 1);
    const [notification] = (await notificationRequests(request)).filter(
      (n) => n.target === `transaction:${t!.id}`,
    );
    await navigateWindow(page, request, notification!.target);
    await expect(page.getByRole('heading', { name: 'Failed transactions' })).toBeVisible();
    await expect(page.locator(`[id="tx-${t!.id}"]`)).toBeFocused();
  });
});
