// The inbox against a real engine: the seeded cases are there, every filter narrows the list and its
// counts to exactly what the engine says matches, search does too, and the keyboard alone opens a case.
import { test, expect } from './support/fixtures.ts';
import { caseCounts, engineAsk, firstCases, resetWorld } from './support/bridgeControl.ts';
import { saveScreenshot } from './support/screenshots.ts';
import type { Page } from '@playwright/test';

test.beforeAll(async ({ request }) => {
  await resetWorld(request);
});

const summary = (page: Page) => page.locator('.inbox-summary');
const caseList = (page: Page) => page.getByRole('list', { name: 'Cases' });
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

async function openInbox(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(caseList(page).getByRole('listitem').first()).not.toContainText('Loading case');
}

test.describe('inbox', () => {
  test('shows the seeded cases in SLA order, with their total', async ({ page, request }) => {
    const counts = await caseCounts(request);
    expect(counts.total, 'the seeded world has a few hundred cases').toBeGreaterThan(200);
    const { items } = await firstCases(request, 3);
    await openInbox(page);
    await expect(summary(page)).toContainText(`${count(counts.total)} cases`);
    await expect(page.getByRole('button', { name: /^Inbox/ })).toContainText(count(counts.total));
    const rows = caseList(page).getByRole('listitem');
    for (const [i, c] of items.entries()) {
      await expect(rows.nth(i)).toContainText(c.title);
      await expect(rows.nth(i)).toContainText(c.partnerName);
    }
    await saveScreenshot(page, 'inbox');
  });

  test('filtering by partner, status and type narrows the list and the counts', async ({ page, request }) => {
    const counts = await caseCounts(request);
    const partners = await engineAsk(request, 'partners:list', {});
    await openInbox(page);

    // The partner with the most cases, so the next filters still have something to narrow.
    const perPartner = await Promise.all(
      partners.map(async (p) => ({ p, n: (await firstCases(request, 1, { partnerId: p.id })).total })),
    );
    const { p: partner, n: partnerTotal } = perPartner.sort((a, b) => b.n - a.n)[0]!;
    expect(partnerTotal).toBeGreaterThan(0);
    expect(partnerTotal).toBeLessThan(counts.total);
    await page.getByLabel('Partner', { exact: true }).selectOption({ label: partner.name });
    await expect(summary(page)).toContainText(`${count(partnerTotal)} of ${count(counts.total)} cases`);
    const rows = caseList(page).getByRole('listitem');
    for (let i = 0; i < Math.min(partnerTotal, 5); i++) await expect(rows.nth(i)).toContainText(partner.name);

    const partnerCases = await firstCases(request, 1000, { partnerId: partner.id });
    const status = mostCommon(partnerCases.items.map((c) => c.status));
    const withStatus = await firstCases(request, 1, { partnerId: partner.id, status });
    await page.getByLabel('Status', { exact: true }).selectOption(status);
    await expect(summary(page)).toContainText(`${count(withStatus.total)} of ${count(counts.total)} cases`);

    const type = mostCommon(partnerCases.items.filter((c) => c.status === status).map((c) => c.type));
    const withType = await firstCases(request, 1, { partnerId: partner.id, status, type });
    await page.getByLabel('Type', { exact: true }).selectOption(type);
    await expect(summary(page)).toContainText(`${count(withType.total)} of ${count(counts.total)} cases`);
    expect(withType.total).toBeGreaterThan(0);
    expect(withType.total).toBeLessThanOrEqual(withStatus.total);
    await expect(rows).toHaveCount(Math.min(withType.total, await rows.count()));

    // Each option says how many cases it holds, as the engine counts them.
    const [someType, typeTotal] = Object.entries(counts.byType)[0]!;
    await expect(
      page.getByLabel('Type', { exact: true }).locator(`option[value="${someType}"]`),
    ).toContainText(`(${count(typeTotal)})`);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(summary(page)).toContainText(`${count(counts.total)} cases`);
    await expect(summary(page)).not.toContainText(' of ');
  });

  test('text search narrows the list to what the engine finds', async ({ page, request }) => {
    const counts = await caseCounts(request);
    const { items } = await firstCases(request, 50);
    // A word from one case's title that not every case shares.
    let word = '';
    let found = 0;
    for (const c of items) {
      for (const candidate of c.title.split(/\W+/).filter((w) => w.length >= 5)) {
        const n = (await firstCases(request, 1, { text: candidate })).total;
        if (n > 0 && n < counts.total) {
          word = candidate;
          found = n;
          break;
        }
      }
      if (word) break;
    }
    expect(word, 'some title word narrows the search').not.toBe('');
    await openInbox(page);
    await page.keyboard.press('/');
    await expect(page.getByLabel('Search cases')).toBeFocused();
    await page.keyboard.type(word);
    await expect(summary(page)).toContainText(`${count(found)} of ${count(counts.total)} cases`);

    await page.getByLabel('Search cases').fill('no case is called this 7f3a9');
    await expect(page.getByText('No cases match these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(summary(page)).toContainText(`${count(counts.total)} cases`);
  });

  test('the keyboard alone moves through the list and opens a case', async ({ page, request }) => {
    const { items } = await firstCases(request, 3);
    const third = items[2]!;
    await openInbox(page);
    const rows = caseList(page).getByRole('button');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(2)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: third.title })).toBeVisible();
    await expect(rows.nth(2)).toHaveAttribute('aria-current', 'true');
  });
});

function mostCommon(values: string[]): string {
  const tally = new Map<string, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
