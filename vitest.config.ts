import { defineConfig } from 'vitest/config';

// Unit and integration tiers run in Node (the core's runtime). The e2e tier is Playwright.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
