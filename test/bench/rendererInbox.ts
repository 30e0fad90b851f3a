// The inbox in Chromium at size: the renderer build in Debian's Chromium (as the e2e suite runs it),
// its API bridged to an engine over a store of N seeded cases, beside the same over 1,000 cases.
// Measured in the page (performance.now(), checked every animation frame):
// - first rows: from navigation start until the first row shows a case title;
// - a filter: from choosing a status until the count line and the first row are the engine's answer.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { STORE_FILE } from '../../electron/engine/engine.ts';
import { buildRendererPrivately } from '../e2e/bridge/rendererBuild.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/chromiumLaunch.ts';
import { openInboxDesk, type InboxDesk } from './inboxDesk.ts';
import { startRendererServer } from './rendererServer.ts';
import { figure, median, type Figure } from './figures.ts';
import { REFERENCE_CASES } from './inboxQueries.ts';
import type { seededStoreTemplates } from './seedCases.ts';

const FIRST_TITLE = '[aria-label="Cases"] .case-row:not(.case-row--loading) .case-row-title';
/** Status filters applied in turn, one per page load. */
const STATUSES = ['open', 'in_progress', 'waiting_on_partner', 'closed', 'resolved'];

interface PageNode {
  textContent: string | null;
}

export interface RendererTimes {
  firstRowsMs: number;
  filterMs: number;
}

/** Resolves with performance.now() in the page at the first animation frame where `check` holds. */
function pageTimeWhen(
  page: Page,
  check: { selector: string; count: string; title: string },
): Promise<number> {
  return page
    .waitForFunction(
      ({ selector, count, title }) => {
        // Runs in the page (this file is type-checked without the DOM library).
        const { document } = globalThis as unknown as {
          document: { querySelector(s: string): PageNode | null };
        };
        const first = document.querySelector(selector);
        const line = document.querySelector('.inbox-count')?.textContent?.replace(/\D/g, '') ?? '';
        return first?.textContent === title && line.startsWith(count) ? performance.now() : false;
      },
      check,
      { polling: 'raf', timeout: 120_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

async function measure(
  browser: Browser,
  url: string,
  desk: InboxDesk,
  loads: number,
): Promise<RendererTimes> {
  const firstPage = async (q: { status?: string }) => {
    const r = (await desk.service.invoke('cases:list', { ...q, limit: 1 })) as {
      items: { title: string }[];
      total: number;
    };
    return { title: r.items[0]?.title ?? '', total: r.total };
  };
  const all = await firstPage({});
  const firstRows: number[] = [];
  const filters: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      firstRows.push(
        await pageTimeWhen(page, { selector: FIRST_TITLE, count: String(all.total), title: all.title }),
      );
      const status = STATUSES[i % STATUSES.length]!;
      const expected = await firstPage({ status });
      const before = await page.evaluate(() => performance.now());
      await page.getByLabel('Status', { exact: true }).selectOption(status);
      const after = await pageTimeWhen(page, {
        selector: FIRST_TITLE,
        count: String(expected.total),
        title: expected.title,
      });
      filters.push(after - before);
    } finally {
      await context.close();
    }
  }
  return { firstRowsMs: median(firstRows), filterMs: median(filters) };
}

export type RendererInboxResult = { skipped: string } | { full: RendererTimes; reference: RendererTimes };

export async function rendererInbox(
  cases: number,
  templates: ReturnType<typeof seededStoreTemplates>,
  loads = 5,
): Promise<RendererInboxResult> {
  if (!existsSync(CHROMIUM))
    return { skipped: `no Chromium at ${CHROMIUM} (install the chromium package or set PD_CHROMIUM)` };
  const build = await buildRendererPrivately();
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-renderer-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const run = async (n: number): Promise<RendererTimes> => {
    const dataDir = join(dir, String(n));
    templates.copyTo(join(dataDir, STORE_FILE), n);
    const desk = openInboxDesk({ dataDir });
    const server = await startRendererServer(build.dir, desk.service);
    try {
      return await measure(browser, server.url, desk, loads);
    } finally {
      await server.close();
      await desk.close();
    }
  };
  try {
    const reference = await run(REFERENCE_CASES);
    const full = await run(cases);
    return { full, reference };
  } finally {
    await browser.close();
    build.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures `npm run bench` prints; without Chromium, none, and a line that says why. */
export async function rendererFigures(
  cases: number,
  templates: ReturnType<typeof seededStoreTemplates>,
  step: (text: string) => void,
): Promise<Figure[]> {
  const r = await rendererInbox(cases, templates);
  if ('skipped' in r) {
    step(`skipped the renderer figures: ${r.skipped}`);
    return [];
  }
  const size = new Intl.NumberFormat('en-US').format(cases);
  const reference = (value: number) => ({ name: `same with ${REFERENCE_CASES} cases`, value });
  return [
    figure(
      `renderer, ${size} cases: first rows of the inbox (from navigation)`,
      r.full.firstRowsMs,
      'ms',
      reference(r.reference.firstRowsMs),
    ),
    figure(
      `renderer, ${size} cases: a status filter applied (list and count updated)`,
      r.full.filterMs,
      'ms',
      reference(r.reference.filterMs),
    ),
  ];
}
