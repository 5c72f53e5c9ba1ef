import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  copyElectronPackage,
  electronVersion,
  executableName,
  makeZip,
  root,
  runStart,
  serve,
  standInElectron,
  zipName,
  type LocalServer,
  type PackageCopy,
} from '../../fixtures/start/electronPackage';
import { fixtureBytes, fixturePath } from '../../support/fixtures';

// `npm start` on a machine without the Electron binary runs Electron's own installer
// (node_modules/electron/install.js → @electron/get) against mirrors on 127.0.0.1, pointed at with
// ELECTRON_MIRROR, as the real download would run against GitHub. Each test installs into its own
// copy of the electron package (VEXA_ELECTRON_PACKAGE_DIR) and its own download cache.
const copies: PackageCopy[] = [];
const servers: LocalServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const copy of copies) copy.remove();
});

async function mirror(...args: Parameters<typeof serve>): Promise<LocalServer> {
  const server = await serve(...args);
  servers.push(server);
  return server;
}

function packageCopy(zip?: Buffer): PackageCopy {
  const copy = copyElectronPackage(zip);
  copies.push(copy);
  return copy;
}

function serveFile(body: Buffer) {
  return mirror((_req, res) => {
    res.writeHead(200, { 'content-length': body.length });
    res.end(body);
  });
}

/** `npm start -- --skip-build [more]` against `mirrorUrl`, installing into `copy`. */
function start(copy: PackageCopy, mirrorUrl: string, more: string[] = ['--no-fallback'], env: Record<string, string> = {}) {
  return runStart(['--skip-build', ...more], {
    VEXA_ELECTRON_PACKAGE_DIR: copy.dir,
    electron_config_cache: copy.cache,
    ELECTRON_MIRROR: mirrorUrl,
    ...env,
  });
}

const stub = makeZip([
  { name: executableName, data: standInElectron, mode: 0o755 },
  { name: 'version', data: `v${electronVersion}` },
]);

describe('npm start on first run, when the download fails', () => {
  let forbidden: LocalServer;
  beforeAll(async () => {
    forbidden = await mirror((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('blocked by policy');
    });
  });

  it('says a 403 means the download is blocked, how to retry, and exits 1 with --no-fallback', async () => {
    const r = await start(packageCopy(), forbidden.url);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Electron ${electronVersion} is not installed yet. Installing it now with Electron's installer`);
    expect(r.stderr).toContain(`Connecting to ${forbidden.url}v${electronVersion}/${zipName}`);
    expect(r.stderr).toContain(`refused the download (HTTP 403 Forbidden)`);
    expect(r.stderr).toContain('ELECTRON_MIRROR=');
    expect(r.stderr).toContain('HTTPS_PROXY=');
    expect(r.stderr).toContain('Not opening the browser version (--no-fallback).');
    expect(forbidden.requests).toContain(`/v${electronVersion}/${zipName}`);
  });

  it('opens the browser version after explaining, when not told otherwise', async () => {
    const r = await start(packageCopy(), forbidden.url, []);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('refused the download (HTTP 403 Forbidden)');
    expect(r.stderr).toContain('Opening the browser version');
    expect(r.stdout).toContain(`Would run: ${process.platform === 'win32' ? 'npm.cmd' : 'npm'} run web -- --open`);
  });

  it('says the server cannot be reached when nothing listens, and to check the connection', async () => {
    const port = await closedPort();
    const r = await start(packageCopy(), `http://127.0.0.1:${port}/`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Could not connect to 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(r.stderr).toContain('Check the internet connection, then run `npm start` again.');
  });

  it('says a name that cannot be resolved is a DNS failure (the reserved .invalid domain)', async () => {
    const r = await start(packageCopy(), 'http://electron-mirror.invalid/');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('electron-mirror.invalid could not be found (DNS lookup failed');
  });

  it('rejects a file that does not match its checksum, installs nothing, and says to run again', async () => {
    const copy = packageCopy(); // the official checksums.json: the test zip cannot match it
    const server = await serveFile(stub);
    const r = await start(copy, server.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not match the SHA-256 checksum');
    expect(r.stderr).toContain('Run `npm start` again.');
    expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
  });

  it('says the download stopped part-way when the connection drops mid-file', async () => {
    const server = await mirror((req, res) => {
      res.writeHead(200, { 'content-length': 1_000_000 });
      res.write(Buffer.alloc(10_000));
      setTimeout(() => req.socket.destroy(), 20);
    });
    const r = await start(packageCopy(), server.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stopped part-way');
  });

  it('removes what a failed unpacking left in dist/, so a broken Electron is never launched later', async () => {
    // Checksum right, archive broken: the second entry's CRC-32 is wrong, so the extractor has already
    // written the executable when it fails (install.js leaves it there, without path.txt).
    const broken = makeZip([
      { name: executableName, data: standInElectron, mode: 0o755 },
      { name: 'version', data: `v${electronVersion}`, badCrc: true },
    ]);
    const copy = packageCopy(broken);
    const server = await serveFile(broken);
    const r = await start(copy, server.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('damaged and could not be unpacked');
    expect(r.stderr).toContain(`delete \`${copy.cache}\``);
    expect(r.stderr).toContain('Removed the partly installed files');
    expect(existsSync(join(copy.dir, 'dist'))).toBe(false);
    expect((await runStart(['--which-electron'], { VEXA_ELECTRON_PACKAGE_DIR: copy.dir })).code).toBe(1);
  });

  it('recognises an HTTPS certificate it cannot trust, and NODE_EXTRA_CA_CERTS fixes it as it says', async () => {
    const key = fixtureBytes('tls/server-key.pem');
    const cert = fixtureBytes('tls/server.pem');
    const server = await mirror(
      (_req, res) => {
        res.writeHead(200, { 'content-length': stub.length });
        res.end(stub);
      },
      (handler) => createHttpsServer({ key, cert }, handler),
    );
    const r = await start(packageCopy(stub), server.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('was not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)');
    expect(r.stderr).toContain('NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem npm start');

    const copy = packageCopy(stub);
    const trusted = await start(copy, server.url, ['--no-fallback'], { NODE_EXTRA_CA_CERTS: fixturePath('tls/ca.pem') });
    expect(trusted.stdout).toContain(`Electron ${electronVersion} is installed.`);
    expect(existsSync(join(copy.dir, 'path.txt'))).toBe(true);
  });

  it('downloads through the proxy npm is configured with, and asks for its login on 407', async () => {
    const proxy = createHttpServer((_req, res) => {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="office"' });
      res.end();
    });
    proxy.on('connect', (_req, socket) => {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="office"\r\n\r\n');
    });
    const proxyServer = await mirror(
      () => undefined,
      () => proxy,
    );
    const r = await start(packageCopy(), forbidden.url, ['--no-fallback'], { npm_config_https_proxy: proxyServer.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The proxy asks for a login (HTTP 407 Proxy Authentication Required)');
    expect(r.stderr).toContain('HTTPS_PROXY=http://user:password@');
  });

  it.runIf(process.platform === 'linux')(
    'names the folder it cannot write to (Linux: sysfs refuses new folders, even to root)',
    async () => {
      const r = await start(packageCopy(), forbidden.url, ['--no-fallback'], { TMPDIR: '/sys' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('`/sys` is not writable');
      expect(r.stderr).toContain('TMPDIR');
    },
  );
});

describe('npm start on first run, when the download succeeds', () => {
  it.runIf(process.platform !== 'win32')(
    'installs Electron with its own installer, shows progress, and launches it with the project (stand-in: a shell script)',
    async () => {
      const copy = packageCopy(stub);
      const server = await serveFile(stub);
      const r = await start(copy, server.url, []);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Downloading ${zipName}`);
      expect(r.stdout).toContain(`Electron ${electronVersion} is installed.`);
      expect(readFileSync(join(copy.dir, 'path.txt'), 'utf8')).toBe(executableName);
      const launched = readFileSync(join(copy.dir, 'dist', executableName, '..', 'args.txt'), 'utf8').split('\n');
      expect(launched[0]).toBe(root);

      const again = await start(copy, server.url, []);
      expect(again.code).toBe(0);
      expect(again.text).not.toContain('Installing');
      expect(server.requests).toHaveLength(1);
    },
  );
});
