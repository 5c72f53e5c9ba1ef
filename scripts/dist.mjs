// `npm run dist`: build the renderer and the Electron bundles, then package with electron-builder
// (electron-builder.yml) into release/.
//   npm run dist                            installers for this OS (dmg, nsis, or AppImage + deb)
//   npm run dist -- --linux AppImage deb    any electron-builder arguments
// electron-builder downloads the Electron zip from GitHub unless ELECTRON_DIST names a folder
// holding an unpacked Electron 45, and the installer formats fetch further tools from GitHub, so
// installers are made where the internet is reachable (.github/workflows/ci.yml builds them for
// every OS). Offline, only the `dir` targets work, with ELECTRON_DIST.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
run([join(root, 'scripts', 'buildElectron.mjs')]);
const builderArgs = ['--config', 'electron-builder.yml', ...process.argv.slice(2)];
if (process.env.ELECTRON_DIST) builderArgs.push(`-c.electronDist=${resolve(process.env.ELECTRON_DIST)}`);
run([join(root, 'node_modules', 'electron-builder', 'cli.js'), ...builderArgs]);
