// Flow 2 through the window: files dragged from the desktop onto a case are uploaded to its Trading Grid
// issue, which then holds each exactly once; the same file dropped again is refused as a duplicate; a
// file too large or of a type Trading Grid does not take is refused with its reason. The drag is a real
// DataTransfer of File objects with dragenter/dragover/drop, so the renderer's own drop handler runs.
import { test, expect } from './support/fixtures.ts';
import { dropFiles, pdfText } from './support/dropFiles.ts';
import { firstCaseWithIssue, navigateWindow, resetWorld, tradingGrid } from './support/bridgeControl.ts';
import { saveScreenshot } from './support/screenshots.ts';
import type { APIRequestContext, Page } from '@playwright/test';
import type { CaseSummary } from '../../shared/ipc/dto.ts';

/** Trading Grid's published attachment limit in the bridge's world (see bridgeWorld.ts). */
const ATTACHMENT_LIMIT_BYTES = 5 * 1024 * 1024;

let disputed: CaseSummary;

test.beforeAll(async ({ request }) => {
  await resetWorld(request);
  disputed = await firstCaseWithIssue(request);
});

async function openCase(page: Page, request: APIRequestContext) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  // The way a notification click opens a case: a navigate event from the main process.
  await navigateWindow(page, request, `case:${disputed.id}`);
  await expect(page.getByRole('heading', { name: disputed.title })).toBeVisible();
  return page.getByRole('region', { name: 'Drop dispute documents here' });
}

const uploadRows = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Uploads' }).getByRole('listitem').filter({ hasText: name });

/** Waits for the file's row to say `status`, then checks the file is listed once (one row per drop). */
async function expectListedOnce(page: Page, name: string, status: string | RegExp) {
  const rows = uploadRows(page, name);
  await expect(rows.last()).toContainText(status, { timeout: 30_000 });
  await expect(rows, `${name} is listed once in the uploads`).toHaveCount(1);
}

test.describe('flow 2: dispute documents dropped on a case', () => {
  test('uploads a dropped file once, and refuses the same file dropped again as a duplicate', async ({
    page,
    request,
  }) => {
    const dropZone = await openCase(page, request);
    const name = 'proof-of-delivery-0042.pdf';
    await dropFiles(page, dropZone, [
      { name, mimeType: 'application/pdf', text: pdfText('POD 0042'), size: 300_000 },
    ]);

    await expectListedOnce(page, name, 'Attached');
    await expect(page.getByRole('list', { name: 'Documents' })).toContainText(name);
    await expect(page.locator('.case-main')).toContainText(name);
    const held = await tradingGrid(request, { issueId: disputed.tgIssueId! });
    expect(held.attachments.filter((a) => a.name === name)).toHaveLength(1);
    expect(held.attachments.find((a) => a.name === name)?.sizeBytes).toBe(300_000);
    await saveScreenshot(page, 'case-view');

    // The same bytes again (the person drops it a second time): refused, and Trading Grid unchanged.
    await dropFiles(page, dropZone, [
      { name, mimeType: 'application/pdf', text: pdfText('POD 0042'), size: 300_000 },
    ]);
    const rows = uploadRows(page, name);
    await expect(rows.last()).toContainText(/Refused: .*(already|duplicate)/i, { timeout: 30_000 });
    await expect(rows, 'the second drop adds one row').toHaveCount(2);
    await expect(rows.first()).toContainText('Attached');
    const after = await tradingGrid(request, { issueId: disputed.tgIssueId! });
    expect(after.attachments.filter((a) => a.name === name)).toHaveLength(1);
    expect(after.duplicateContent).toEqual([]);
    expect(after.duplicates).toEqual([]);
  });

  test('refuses a file too large for Trading Grid, saying so, and sends nothing', async ({
    page,
    request,
  }) => {
    const dropZone = await openCase(page, request);
    const name = 'scanned-delivery-notes.pdf';
    await dropFiles(page, dropZone, [
      { name, mimeType: 'application/pdf', text: pdfText('big scan'), size: ATTACHMENT_LIMIT_BYTES + 1024 },
    ]);
    await expectListedOnce(page, name, /Refused: .*(too large|larger|size|limit)/i);
    const held = await tradingGrid(request, { issueId: disputed.tgIssueId! });
    expect(held.attachments.filter((a) => a.name === name)).toHaveLength(0);
  });

  test('refuses a file of a type Trading Grid does not take, saying so, and sends nothing', async ({
    page,
    request,
  }) => {
    const dropZone = await openCase(page, request);
    const name = 'invoice-viewer.exe';
    await dropFiles(page, dropZone, [
      {
        name,
        mimeType: 'application/x-msdownload',
        text: 'MZ\u0090\u0000\u0003 this program cannot be run in DOS mode',
      },
    ]);
    await expectListedOnce(page, name, /Refused: .*type/i);
    const held = await tradingGrid(request, { issueId: disputed.tgIssueId! });
    expect(held.attachments.filter((a) => a.name === name)).toHaveLength(0);
  });
});
