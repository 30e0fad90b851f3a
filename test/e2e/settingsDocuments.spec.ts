// The documents editor through the window: a limit the schema refuses is shown at its field and nothing
// is saved; a smaller largest-file limit is saved, the engine behind the bridge restarts on it, and a
// file dropped on a case above it is refused with that reason — while a smaller file still goes through.
import { test, expect } from './support/fixtures.ts';
import { dropFiles, pdfText } from './support/dropFiles.ts';
import {
  engineAsk,
  firstCaseWithIssue,
  navigateWindow,
  resetWorld,
  tradingGrid,
} from './support/bridgeControl.ts';
import type { APIRequestContext, Page } from '@playwright/test';
import type { CaseSummary } from '../../shared/ipc/dto.ts';

const MB = 1024 * 1024;
let disputed: CaseSummary;

test.beforeAll(async ({ request }) => {
  await resetWorld(request);
  disputed = await firstCaseWithIssue(request);
});

async function openSettings(page: Page) {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Settings' })).toBeVisible();
  return page.getByRole('form', { name: 'Settings' });
}

async function openCase(page: Page, request: APIRequestContext) {
  await navigateWindow(page, request, `case:${disputed.id}`);
  await expect(page.getByRole('heading', { name: disputed.title })).toBeVisible();
  return page.getByRole('region', { name: 'Drop dispute documents here' });
}

type Stored = { documents: { maxFileBytes: number | null; maxFilesPerUpload: number } };
const stored = async (request: APIRequestContext) =>
  (await engineAsk(request, 'settings:get', {})).settings as Stored;

test.describe('settings: document limits', () => {
  test('a limit the app cannot take is refused at its field, and nothing is saved', async ({
    page,
    request,
  }) => {
    const before = await stored(request);
    const form = await openSettings(page);
    const documents = form.getByRole('group', { name: 'Documents', exact: true });
    const largest = documents.getByLabel('Largest file to drop on a case (MB)');
    const perDrop = documents.getByLabel('Files in one drop');

    await largest.fill('-2');
    await perDrop.fill('0');
    await form.getByRole('button', { name: 'Save settings' }).click();

    await expect(form.getByRole('alert')).toContainText('Settings not saved.');
    await expect(largest).toHaveAttribute('aria-invalid', 'true');
    await expect(largest).toHaveAccessibleDescription(/enter a size in MB above 0/);
    await expect(perDrop).toHaveAttribute('aria-invalid', 'true');
    await expect(perDrop).toHaveAccessibleDescription(/expected number to be >=1/);
    expect(await stored(request)).toEqual(before);
  });

  test('a smaller largest file is saved, and a larger file dropped on a case is refused for it', async ({
    page,
    request,
  }) => {
    const form = await openSettings(page);
    const largest = form.getByLabel('Largest file to drop on a case (MB)');
    await expect(largest).toHaveValue('');
    await largest.fill('1');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    expect((await stored(request)).documents.maxFileBytes).toBe(MB);
    // The form reloads what was saved, in the unit it is typed in.
    await expect(largest).toHaveValue('1');

    const dropZone = await openCase(page, request);
    const large = 'scanned-proof-of-delivery.pdf';
    const small = 'proof-of-delivery-small.pdf';
    await dropFiles(page, dropZone, [
      { name: large, mimeType: 'application/pdf', text: pdfText('2 MB scan'), size: 2 * MB },
      { name: small, mimeType: 'application/pdf', text: pdfText('small scan'), size: 200_000 },
    ]);

    const uploads = page.getByRole('list', { name: 'Uploads' }).getByRole('listitem');
    await expect(uploads.filter({ hasText: large })).toContainText(
      'The file is too large: 2 MB, and this desk takes files up to 1 MB (Settings → Documents).',
    );
    await expect(uploads.filter({ hasText: small })).toContainText('Attached', { timeout: 30_000 });
    const held = await tradingGrid(request, { issueId: disputed.tgIssueId! });
    expect(held.attachments.map((a) => a.name)).toContain(small);
    expect(held.attachments.map((a) => a.name)).not.toContain(large);
  });
});
