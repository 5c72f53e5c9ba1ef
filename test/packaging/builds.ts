import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeStandInElectron, type StandInOs } from './standInElectron';

export const projectRoot = join(import.meta.dirname, '..', '..');

export interface Target {
  os: StandInOs;
  /** electron-builder's arch flag; `universal` is macOS's x64 and arm64 builds merged. */
  arch: 'x64' | 'universal';
}

export interface BuiltPackage {
  target: Target;
  /** The folder holding `app.asar` and `app.asar.unpacked`. */
  resources: string;
  /** The binary electron-builder flipped the fuses in. */
  fuseBinary: string;
  /** The executable whose resources carry the asar integrity hash (Windows only). */
  executable: string;
  seconds: number;
  log: string;
}

function run(args: string[], extraNodeArgs: string[] = []): { status: number; log: string; seconds: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...extraNodeArgs, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { status: r.status ?? 1, log: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, seconds };
}

/** The `npm run build` equivalent every target packages: the renderer and the Electron bundles in dist/. */
export function buildApp(): void {
  const vite = run([join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  if (vite.status !== 0) throw new Error(`vite build failed:\n${vite.log}`);
  const electron = run([join(projectRoot, 'scripts', 'buildElectron.mjs')]);
  if (electron.status !== 0) throw new Error(`scripts/buildElectron.mjs failed:\n${electron.log}`);
}

/*
 * @electron/universal refuses to run anywhere but macOS because merging Mach-O files that differ
 * between the x64 and arm64 halves needs Apple's lipo. Run on Linux with process.platform set to
 * darwin, it does everything else for real; this package has no differing Mach-O files (the
 * stand-in's binaries are scripts and both halves carry the same two prebuilds), so a call to
 * lipo would mean the config broke that, and it fails the build because Linux has no lipo.
 */
function darwinPreload(dir: string): string {
  const file = join(dir, 'as-darwin.cjs');
  writeFileSync(file, "Object.defineProperty(process, 'platform', { value: 'darwin' });\n");
  return file;
}

/**
 * Packages `target` as electron-builder's `dir` target from a stand-in Electron into a temporary
 * folder, with the project's electron-builder.yml. Only what the stand-in cannot do is overridden:
 * Windows resource editing and signing (rcedit and signtool are Windows tools) and, for macOS,
 * signing (codesign is Apple's); the fuses stay on.
 */
export function packageApp(target: Target, workDir: string): BuiltPackage {
  const electronDist = makeStandInElectron(target.os, join(workDir, `electron-${target.os}`));
  const output = join(workDir, `release-${target.os}-${target.arch}`);
  const flag = { linux: '--linux', win: '--win', mac: '--mac' }[target.os];
  const args = [
    join(projectRoot, 'node_modules', 'electron-builder', 'cli.js'),
    '--config',
    'electron-builder.yml',
    flag,
    'dir',
    `--${target.arch}`,
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${output}`,
    // electron-builder.yml has a `publish` feed; a test build never uploads anything.
    '--publish',
    'never',
  ];
  if (target.os === 'win') args.push('-c.win.signAndEditExecutable=false');
  if (target.os === 'mac') args.push('-c.mac.identity=null', '-c.electronFuses.resetAdHocDarwinSignature=false');
  const preload = target.os === 'mac' && process.platform === 'linux' ? ['--require', darwinPreload(workDir)] : [];
  const r = run(args, preload);
  if (r.status !== 0) throw new Error(`electron-builder ${flag} dir --${target.arch} failed:\n${r.log}`);

  const unpacked = readdirSync(output).find((d) => d.endsWith('-unpacked') || d.startsWith('mac'));
  if (!unpacked) throw new Error(`electron-builder wrote no unpacked app into ${output}:\n${r.log}`);
  const appDir = join(output, unpacked);
  if (target.os === 'mac') {
    const contents = join(appDir, 'Vexa Companion.app', 'Contents');
    const framework = join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
    return {
      target,
      resources: join(contents, 'Resources'),
      fuseBinary: framework,
      executable: join(contents, 'MacOS', 'Vexa Companion'),
      seconds: r.seconds,
      log: r.log,
    };
  }
  const executable = join(appDir, target.os === 'win' ? 'Vexa Companion.exe' : 'vexa-companion');
  return { target, resources: join(appDir, 'resources'), fuseBinary: executable, executable, seconds: r.seconds, log: r.log };
}

export function makeWorkDir(): string {
  return mkdtempSync(join(tmpdir(), 'vexa-packaging-'));
}

export function removeWorkDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
