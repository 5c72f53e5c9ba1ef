import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));

/** Top-level scalar `key: value` pairs (no YAML library is a dependency; the file stays simple). */
function scalar(key: string): string | undefined {
  const line = lines.find((l) => l.startsWith(`${key}:`));
  return line?.slice(key.length + 1).trim();
}

/** The indented lines of a top-level block, as `key: value` pairs or `- item` entries. */
function block(key: string): string[] {
  const start = lines.findIndex((l) => l === `${key}:`);
  if (start < 0) return [];
  const body: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (!/^\s/.test(l)) break;
    body.push(l.trim());
  }
  return body;
}

const unquote = (s: string) => s.replace(/^- /, '').replace(/^'(.*)'$/, '$1');

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(scalar('appId')).toBe('ai.vexa.companion');
    expect(scalar('productName')).toBe('Vexa Companion');
  });

  it('packs into asar, unpacks only the native SQLite binary, and never rebuilds it', () => {
    expect(scalar('asar')).toBe('true');
    expect(block('asarUnpack').map(unquote)).toEqual(['**/node_modules/better-sqlite3/**/*.node']);
    expect(scalar('npmRebuild')).toBe('false');
  });

  it('sets every hardening fuse', () => {
    expect(Object.fromEntries(block('electronFuses').map((l) => l.split(/:\s*/)))).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('ships the built app and package.json, without source maps', () => {
    const files = block('files').map(unquote);
    expect(files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map']));
    // The main bundle inlines zod and ws; only better-sqlite3 is needed from node_modules at run time.
    expect(files).toEqual(expect.arrayContaining(['!**/node_modules/zod/**', '!**/node_modules/ws/**']));
    expect(files.indexOf('**/node_modules/better-sqlite3/prebuilds/${platform}-${arch}.node')).toBeGreaterThan(
      files.indexOf('!**/node_modules/better-sqlite3/prebuilds/**'),
    );
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.startsWith('dist/electron/')).toBe(true);
  });

  it('targets dmg, nsis, AppImage, deb and an unpacked folder, with the icon from build/', () => {
    expect(block('mac')).toContain('target: dmg');
    expect(block('win')).toContain('target: nsis');
    expect(block('linux')).toEqual(expect.arrayContaining(['- AppImage', '- deb', '- dir', 'icon: build/icon.png']));
    const icon = readFileSync(join(root, 'build', 'icon.png'));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
  });
});
