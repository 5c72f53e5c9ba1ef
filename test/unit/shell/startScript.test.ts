import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyElectronPackage, runStart, serve, type LocalServer, type PackageCopy } from '../../fixtures/start/electronPackage';

// The options of `npm start` that must never download Electron. A mirror that counts requests
// stands in for GitHub, and the package is a private copy without a binary, as on a fresh machine.
describe('npm start without a download', () => {
  let mirror: LocalServer;
  let copy: PackageCopy;
  let env: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'vexa-start-script-'));
  beforeAll(async () => {
    mirror = await serve((_req, res) => {
      res.writeHead(403);
      res.end();
    });
    copy = copyElectronPackage();
    env = { VEXA_ELECTRON_PACKAGE_DIR: copy.dir, electron_config_cache: copy.cache, ELECTRON_MIRROR: mirror.url };
  });
  afterAll(async () => {
    await mirror.close();
    copy.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('--which-electron finds an Electron supplied through ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dist = join(scratch, 'dist');
    const executable =
      process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    mkdirSync(join(dist, executable, '..'), { recursive: true });
    writeFileSync(join(dist, executable), '');
    const r = await runStart(['--which-electron'], { ...env, ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dist, executable));
  });

  it('--which-electron answers "none" with exit 1 and never starts a download (the Electron e2e suite relies on it)', async () => {
    const r = await runStart(['--which-electron'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.text).not.toContain('Connecting to');
    expect(mirror.requests).toEqual([]);
  });

  it('--web opens the browser version on purpose, without a download', async () => {
    const r = await runStart(['--web'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Opening the browser version');
    expect(r.stdout).toContain(`Would run: ${process.platform === 'win32' ? 'npm.cmd' : 'npm'} run web -- --open`);
    expect(r.text).not.toContain('Installing');
    expect(mirror.requests).toEqual([]);
  });

  it('does not download over an ELECTRON_OVERRIDE_DIST_PATH that holds no Electron, and says which variable to fix', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const r = await runStart(['--skip-build', '--no-fallback'], { ...env, ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH is ${empty}, and there is no Electron executable in it.`);
    expect(r.stderr).toContain('Not opening the browser version (--no-fallback). `npm start -- --web` opens it.');
    expect(mirror.requests).toEqual([]);
  });

  it('respects ELECTRON_SKIP_BINARY_DOWNLOAD and says how to lift it', async () => {
    const r = await runStart(['--skip-build', '--no-fallback'], { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unset ELECTRON_SKIP_BINARY_DOWNLOAD and run `npm start` again.');
    expect(mirror.requests).toEqual([]);
  });
});
