import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The packaging tier (scripts/test.mjs): electron-builder packages the app for every OS from a
// stand-in Electron, then the tests open the packages. Builds run one after another in beforeAll.
export default defineConfig({
  test: {
    root: join(import.meta.dirname, '..', '..'),
    include: ['test/packaging/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
