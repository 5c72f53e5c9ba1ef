import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const results = join(import.meta.dirname, '..', '..', 'test-results', 'e2e-electron');

// Electron end-to-end smoke suite. It needs the Electron binary and skips itself, loudly,
// where the binary is absent (see electronBinary.ts). On Linux without a display, run it
// under `xvfb-run -a`.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './globalSetup.ts',
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  outputDir: join(results, 'artifacts'),
  reporter: [['list'], ['json', { outputFile: join(results, 'results.json') }]],
});
