// Builds the renderer (vite) unless dist/renderer was built from exactly the sources there are now.
//   node scripts/buildRenderer.mjs [--force]
// `npm run web` and `npm start` call it on every start; rebuilding only when something changed
// saves the build on each start and keeps its output out of the way. The sources are everything
// the bundle is made of: renderer/, shared/, the vite config and the locked dependency versions.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const STAMP = '.sources-hash';
const INPUTS = ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  const entries = readdirSync(path, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** A hash of every source file's path and contents, in a stable order. */
export function sourcesHash(base = root, inputs = INPUTS) {
  const hash = createHash('sha256');
  const all = inputs.flatMap((input) => files(join(base, input))).sort();
  for (const file of all) {
    hash.update(relative(base, file).replaceAll('\\', '/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/renderer holds a build of the current sources. */
export function rendererIsCurrent(base = root) {
  const out = join(base, 'dist', 'renderer');
  const stamp = join(out, STAMP);
  return existsSync(join(out, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sourcesHash(base);
}

/** Builds when needed; returns whether it built. Exits the process when the build fails. */
export function ensureRendererBuilt({ force = false, base = root } = {}) {
  if (!force && rendererIsCurrent(base)) return false;
  const hash = sourcesHash(base);
  console.log('Building the app from its sources…');
  const r = spawnSync(process.execPath, [join(base, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: base,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // Written after the build (which empties the folder), from the sources as they were before it.
  writeFileSync(join(base, 'dist', 'renderer', STAMP), `${hash}\n`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const built = ensureRendererBuilt({ force: process.argv.includes('--force') });
  if (!built) console.log('The app is already built from the current sources; not building it again.');
}
