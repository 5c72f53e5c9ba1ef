// `npm start`: the desktop app. On first run it installs Electron with Electron's own installer
// (a download of about 100 MB), then builds the renderer and the Electron bundles and launches.
// Where Electron cannot be had, it says why and opens the same app in the browser instead.
//   node scripts/start.mjs [--web] [--skip-build] [--build-only] [--no-fallback] [--which-electron]
//   --web             the browser version on purpose (`npm run web -- --open`), no download
//   --skip-build      launch what the last build left in dist/
//   --build-only      build and stop; never downloads (the Electron e2e setup and `npm run dist` use it)
//   --no-fallback     where Electron cannot be had, exit 1 instead of opening the browser version
//   --which-electron  print the Electron executable, or exit 1; never downloads (test/e2e-electron)
// The `electron` package itself is never loaded: its index.js downloads on require and throws offline.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildElectron } from './buildElectron.mjs';
import { ensureRendererBuilt } from './buildRenderer.mjs';
import { electronPackageDir, findElectronBinary, installElectron } from './electronInstall.mjs';
import { planSandbox, readSandboxFacts } from './electronSandbox.mjs';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const pkg = electronPackageDir(root);

/** Runs a long-lived child, passing Ctrl+C through and exiting with its code. */
function hand(command, commandArgs, options = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * The browser version: `npm run web` builds the renderer itself and `--open` hands the address to
 * the default browser (electron/harness/cli.ts). VEXA_START_PRINT_WEB_COMMAND=1 prints the exact
 * command instead of running it, so tests can check the fallback without opening a browser.
 */
function openBrowserVersion() {
  const win = process.platform === 'win32';
  const command = win ? 'npm.cmd' : 'npm';
  const commandArgs = ['run', 'web', '--', '--open'];
  console.error('Opening the browser version: the same app, served on 127.0.0.1 and opened in your default browser.');
  if (process.env.VEXA_START_PRINT_WEB_COMMAND === '1') {
    console.log(`Would run: ${[command, ...commandArgs].join(' ')}`);
    process.exit(0);
  }
  console.error(`Running \`npm run web -- --open\`…\n`);
  hand(command, commandArgs, { shell: win });
}

/** Electron cannot be had: say why and how to retry, then open the browser version unless told not to. */
function cannotStartElectron(reason, retry) {
  console.error(`\nThe desktop app cannot start: ${reason}`);
  if (retry.length > 0) console.error(`To get it:\n${retry.map((line) => `  - ${line}`).join('\n')}`);
  if (args.has('--no-fallback')) {
    console.error('\nNot opening the browser version (--no-fallback). `npm start -- --web` opens it.');
    process.exit(1);
  }
  console.error('');
  openBrowserVersion();
}

/** The Electron executable, installing it first where it is missing; null when that failed (already explained). */
async function obtainElectron() {
  const found = findElectronBinary(pkg);
  if (found) return found;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    cannotStartElectron(
      `ELECTRON_OVERRIDE_DIST_PATH is ${process.env.ELECTRON_OVERRIDE_DIST_PATH}, and there is no Electron executable in it.`,
      [
        'Point it at a folder holding an unpacked Electron of the version in package.json, or unset it so that `npm start` downloads Electron.',
      ],
    );
    return null;
  }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    cannotStartElectron('Electron is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD asks not to download it.', [
      'Unset ELECTRON_SKIP_BINARY_DOWNLOAD and run `npm start` again.',
    ]);
    return null;
  }
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const dist = join(pkg, 'dist');
  const where = relative(root, dist).startsWith('..') ? dist : relative(root, dist);
  console.log(
    `Electron ${version} is not installed yet. Installing it now with Electron's installer: a one-time download of about 100 MB into ${where} (skipped when it is already in the download cache).`,
  );
  const result = await installElectron({ root, pkg });
  if (result.ok) {
    console.log(`Electron ${version} is installed.`);
    return findElectronBinary(pkg);
  }
  if (result.discarded) console.error(`Removed the partly installed files from ${where}.`);
  if (result.interrupted) {
    console.error('Installation stopped. `npm start` starts it again.');
    process.exit(130);
  }
  cannotStartElectron(`Electron could not be installed. ${result.explanation.reason}`, result.explanation.retry);
  return null;
}

async function main() {
  if (args.has('--which-electron')) {
    const binary = findElectronBinary(pkg);
    if (binary) console.log(binary);
    process.exit(binary ? 0 : 1);
  }
  if (args.has('--web')) {
    openBrowserVersion();
    return;
  }

  const binary = args.has('--build-only') ? null : await obtainElectron();
  if (!binary && !args.has('--build-only')) return;

  if (!args.has('--skip-build')) {
    ensureRendererBuilt();
    await buildElectron();
  }
  if (args.has('--build-only')) return;

  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const sandbox = planSandbox(readSandboxFacts({ binary }));
  if (sandbox.notice) console.warn(`${sandbox.notice}\n`);
  hand(binary, [root, ...sandbox.args], { env });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
