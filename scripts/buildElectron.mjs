// Bundles the Electron main process and the preload with esbuild.
//   node scripts/buildElectron.mjs [--outdir <dir>]
// dist/electron/main.cjs     Node CJS; electron, better-sqlite3 and ws' optional natives stay external.
// dist/electron/exportWorker.cjs  the export worker thread (electron/core/export/exportWorker.ts).
// dist/electron/preload.cjs  one CJS file requiring only `electron`: a sandboxed preload cannot
//                            require anything else, not even a relative file.
// dist/electron/icon.png     the window icon for Linux (build/icons/512x512.png; macOS and Windows
//                            take the app's own icon), read from app.asar at run time.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const contractPath = join(root, 'shared', 'ipc', 'contract.ts');

// The packages the bundles load from node_modules at run time, and so the only code packages in
// package.json "dependencies" (everything bundled is a devDependency and never ships twice):
// better-sqlite3 finds its native binary relative to its own folder; pdfkit and fontkit read data
// files next to their own sources; electron-updater requires `electron` at run time, which only
// exists inside the packaged app, and is loaded by electron/main/index.ts alone.
export const RUNTIME_PACKAGES = ['better-sqlite3', 'pdfkit', 'fontkit', 'electron-updater'];
// Optional speedups ws looks for inside try/catch; the app does not ship them.
const OPTIONAL_NATIVES = ['bufferutil', 'utf-8-validate'];
export const MAIN_EXTERNALS = ['electron', ...RUNTIME_PACKAGES, ...OPTIONAL_NATIVES];

/** The contract's channel names, read by bundling the contract once (it needs zod to evaluate). */
async function loadChannelNames() {
  const out = await build({
    entryPoints: [contractPath],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  if (!Array.isArray(mod.channelNames) || mod.channelNames.length === 0) throw new Error('shared/ipc/contract.ts exports no channelNames');
  return mod.channelNames;
}

/** Swaps the contract for a list of its names, keeping zod out of the preload bundle. */
function channelNamesOnly(names) {
  return {
    name: 'channel-names-only',
    setup(b) {
      b.onResolve({ filter: /[\\/]ipc[\\/]contract$/ }, (args) => {
        const target = resolve(args.resolveDir, args.path) + '.ts';
        return target === contractPath ? { path: contractPath, namespace: 'channel-names' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'channel-names' }, () => ({
        contents: `export const channelNames = ${JSON.stringify(names)};`,
        loader: 'js',
      }));
    },
  };
}

/** Every module the CJS text requires, e.g. ["electron"]. */
export function requiredModules(code) {
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))].sort();
}

export async function buildElectron({ outdir = join(root, 'dist', 'electron'), minify = false } = {}) {
  const names = await loadChannelNames();
  const common = { bundle: true, format: 'cjs', sourcemap: true, minify, logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };

  const nodeBundle = {
    ...common,
    platform: 'node',
    target: 'node22',
    external: MAIN_EXTERNALS,
    // import.meta.url has no meaning in CJS; give modules that use it the bundle's own URL.
    define: { 'import.meta.url': '__vexaImportMetaUrl' },
    banner: { js: 'const __vexaImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  };
  await build({ ...nodeBundle, entryPoints: [join(root, 'electron', 'main', 'index.ts')], outfile: join(outdir, 'main.cjs') });
  await build({
    ...nodeBundle,
    entryPoints: [join(root, 'electron', 'core', 'export', 'exportWorker.ts')],
    outfile: join(outdir, 'exportWorker.cjs'),
  });

  const preload = await build({
    ...common,
    entryPoints: [join(root, 'electron', 'preload', 'index.ts')],
    outfile: join(outdir, 'preload.cjs'),
    platform: 'browser',
    target: 'es2023',
    external: ['electron'],
    plugins: [channelNamesOnly(names)],
    write: false,
  });
  const { copyFile, writeFile, mkdir } = await import('node:fs/promises');
  await mkdir(outdir, { recursive: true });
  await copyFile(join(root, 'build', 'icons', '512x512.png'), join(outdir, 'icon.png'));
  for (const file of preload.outputFiles) {
    if (file.path.endsWith('.cjs')) {
      const extra = requiredModules(file.text).filter((m) => m !== 'electron');
      if (extra.length > 0)
        throw new Error(`The preload bundle requires ${extra.join(', ')}; a sandboxed preload can only require electron.`);
    }
    await writeFile(file.path, file.contents);
  }
  return { outdir, channelNames: names };
}

export function isNodeBuiltin(name) {
  return name.startsWith('node:') || builtinModules.includes(name);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const i = process.argv.indexOf('--outdir');
  const outdir = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : undefined;
  buildElectron({ outdir }).then(
    (r) => console.log(`Built the Electron main process and preload into ${fileURLToPath(pathToFileURL(r.outdir))}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
