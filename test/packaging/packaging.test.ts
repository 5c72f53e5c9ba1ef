import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as ResEdit from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FAMILIES } from '../../electron/core/export/pdfFonts';
import { binaryKind, readFuses, type BinaryKind } from './binaries';
import { buildApp, makeWorkDir, packageApp, projectRoot, removeWorkDir, type BuiltPackage, type Target } from './builds';
import { PackagedApp, productionPackages } from './packagedApp';
import { runPackagedCode } from './packagedRuntime';

/*
 * Packages the app the way `npm run dist` does, for Linux, Windows and macOS (universal), from a
 * stand-in Electron (see standInElectron.ts), and opens what electron-builder produced: the
 * archive's listing, the native SQLite binaries' headers, the fuses in the executables, and, for
 * this machine's OS, the packaged code running.
 */
const TARGETS: Target[] = [
  { os: 'linux', arch: 'x64' },
  { os: 'win', arch: 'x64' },
  { os: 'mac', arch: 'universal' },
];

/**
 * app.asar may not grow past this: the fonts the PDF exporter reads are most of it. The library's
 * MCP server (the official SDK with the JSON Schema validator it checks tool input with, bundled
 * into main.cjs) brought it from ~29.5 to ~30.4 MB.
 */
const ASAR_BUDGET_BYTES = 31_000_000;

const SQLITE_BINARIES: Record<Target['os'], Record<string, BinaryKind>> = {
  linux: { 'linux-x64.node': { format: 'ELF', arch: 'x64' } },
  win: { 'win32-x64.node': { format: 'PE32+', arch: 'x64' } },
  // Both halves of the universal app carry both, and better-sqlite3 loads darwin-<process.arch>.
  mac: { 'darwin-arm64.node': { format: 'Mach-O', arch: 'arm64' }, 'darwin-x64.node': { format: 'Mach-O', arch: 'x64' } },
};

/** Bundled into dist/electron/*.cjs or only used to build and test: never in an installer. */
const NEVER_SHIPPED = [
  'vite',
  'electron-builder',
  'electron',
  'typescript',
  'esbuild',
  'vitest',
  'react',
  'react-dom',
  'zod',
  'ws',
  'docx',
  'bidi-js',
  'node-addon-api',
  '@types/node',
];

// electron-builder refuses to build macOS apps on Windows (app-builder-lib packager.ts doBuild).
const canBuild = (t: Target): boolean => t.os !== 'mac' || process.platform !== 'win32';

const HOST_OS = ({ linux: 'linux', win32: 'win', darwin: 'mac' } as Record<string, Target['os'] | undefined>)[process.platform];
const hostTarget = TARGETS.find((t) => t.os === HOST_OS && (t.arch === 'universal' || t.arch === process.arch));

const SYMLINKED_MODULES_HINT =
  'If node_modules is a symlink (a git worktree sharing another checkout’s packages), `npm list` sees every package as extraneous and ' +
  'electron-builder leaves out the runtime packages’ own dependencies: package from a checkout with its own `npm ci`.';

const loadYaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const builderConfig = loadYaml.load(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
};
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };

const work = makeWorkDir();
// A target that fails to package fails its own tests with electron-builder's output; the others run.
const built = new Map<Target['os'], { pkg: BuiltPackage; app: PackagedApp } | Error>();

beforeAll(() => {
  let buildError: Error | null = null;
  try {
    buildApp();
  } catch (e) {
    buildError = e instanceof Error ? e : new Error(String(e));
  }
  for (const target of TARGETS.filter(canBuild)) {
    try {
      if (buildError) throw buildError;
      const result = packageApp(target, work);
      const app = new PackagedApp(result.resources);
      built.set(target.os, { pkg: result, app });
      console.log(
        `packaged ${target.os} ${target.arch} in ${result.seconds.toFixed(1)} s: app.asar ${(app.archiveBytes / 1e6).toFixed(1)} MB, ${app.files.length} files`,
      );
    } catch (e) {
      built.set(target.os, e instanceof Error ? e : new Error(String(e)));
    }
  }
});

afterAll(() => removeWorkDir(work));

function get(os: Target['os']): { pkg: BuiltPackage; app: PackagedApp } {
  const b = built.get(os);
  if (b instanceof Error) throw b;
  if (!b) throw new Error(`no ${os} package was built`);
  return b;
}

describe.each(TARGETS)('the $os ($arch) package', (target) => {
  const suffix = canBuild(target) ? '' : ' (not built: electron-builder makes macOS apps only on macOS and Linux)';
  const test = canBuild(target) ? it : it.skip;

  test(`holds the main bundle, preload, export worker, window icon and renderer${suffix}`, () => {
    const { app } = get(target.os);
    for (const path of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/exportWorker.cjs',
      'dist/electron/icon.png',
      'dist/renderer/index.html',
    ])
      expect(app.has(path), path).toBe(true);
    expect(app.files.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f.path))).toBe(true);
    const shippedPkg = JSON.parse(app.read('package.json').toString('utf8')) as { main: string };
    expect(shippedPkg.main).toBe(pkg.main);
    expect(app.has(pkg.main)).toBe(true);
  });

  // electron-builder writes app-update.yml after packing any Linux target, but on macOS only for
  // dmg or zip and on Windows only for nsis (app-builder-lib PublishManager onAfterPack), so of
  // these `dir` builds only Linux's carries it.
  if (target.os === 'linux')
    test('names the feed the installed app checks for updates in resources/app-update.yml', () => {
      const { pkg: built } = get(target.os);
      const config = loadYaml.load(readFileSync(join(built.resources, 'app-update.yml'), 'utf8'));
      expect(config).toMatchObject({
        provider: 'github',
        owner: 'Vexa-ai',
        repo: 'vexa-companion',
        updaterCacheDirName: 'vexa-companion-updater',
      });
    });

  test(`carries exactly the SQLite binary its OS loads, unpacked, in that OS's format${suffix}`, () => {
    const { app } = get(target.os);
    const natives = app.files.filter((f) => f.path.endsWith('.node'));
    const expected = SQLITE_BINARIES[target.os];
    expect(natives.map((f) => f.path).sort()).toEqual(Object.keys(expected).map((n) => `node_modules/better-sqlite3/prebuilds/${n}`));
    for (const file of natives) {
      expect(file.unpacked, `${file.path} must sit beside app.asar: a native module cannot load from inside it`).toBe(true);
      expect(binaryKind(app.read(file.path)), file.path).toEqual(expected[file.path.split('/').pop() as string]);
    }
  });

  test(`ships no sources, tests, source maps, TypeScript or C++, only dist/ and node_modules/${suffix}`, () => {
    const { app } = get(target.os);
    const topLevel = [...new Set(app.files.map((f) => f.path.split('/')[0]))].sort();
    expect(topLevel).toEqual(['dist', 'node_modules', 'package.json']);
    expect([...new Set(app.files.filter((f) => f.path.startsWith('dist/')).map((f) => f.path.split('/')[1]))].sort()).toEqual([
      'electron',
      'renderer',
    ]);
    expect(app.files.filter((f) => /\.(map|tsx?|mts|cts)$/.test(f.path)).map((f) => f.path)).toEqual([]);
    expect(app.files.filter((f) => /\/(test|tests|__tests__)\//.test(f.path)).map((f) => f.path)).toEqual([]);
    expect(app.files.filter((f) => /\.(c|cc|cpp|h|hpp|gyp|gypi)$/.test(f.path)).map((f) => f.path)).toEqual([]);
  });

  test(`ships the runtime packages and their dependencies, nothing bundled or build-time${suffix}`, () => {
    const { app } = get(target.os);
    const shipped = app.allPackages();
    const production = productionPackages(join(projectRoot, 'package-lock.json'));
    expect(shipped.filter((name) => !production.has(name))).toEqual([]);
    expect(shipped.filter((name) => NEVER_SHIPPED.includes(name))).toEqual([]);
    expect(app.topLevelPackages()).toEqual(expect.arrayContaining(Object.keys(pkg.dependencies)));
    // pdfkit and fontkit load these at run time; a package without them cannot export a PDF.
    expect(shipped, SYMLINKED_MODULES_HINT).toEqual(
      expect.arrayContaining(['restructure', 'unicode-properties', 'linebreak', 'png-js', 'brotli']),
    );
    // electron-updater (electron/main/shell/updater.ts) requires these when it checks, downloads
    // and verifies an update; without them the installed app cannot update itself.
    expect(shipped, SYMLINKED_MODULES_HINT).toEqual(
      expect.arrayContaining(['builder-util-runtime', 'fs-extra', 'js-yaml', 'lazy-val', 'semver', 'tiny-typed-emitter']),
    );
  });

  test(`ships only the regular and bold .woff files the PDF exporter reads${suffix}`, () => {
    const { app } = get(target.os);
    const fontFiles = app.files.filter((f) => f.path.startsWith('node_modules/@fontsource/')).map((f) => f.path);
    const stray = fontFiles.filter(
      (p) => !/^node_modules\/@fontsource\/[^/]+\/(package\.json|unicode\.json|LICENSE|files\/[^/]+-(400|700)-normal\.woff)$/.test(p),
    );
    expect(stray).toEqual([]);
    for (const { pkg: family } of FONT_FAMILIES) {
      const base = `node_modules/@fontsource/${family}`;
      expect(app.has(`${base}/unicode.json`), family).toBe(true);
      expect(
        fontFiles.some((p) => p.startsWith(`${base}/files/`) && p.endsWith('-400-normal.woff')),
        `${family} regular`,
      ).toBe(true);
      expect(
        fontFiles.some((p) => p.startsWith(`${base}/files/`) && p.endsWith('-700-normal.woff')),
        `${family} bold`,
      ).toBe(true);
    }
  });

  test(`keeps app.asar within ${ASAR_BUDGET_BYTES / 1e6} MB${suffix}`, () => {
    expect(get(target.os).app.archiveBytes).toBeLessThanOrEqual(ASAR_BUDGET_BYTES);
  });

  test(`flips every fuse electron-builder.yml sets${suffix}`, () => {
    const { pkg: built } = get(target.os);
    const fuses = readFuses(readFileSync(built.fuseBinary));
    const { resetAdHocDarwinSignature: _notAFuse, ...wanted } = builderConfig.electronFuses;
    expect(fuses).toMatchObject(wanted);
  });

  test(`records the archive's header hash where Electron checks asar integrity${suffix}`, () => {
    const { pkg: built, app } = get(target.os);
    if (target.os === 'linux') {
      // Electron validates asar integrity only on macOS and Windows; a Linux package has no record.
      expect(builderConfig.electronFuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
      return;
    }
    if (target.os === 'win') {
      const exe = ResEdit.NtExecutable.from(readFileSync(built.executable));
      const entry = ResEdit.NtExecutableResource.from(exe).entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
      const records = JSON.parse(Buffer.from(entry?.bin ?? new ArrayBuffer(0)).toString('utf8') || '[]') as {
        file: string;
        value: string;
      }[];
      expect(records).toEqual([expect.objectContaining({ file: 'resources\\app.asar', alg: 'SHA256', value: app.headerHash() })]);
      return;
    }
    const plist = readFileSync(join(built.resources, '..', 'Info.plist'), 'utf8');
    expect(plist).toMatch(
      new RegExp(
        `<key>Resources/app.asar</key>\\s*<dict>\\s*<key>algorithm</key>\\s*<string>SHA256</string>\\s*<key>hash</key>\\s*<string>${app.headerHash()}</string>`,
      ),
    );
  });
});

describe('the package made for this machine', () => {
  const title = 'opens SQLite with full-text search and exports a PDF and a DOCX in every script from the package alone';
  if (!hostTarget) {
    it.skip(`${title} (no package here targets ${process.platform}-${process.arch})`, () => {});
    return;
  }
  it(title, () => {
    const { app } = get(hostTarget.os);
    const dir = join(work, 'extracted');
    mkdirSync(dir, { recursive: true });
    const result = runPackagedCode(app.extractTo(dir));
    expect(result.error, SYMLINKED_MODULES_HINT).toBeUndefined();
    expect(result.workerError).toBeUndefined();
    expect(result.fts).toEqual(['live captions']);
    expect(result.sqliteBinary).toContain(join(dir, 'node_modules', 'better-sqlite3', 'prebuilds'));
    expect(typeof result.pdf, JSON.stringify(result.pdf)).toBe('string');
    const pdf = result.pdf as string;
    expect(pdf.startsWith('%PDF-')).toBe(true);
    for (const face of [
      'NotoSans-Regular',
      'NotoSans-Bold',
      'NotoSansArabic',
      'NotoSansHebrew',
      'NotoSansThai',
      'NotoSansSC',
      'NotoSansKR',
      'NotoEmoji',
    ])
      expect(pdf, face).toContain(face);
    expect(typeof result.docx, JSON.stringify(result.docx)).toBe('string');
    expect((result.docx as string).startsWith('PK')).toBe(true);
  });
});
