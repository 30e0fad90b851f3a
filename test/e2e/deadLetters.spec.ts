// Sync health and dead letters through the window. A partner alert that Trading Grid keeps refusing
// spends its attempts and lands on the dead-letter list with its reason; once Trading Grid is well again,
// Retry delivers it exactly once; Discard (after asking) drops another one for good.
import { test, expect } from './support/fixtures.ts';
import { createDeadLetter, resetWorld, setFaults, tradingGrid, worldState } from './support/bridgeControl.ts';
import { saveScreenshot, scrollMainTo } from './support/screenshots.ts';
import type { Page } from '@playwright/test';

test.beforeAll(async ({ request }) => {
  await resetWorld(request);
});

test.afterEach(async ({ request }) => {
  await setFaults(request, 'trading-grid', {});
});

async function openHealth(page: Page) {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /^Health/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Sync health' })).toBeVisible();
}

const deadLetterRow = (page: Page, id: number) =>
  page
    .getByRole('table', { name: 'Writes that could not be delivered' })
    .getByRole('row', { name: new RegExp(`#${id} `) });

test.describe('sync health: dead letters', () => {
  test('a refused write becomes a dead letter with its reason, and Retry delivers it once', async ({
    page,
    request,
  }) => {
    await openHealth(page);
    const { deadLetter, correlationRef } = await createDeadLetter(request);
    expect((await tradingGrid(request, { correlationRef })).alertsWithRef).toBe(0);

    // The outbox event brings the dead letter onto the open screen.
    const row = deadLetterRow(page, deadLetter.id);
    await expect(row).toBeVisible();
    await expect(row).toContainText(correlationRef);
    await expect(row).toContainText(/Gave up after \d+ attempts/);
    await expect(row).toContainText('trading-grid');
    await expect(page.getByRole('button', { name: /^Health/ })).toContainText('1');
    // The picture shows the outbox and the dead letter, with the system cards just above.
    await scrollMainTo(page.getByRole('heading', { name: 'Outbox' }));
    await saveScreenshot(page, 'sync-health');

    await setFaults(request, 'trading-grid', {});
    await row.getByRole('button', { name: `Retry write #${deadLetter.id}` }).click();
    await expect(row).toBeHidden();
    await expect
      .poll(async () => (await tradingGrid(request, { correlationRef })).alertsWithRef, {
        message: 'the retried alert lands in Trading Grid',
        timeout: 30_000,
      })
      .toBe(1);
    // …and only once, however often the engine polls and delivers afterwards.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.outcome')).not.toBeEmpty();
    const after = await tradingGrid(request, { correlationRef });
    expect(after.alertsWithRef).toBe(1);
    expect(after.duplicates).toEqual([]);
    expect((await worldState(request)).outbox.dead).toBe(0);
  });

  test('Discard asks first, then drops the write for good', async ({ page, request }) => {
    await openHealth(page);
    const { deadLetter, correlationRef } = await createDeadLetter(request);
    await setFaults(request, 'trading-grid', {});
    const row = deadLetterRow(page, deadLetter.id);
    await expect(row).toBeVisible();

    await row.getByRole('button', { name: `Discard write #${deadLetter.id}` }).click();
    const dialog = page.getByRole('dialog', { name: `Discard write #${deadLetter.id}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toBeVisible();

    await row.getByRole('button', { name: `Discard write #${deadLetter.id}` }).click();
    await dialog.getByRole('button', { name: 'Discard write' }).click();
    await expect(row).toBeHidden();
    await expect(page.getByText('No failed writes')).toBeVisible();
    const state = await worldState(request);
    expect(state.outbox.dead).toBe(0);
    expect(state.outbox.discarded).toBeGreaterThanOrEqual(1);
    expect((await tradingGrid(request, { correlationRef })).alertsWithRef).toBe(0);
  });
});
