import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// The web tier: the real renderer (dist/renderer, built by `vite build` before this runs), the
// real core behind the web harness, and the simulator as the only upstream. Debian's Chromium is
// used where it is installed, because Playwright's own browser download is unreachable on the
// project's machine; elsewhere (the Windows and macOS CI runners) Playwright's own Chromium, which
// the workflow installs with `npx playwright install chromium`.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const systemChromium = existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {};
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // A whole user flow (start the core and a simulator, several screens) on a 2-core machine running
  // other suites: a budget for a stuck test, not a speed target (speed is `npm run bench`'s).
  timeout: 60_000,
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
      ...systemChromium,
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
