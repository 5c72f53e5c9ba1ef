import { test as base, expect } from '@playwright/test';

/**
 * The Playwright test, watching the page: an uncaught exception, a console error or a console
 * warning in the app fails the test that caused it (React warnings, CSP violations and failed
 * renders would otherwise pass unnoticed behind a screen that looks right).
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
      });
      await use(problems);
      expect(problems, 'the app logged errors or warnings in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
