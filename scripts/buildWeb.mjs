// Bundles the browser version's core (electron/harness/cli.ts) with esbuild, unless dist/web was
// built from exactly the sources there are now.
//   node scripts/buildWeb.mjs [--force]
// dist/web/cli.cjs           the core and its web transport; `npm run web` runs it with plain Node.
// dist/web/exportWorker.cjs  the export worker thread it starts (electron/core/export/exportWorker.ts).
// Run through tsx, the same start compiled about 400 TypeScript modules one by one each time
// (~1.3 s of CPU); one bundle loads in about a third of that. The packaged desktop app is bundled
// the same way (scripts/buildElectron.mjs), so both run what was built, not the sources.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sourcesHash } from './buildRenderer.mjs';

const root = resolve(import.meta.dirname, '..');
export const STAMP = '.sources-hash';
// Everything the bundles are made of: the core, the harness and what they import from electron/
// and shared/, the locked dependency versions, and how they are bundled.
export const INPUTS = ['electron', 'shared', 'package-lock.json', 'tsconfig.json', 'scripts/buildWeb.mjs', 'scripts/buildElectron.mjs'];
export const OUTPUTS = ['cli.cjs', 'exportWorker.cjs'];

/**
 * The Node arguments `npm run web` starts the core with (its script's last step, after `node`),
 * for the tests and benchmarks that start it exactly that way.
 */
export function webCoreArgs(base = root) {
  const { scripts } = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8'));
  const last = scripts.web.split('&&').at(-1).trim().split(/\s+/);
  if (last[0] !== 'node') throw new Error(`npm run web does not end by starting Node: ${scripts.web}`);
  return last.slice(1);
}

/** Whether dist/web holds a build of the current sources. */
export function webCoreIsCurrent(base = root) {
  const out = join(base, 'dist', 'web');
  const stamp = join(out, STAMP);
  return (
    OUTPUTS.every((f) => existsSync(join(out, f))) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourcesHash(base, INPUTS)
  );
}

async function bundle(base) {
  const { build } = await import('esbuild');
  const { MAIN_EXTERNALS } = await import('./buildElectron.mjs');
  const outdir = join(base, 'dist', 'web');
  const options = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    absWorkingDir: base,
    legalComments: 'none',
    external: MAIN_EXTERNALS,
    // import.meta has no meaning in CJS: modules that use it get the bundle's own URL and folder
    // (dist/web, two levels below the project like electron/harness, so paths from it still hold).
    define: { 'import.meta.url': '__vexaImportMetaUrl', 'import.meta.dirname': '__dirname' },
    banner: { js: 'const __vexaImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  };
  await build({ ...options, entryPoints: [join(base, 'electron', 'harness', 'cli.ts')], outfile: join(outdir, 'cli.cjs') });
  await build({
    ...options,
    entryPoints: [join(base, 'electron', 'core', 'export', 'exportWorker.ts')],
    outfile: join(outdir, 'exportWorker.cjs'),
  });
}

/** Builds when needed; returns whether it built. */
export async function ensureWebCoreBuilt({ force = false, base = root } = {}) {
  if (!force && webCoreIsCurrent(base)) return false;
  const hash = sourcesHash(base, INPUTS);
  console.error('Building the core from its sources…');
  await bundle(base);
  // From the sources as they were before the build, so an edit made during it rebuilds next time.
  writeFileSync(join(base, 'dist', 'web', STAMP), `${hash}\n`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  ensureWebCoreBuilt({ force: process.argv.includes('--force') }).catch((e) => {
    console.error(`The core could not be built: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
