import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer runs under a strict CSP (no inline script or style, connect-src 'none'), so the
// build must not inline anything: assets stay files and the modulepreload polyfill (an inline
// script) is off. Relative base lets the same bundle load from file://, app:// and the harness.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome130',
  },
});
