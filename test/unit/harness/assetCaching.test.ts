import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../../electron/harness/assetCaching';

describe('what the browser version lets the browser keep', () => {
  it('keeps the built scripts and styles, named by their content, for good', () => {
    for (const path of ['/assets/index-BP2R2_aY.js', '/assets/describe-Dt8lRb__.css', '/assets/rolldown-runtime-WkwZ5CU-.js'])
      expect(cacheControlFor(path)).toBe('public, max-age=31536000, immutable');
  });

  it('asks again for the page, its icon, source maps and anything not named by its content', () => {
    for (const path of [
      '/',
      '/index.html',
      '/favicon.svg',
      '/assets/index-BP2R2_aY.js.map',
      '/assets/logo.svg',
      '/assets/main.js',
      '/x/assets/a-BP2R2_aY.js',
    ])
      expect(cacheControlFor(path)).toBe('no-store');
  });
});
