// `npm run dist`: build everything, then package with electron-builder (electron-builder.yml).
//   node scripts/dist.mjs [electron-builder args, e.g. --linux dir]
// electron-builder downloads the Electron zip from GitHub unless ELECTRON_DIST names a folder
// holding an unpacked Electron 45 (on machines without internet, only `--linux dir` with
// ELECTRON_DIST can work; AppImage, deb, dmg and nsis fetch further tools from GitHub).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run([join(root, 'scripts', 'start.mjs'), '--build-only']);
const builderArgs = ['--config', 'electron-builder.yml', ...process.argv.slice(2)];
if (process.env.ELECTRON_DIST) builderArgs.push(`-c.electronDist=${resolve(process.env.ELECTRON_DIST)}`);
run([join(root, 'node_modules', 'electron-builder', 'cli.js'), ...builderArgs]);
