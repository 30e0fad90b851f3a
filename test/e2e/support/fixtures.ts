// The `test` every spec uses: Playwright's, plus a watch on the page's console. Any console error, any
// uncaught exception and any Content-Security-Policy violation fails the test that caused it, so
// "no console errors, no CSP violations" holds on every screen the suite visits, not only in one spec.
import { test as base, expect } from '@playwright/test';

export interface ConsoleWatch {
  problems: string[];
}

export const test = base.extend<{ consoleWatch: ConsoleWatch; expectedConsoleErrors: RegExp[] }>({
  // A spec that provokes an error on purpose lists what it expects (test.use) — nothing else may appear.
  expectedConsoleErrors: [[], { option: true }],
  consoleWatch: [
    async ({ page, expectedConsoleErrors }, use) => {
      const watch: ConsoleWatch = { problems: [] };
      const note = (line: string) => {
        if (!expectedConsoleErrors.some((re) => re.test(line))) watch.problems.push(line);
      };
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(text))
          note(
            `console.${message.type()}: ${text}${message.location().url ? ` (${message.location().url})` : ''}`,
          );
      });
      page.on('pageerror', (error) => note(`uncaught: ${error.message}`));
      // Chromium reports most CSP refusals on the console; the DOM event catches the rest (e.g. style).
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(
            `CSP violation: ${e.violatedDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
          );
        });
      });
      await use(watch);
      expect(watch.problems, 'the window logged no errors and broke no CSP rule').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
