import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const results = join(import.meta.dirname, '..', '..', 'test-results', 'e2e-electron');

// The Electron end-to-end suite: the built app in the real Electron binary, driven by
// Playwright's `_electron`, against the simulator. It skips itself, loudly and per suite, where
// the binary is absent (electronBinary.ts); REQUIRE_ELECTRON_E2E=1 (the CI workflow) turns that
// into a failure. On Linux without a display, run it under `xvfb-run -a`, inside a D-Bus session
// with an unlocked gnome-keyring (.github/workflows/ci.yml shows the command).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './globalSetup.ts',
  // One app at a time: each launch is a whole Electron with its GPU and renderer processes.
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  // Starting Electron, the keyring's first answer and a meeting's status all take seconds on a CI runner.
  expect: { timeout: 15_000 },
  outputDir: join(results, 'artifacts'),
  reporter: [['list'], ['json', { outputFile: join(results, 'results.json') }]],
});
