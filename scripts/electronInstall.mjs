// Finds the Electron executable and, where it is missing, runs Electron's own installer.
//
// Electron 45's npm package has no install script: the binary (about 100 MB) is fetched on first use by
// node_modules/electron/install.js, which calls @electron/get: it downloads
// `${ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'}v45.5.0/electron-v45.5.0-<platform>-<arch>.zip`
// with Node's fetch into a temporary folder (os.tmpdir(), so TMPDIR), checks its SHA-256 against
// the package's checksums.json, moves it into the download cache (electron_config_cache, else
// ~/.cache/electron), unpacks it into node_modules/electron/dist and writes path.txt last. A file
// already in the cache is checked and reused without the network. Proxies are honoured only when
// ELECTRON_GET_USE_PROXY is set (undici's EnvHttpProxyAgent reads HTTPS_PROXY, HTTP_PROXY and
// NO_PROXY). On failure install.js prints `err.stack` and exits 1; an unpacking failure leaves
// whatever it had written in dist/, without path.txt.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { explainInstallFailure } from './electronInstallFailure.mjs';

const DEFAULT_EXECUTABLE = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/**
 * The electron package folder. VEXA_ELECTRON_PACKAGE_DIR names a copy of it, so that tests can let the
 * installer write into a folder of their own instead of the node_modules/electron everyone shares.
 */
export function electronPackageDir(root, env = process.env) {
  return env.VEXA_ELECTRON_PACKAGE_DIR ? resolve(env.VEXA_ELECTRON_PACKAGE_DIR) : join(root, 'node_modules', 'electron');
}

/** The Electron executable, found the way node_modules/electron/index.js finds it, or null. Never downloads. */
export function findElectronBinary(pkg, env = process.env, platform = process.platform) {
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

/** The proxy the download should use: the usual variables, then npm's own proxy settings. */
export function proxyFor(env = process.env) {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'npm_config_https_proxy', 'npm_config_proxy'];
  for (const name of names) if (env[name]) return env[name];
  return null;
}

/** The mirror @electron/get will use, read from the variables it reads (artifact-utils.js `mirrorVar`). */
export function mirrorFor(env = process.env) {
  const names = ['npm_config_electron_mirror', 'NPM_CONFIG_ELECTRON_MIRROR', 'npm_package_config_electron_mirror', 'ELECTRON_MIRROR'];
  for (const name of names) if (env[name]) return env[name];
  return null;
}

/** Electron's download cache: electron_config_cache, else the folder env-paths gives @electron/get (Cache.js). */
export function electronCacheDir(env = process.env, platform = process.platform, home = homedir()) {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'electron');
}

/** The environment for install.js: proxy support switched on where a proxy is configured, our hooks' settings. */
export function installerEnv(root, env = process.env, { tty = false } = {}) {
  const next = { ...env };
  next.NODE_PATH = [join(root, 'node_modules'), env.NODE_PATH].filter(Boolean).join(delimiter);
  next.ELECTRON_GET_NO_PROGRESS = '1';
  next.VEXA_INSTALL_PROGRESS = tty ? 'tty' : 'lines';
  const proxy = proxyFor(env);
  if (proxy) {
    // npm users set their proxy in .npmrc; npm hands it to scripts as npm_config_*, which fetch ignores.
    if (!env.HTTPS_PROXY && !env.https_proxy) next.HTTPS_PROXY = proxy;
    if (!env.HTTP_PROXY && !env.http_proxy) next.HTTP_PROXY = proxy;
    if (!env.NO_PROXY && !env.no_proxy && env.npm_config_noproxy) next.NO_PROXY = env.npm_config_noproxy;
    next.ELECTRON_GET_USE_PROXY ||= '1';
  }
  return next;
}

/** install.js writes path.txt last; without a successful run nothing in dist/ can be trusted. */
function discardPartialInstall(pkg) {
  const dist = join(pkg, 'dist');
  const left = existsSync(dist) || existsSync(join(pkg, 'path.txt'));
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(pkg, 'path.txt'), { force: true });
  return left;
}

/**
 * Runs node_modules/electron/install.js with our hooks, showing its progress and errors as they come.
 * @returns {Promise<{ ok: true } | { ok: false, output: string, interrupted: boolean, discarded: boolean, explanation: ReturnType<typeof explainInstallFailure> }>}
 */
export function installElectron({ root, pkg, env = process.env, stdout = process.stdout, stderr = process.stderr }) {
  const systemCa = process.allowedNodeEnvironmentFlags.has('--use-system-ca');
  const nodeArgs = [
    // Trust the certificates the operating system trusts, as the app itself does (electron/core/tlsTrust.ts).
    ...(systemCa ? ['--use-system-ca'] : []),
    '--require',
    join(root, 'scripts', 'electronInstallHooks.cjs'),
    join(pkg, 'install.js'),
  ];
  const childEnv = installerEnv(root, env, { tty: Boolean(stdout.isTTY) });
  // @electron/get downloads into a folder in os.tmpdir() and removes it when it fails, but not when
  // the process is killed (Ctrl+C): a private folder inside TMPDIR is removed here in every case.
  let scratch = null;
  try {
    scratch = mkdtempSync(join(tmpdir(), 'vexa-electron-install-'));
    Object.assign(childEnv, { TMPDIR: scratch, TMP: scratch, TEMP: scratch });
  } catch {
    // TMPDIR is not writable: the installer meets the same error and it is explained from there.
  }
  const child = spawn(process.execPath, nodeArgs, {
    cwd: pkg,
    env: childEnv,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let output = '';
  let pending = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    output += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    // Stack frames say nothing a person can act on; the full text still reaches the explanation.
    for (const line of lines) if (!/^\s+at /.test(line)) stderr.write(`${line}\n`);
  });
  // Ctrl+C reaches the installer too; wait for it so a half-unpacked dist/ can be removed.
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolvePromise) => {
    let done = false;
    const finish = (code, signal, spawnError) => {
      if (done) return;
      done = true;
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      if (pending && !/^\s+at /.test(pending)) stderr.write(`${pending}\n`);
      if (code === 0 && findElectronBinary(pkg, {})) return resolvePromise({ ok: true });
      if (spawnError) output += `\n${spawnError.stack ?? spawnError.message}`;
      const discarded = discardPartialInstall(pkg);
      const explanation = explainInstallFailure(output, {
        proxy: proxyFor(env),
        mirror: mirrorFor(env),
        systemCa,
        cacheDir: electronCacheDir(env),
      });
      resolvePromise({ ok: false, output, interrupted: Boolean(signal), discarded, explanation });
    };
    child.on('error', (error) => finish(null, null, error));
    // 'close' rather than 'exit': it comes after stderr has been read to the end.
    child.on('close', (code, signal) => finish(code, signal, null));
  });
}
