import { test as base, expect } from '@playwright/test';
import { isAfterCloseNoise, resetAppClosed } from './appClosing';

/**
 * The Playwright test, watching the page: an uncaught exception, a console error or a console
 * warning in the app fails the test that caused it (React warnings, CSP violations and failed
 * renders would otherwise pass unnoticed behind a screen that looks right). A test that provokes a
 * message on purpose names it with `allowPageProblem`; every other message still fails it.
 */
export const test = base.extend<{ allowedPageProblems: RegExp[]; allowPageProblem: (pattern: RegExp) => void; pageProblems: string[] }>({
  allowedPageProblems: async ({}, use) => {
    await use([]);
  },
  allowPageProblem: async ({ allowedPageProblems }, use) => {
    await use((pattern) => void allowedPageProblems.push(pattern));
  },
  pageProblems: [
    async ({ page, allowedPageProblems }, use) => {
      const problems: string[] = [];
      resetAppClosed();
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() !== 'error' && m.type() !== 'warning') return;
        const problem = `console.${m.type()}: ${m.text()}`;
        if (!isAfterCloseNoise(problem)) problems.push(problem);
      });
      await use(problems);
      const unexpected = problems.filter((p) => !allowedPageProblems.some((pattern) => pattern.test(p)));
      expect(unexpected, 'the app logged errors or warnings in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
