// `npm start`: build the renderer and the Electron bundles, then run the desktop app.
//   node scripts/start.mjs [--skip-build] [--build-only] [--no-fallback] [--which-electron]
// The Electron binary is located without loading the `electron` package: its index.js would
// try to download the binary, which fails (and throws) on machines without internet access.
// Where no binary exists, the same app opens in the browser instead (`npm run web`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildElectron } from './buildElectron.mjs';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));

const DEFAULT_EXECUTABLE = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/** The Electron executable, found the way node_modules/electron/index.js finds it, or null. */
function findElectronBinary(env = process.env, platform = process.platform) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || DEFAULT_EXECUTABLE[platform] || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!executable) return null;
  const candidate = join(pkg, 'dist', executable);
  return existsSync(candidate) ? candidate : null;
}

const NO_ELECTRON = `
The Electron binary is not installed on this machine. The electron package downloads it from
GitHub the first time it is needed, and that download is not possible here (offline, or GitHub
is blocked). Where the internet is reachable, run \`npx install-electron\` (or delete
node_modules/electron and run \`npm install\` again), or point ELECTRON_OVERRIDE_DIST_PATH at a
folder holding an unpacked Electron 45. To use the app now, run \`npm run web\`, which opens the
same app in your browser.
`;

function run(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Runs a long-lived child, passing Ctrl+C through and exiting with its code. */
function hand(command, commandArgs, options = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  if (args.has('--which-electron')) {
    const binary = findElectronBinary();
    if (binary) console.log(binary);
    process.exit(binary ? 0 : 1);
  }

  const binary = findElectronBinary();
  if (!binary && !args.has('--build-only')) {
    console.error(NO_ELECTRON);
    if (args.has('--no-fallback')) process.exit(1);
    // `npm run web` builds the renderer itself; the Electron bundles are not needed.
    console.error('Starting `npm run web` now…\n');
    hand(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'web'], { shell: process.platform === 'win32' });
    return;
  }

  if (!args.has('--skip-build')) {
    run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
    await buildElectron();
  }
  if (args.has('--build-only')) return;

  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const electronArgs = [root];
  // Chromium refuses to start as root with its sandbox on (containers, CI); this is development only.
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    console.warn('Running as root: starting Electron with --no-sandbox.');
    electronArgs.push('--no-sandbox');
  }
  hand(binary, electronArgs, { env });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
