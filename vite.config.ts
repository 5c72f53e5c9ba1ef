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
    rolldownOptions: {
      output: {
        // One file of everything (about 650 kB) trips Vite's 500 kB warning on every build. The
        // libraries change far less often than the app, so they go in their own files: React, the
        // schema library, and the rest of node_modules. The first screen loads those and the app's
        // own entry; the screens it does not show (Settings, Admin, a library meeting, the export
        // dialogs) are chunks of their own, loaded on demand from the same folder, so the app
        // still works offline from its files (renderer/app/lazyScreens.tsx).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
