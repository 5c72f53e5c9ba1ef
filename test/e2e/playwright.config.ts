import { defineConfig } from '@playwright/test';

// The web tier: the real renderer (dist/renderer, built by `vite build` before this runs), the
// real core behind the web harness, and the simulator as the only upstream. Debian's Chromium is
// used because Playwright's own browser download is unreachable here.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e/results.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1180, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // Transitions off: screenshots show settled states, and the reduced-motion path is exercised.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
