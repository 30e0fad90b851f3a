// Screenshots of each screen for docs/screenshots (shown in the README): fixed viewport, no animation,
// no blinking caret, so a re-run only changes a picture when the screen changed.
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';

const FOLDER = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Only the main area should scroll; a click's scroll-into-view can also shift the document itself when
  // something overflows it, which would crop the header off the picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: `${FOLDER}${name}.png`,
    animations: 'disabled',
    caret: 'hide',
    scale: 'css',
  });
}

/**
 * Scrolls the window's main area (only it: element.scrollIntoView would scroll every ancestor, the
 * document included) so the element sits at its top, for a picture of what lies below the fold.
 */
export async function scrollMainTo(target: Locator): Promise<void> {
  await target.evaluate((element) => {
    const main = element.closest('main');
    if (!main) throw new Error('the element is not inside the main area');
    main.scrollTop += element.getBoundingClientRect().top - main.getBoundingClientRect().top - 16;
  });
}
