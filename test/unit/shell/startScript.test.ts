import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const start = join(root, 'scripts', 'start.mjs');

function run(args: string[], env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, [start, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm start', () => {
  it('finds an Electron supplied through ELECTRON_OVERRIDE_DIST_PATH without loading the electron package', () => {
    const dist = mkdtempSync(join(tmpdir(), 'vexa-electron-dist-'));
    const executable =
      process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    mkdirSync(join(dist, executable, '..'), { recursive: true });
    writeFileSync(join(dist, executable), '');
    const r = run(['--which-electron'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dist, executable));
    expect(r.stdout + r.stderr).not.toContain('Downloading Electron');
  });

  it('explains the missing binary in one paragraph and points to npm run web', () => {
    const empty = mkdtempSync(join(tmpdir(), 'vexa-no-electron-'));
    expect(run(['--which-electron'], { ELECTRON_OVERRIDE_DIST_PATH: empty }).code).toBe(1);
    const r = run(['--skip-build', '--no-fallback'], { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The Electron binary is not installed on this machine');
    expect(r.stderr).toContain('npx install-electron');
    expect(r.stderr).toContain('npm run web');
  });
});
