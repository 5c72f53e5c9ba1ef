import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILIES } from '../../../electron/core/export/pdfFonts';

/*
 * electron-builder.yml, read the way electron-builder reads it (js-yaml, its own parser), and the
 * electron-builder 26 behaviour it relies on. test/packaging builds the packages and opens them.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const requireHere = createRequire(import.meta.url);
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

interface FileSet {
  from?: string;
  to?: string;
  filter?: string | string[];
}
type Files = (string | FileSet)[];
interface PlatformConfig {
  target?: unknown;
  icon?: string;
  files?: Files;
  executableArgs?: string[];
  x64ArchFiles?: string;
  minimumSystemVersion?: string;
}
interface Config {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  files: Files;
  electronFuses: Record<string, boolean>;
  mac: PlatformConfig;
  win: PlatformConfig;
  linux: PlatformConfig;
  appImage?: PlatformConfig;
  toolsets?: Record<string, unknown>;
  deb: { depends: string[]; afterInstall?: string; appArmorProfile?: string };
  publish: Array<Record<string, string>>;
}
const config = (requireHere('js-yaml') as { load(t: string): unknown }).load(text) as Config;
const { minimatch } = requireHere('minimatch') as { minimatch(path: string, pattern: string, options?: object): boolean };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };

/** What better-sqlite3's lib/binding.js loads: prebuilds/<process.platform>-<process.arch>.node. */
const NODE_PLATFORM = { linux: 'linux', win: 'win32', mac: 'darwin' } as const;
const prebuilds = readdirSync(join(root, 'node_modules', 'better-sqlite3', 'prebuilds'));

/** The prebuilds a platform's FileSet adds back for `arch`, with electron-builder's ${arch} macro. */
function prebuildsShipped(os: 'linux' | 'win' | 'mac', arch: string): string[] {
  const sets = (config[os].files ?? []).filter(
    (f): f is FileSet => typeof f !== 'string' && f.from === 'node_modules/better-sqlite3/prebuilds',
  );
  const filters = sets.flatMap((s) => [s.filter ?? []].flat()).map((p) => p.replaceAll('${arch}', arch));
  return prebuilds.filter((name) => filters.some((p) => minimatch(name, p)));
}

describe('electron-builder.yml', () => {
  it('identifies the app and points package.json at the bundled main process', () => {
    expect(config.appId).toBe('ai.vexa.companion');
    expect(config.productName).toBe('Vexa Companion');
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('packs into asar, unpacks only the native SQLite binary, and never rebuilds it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('sets every hardening fuse and re-signs unsigned Mac builds ad hoc after flipping them', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('ships the built app without source maps, TypeScript or any better-sqlite3 prebuild from node_modules', () => {
    const files = config.files.filter((f): f is string => typeof f === 'string');
    expect(files).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map', '!**/*.{ts,tsx,mts,cts}']),
    );
    expect(files).toContain('!**/node_modules/better-sqlite3/{deps,src,prebuilds}/**');
    // ${platform} expands to the OS electron-builder runs on, not the one it packages for.
    expect(JSON.stringify(config)).not.toContain('${platform}');
  });

  it.each([
    ['linux', 'x64'],
    ['linux', 'arm64'],
    ['win', 'x64'],
    ['win', 'arm64'],
  ] as const)('gives a %s %s package exactly the prebuild better-sqlite3 loads there', (os, arch) => {
    expect(prebuildsShipped(os, arch)).toEqual([`${NODE_PLATFORM[os]}-${arch}.node`]);
  });

  it('gives every Mac build both Mac prebuilds, which @electron/universal leaves unmerged (x64ArchFiles)', () => {
    expect(prebuildsShipped('mac', 'x64')).toEqual(['darwin-arm64.node', 'darwin-x64.node']);
    expect(prebuildsShipped('mac', 'arm64')).toEqual(['darwin-arm64.node', 'darwin-x64.node']);
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: 'universal' },
      { target: 'zip', arch: 'universal' },
    ]);
    // @electron/universal matches x64ArchFiles against paths inside the .app, with matchBase.
    for (const name of ['darwin-x64.node', 'darwin-arm64.node'])
      expect(
        minimatch(`Contents/Resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/${name}`, config.mac.x64ArchFiles ?? '', {
          matchBase: true,
        }),
      ).toBe(true);
  });

  it('adds per-OS files only as FileSets: plain patterns there would replace the whole top-level list', () => {
    for (const os of ['mac', 'win', 'linux'] as const) for (const entry of config[os].files ?? []) expect(typeof entry, os).toBe('object');
  });

  it('ships as dependencies only what the bundles leave external, plus the PDF fonts', async () => {
    const build = (await import(pathToFileURL(join(root, 'scripts', 'buildElectron.mjs')).href)) as { RUNTIME_PACKAGES: string[] };
    const fonts = FONT_FAMILIES.map((f) => `@fontsource/${f.pkg}`);
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...build.RUNTIME_PACKAGES, ...fonts].sort());
  });

  it('publishes releases to GitHub, the feed installed apps check (the first entry becomes app-update.yml)', () => {
    // A draft or pre-release is invisible to electron-updater's GitHubProvider for a release build.
    expect(config.publish[0]).toEqual({ provider: 'github', owner: 'Vexa-ai', repo: 'vexa-companion', releaseType: 'release' });
  });

  it('states the minimum macOS Electron 45 runs on', () => {
    // node_modules/electron/README.md, "Platform support": macOS (Ventura and up).
    expect(config.mac.minimumSystemVersion).toBe('13.0');
  });
});

describe('the deb and the AppImage on Linux', () => {
  const elf = readFileSync(join(root, 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node')).toString('latin1');
  /** The newest symbol version the binary needs, e.g. GLIBC_2.34 → [2, 34]. */
  const newest = (prefix: string): number[] => {
    const key = (v: number[]): number => (v[0] ?? 0) * 1e6 + (v[1] ?? 0) * 1e3 + (v[2] ?? 0);
    const versions = [...elf.matchAll(new RegExp(`${prefix}_([0-9.]+)`, 'g'))].map((m) => (m[1] as string).split('.').map(Number));
    return versions.sort((a, b) => key(a) - key(b)).pop() ?? [];
  };

  it('declares the glibc and libstdc++ the SQLite prebuild links against, besides electron-builder’s defaults', () => {
    const FpmTarget = (
      requireHere('app-builder-lib/out/targets/FpmTarget.js') as { default: { prototype: { getDefaultDepends(t: string): string[] } } }
    ).default;
    expect(config.deb.depends).toEqual(expect.arrayContaining(FpmTarget.prototype.getDefaultDepends('deb')));
    expect(newest('GLIBC')).toEqual([2, 34]);
    expect(config.deb.depends).toContain('libc6 (>= 2.34)');
    // GLIBCXX_3.4.29 first shipped with GCC 11.1 (GCC's libstdc++ ABI policy).
    expect(newest('GLIBCXX')).toEqual([3, 4, 29]);
    expect(config.deb.depends).toContain('libstdc++6 (>= 11)');
  });

  it('keeps electron-builder’s sandbox handling: no launch arguments, install scripts or AppImage toolset of our own', () => {
    expect(config.linux.executableArgs).toBeUndefined();
    expect(config.appImage?.executableArgs).toBeUndefined();
    expect(config.toolsets?.appimage).toBeUndefined();
    expect(config.deb.afterInstall).toBeUndefined();
    expect(config.deb.appArmorProfile).toBeUndefined();
  });

  it('relies on an AppImage launcher that drops the sandbox only where user namespaces are blocked (electron-builder PR #9590)', () => {
    const { generateAppRunScript } = requireHere('app-builder-lib/out/targets/appimage/appImageUtil.js') as {
      generateAppRunScript(c: { ExecutableName: string; ProductName: string }): string;
    };
    const appRun = generateAppRunScript({ ExecutableName: 'vexa-companion', ProductName: 'Vexa Companion' });
    expect(appRun).toMatch(/if \[ \$HAVE_NO_SANDBOX -eq 0 \] && ! unshare -Ur true[^\n]*\n\s*NO_SANDBOX=\(--no-sandbox\)/);
  });

  it('relies on a deb install script that allows user namespaces through AppArmor and makes chrome-sandbox setuid only without them (PRs #8368, #8636)', () => {
    const templates = join(root, 'node_modules', 'app-builder-lib', 'templates', 'linux');
    const afterInstall = readFileSync(join(templates, 'after-install.tpl'), 'utf8');
    expect(afterInstall).toMatch(/unshare --user true[\s\S]*chmod 4755 '\/opt\/\$\{sanitizedProductName\}\/chrome-sandbox'/);
    expect(afterInstall).toContain('apparmor_parser --replace');
    expect(readFileSync(join(templates, 'apparmor-profile.tpl'), 'utf8')).toMatch(/\n\s*userns,/);
  });
});

describe('app icons', () => {
  const png = (bytes: Buffer): { width: number; height: number } => {
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  };

  it('gives Linux a PNG for each size from 16 to 512, named as electron-builder expects (NxN.png)', () => {
    expect(config.linux.icon).toBe('build/icons');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
      expect(png(readFileSync(join(root, 'build', 'icons', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
  });

  it('gives Windows an .ico with 16 to 256 pixel images', () => {
    expect(config.win.icon).toBe('build/icon.ico');
    const ico = readFileSync(join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const at = 6 + i * 16;
      const size = ico[at] || 256;
      const image = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
      // A PNG entry or a bitmap whose header is twice as tall (image plus mask).
      if (image.subarray(1, 4).toString('latin1') === 'PNG') expect(png(image).width).toBe(size);
      else expect([image.readInt32LE(4), image.readInt32LE(8)]).toEqual([size, size * 2]);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('gives macOS an .icns from 16 to 1024 pixels', () => {
    expect(config.mac.icon).toBe('build/icon.icns');
    const icns = readFileSync(join(root, 'build', 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types = new Map<string, number>();
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.set(icns.toString('latin1', at, at + 4), png(icns.subarray(at + 8)).width);
    expect(Object.fromEntries(types)).toEqual({
      icp4: 16,
      icp5: 32,
      ic11: 32,
      ic12: 64,
      ic07: 128,
      ic08: 256,
      ic13: 256,
      ic09: 512,
      ic14: 512,
      ic10: 1024,
    });
  });
});
