import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialScripts } from '../../support/initialScripts';

/**
 * The first screen loads only what it shows: the screens and dialogs it does not show are chunks
 * of their own, fetched when opened (renderer/app/lazyScreens.tsx). Read from a real build: the
 * source maps of the scripts index.html loads up front name every module in them.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const ON_DEMAND = [
  'renderer/features/settings/SettingsScreen.tsx',
  'renderer/features/admin/AdminScreen.tsx',
  'renderer/features/meeting/MeetingDetail.tsx',
  'renderer/features/export/ExportDialog.tsx',
  'renderer/features/export/ExportPreview.tsx',
];

let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'vexa-renderer-build-'));
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

function modulesIn(script: string): string[] {
  // The bundler's own runtime chunk has no map: it holds no module of the app.
  if (!existsSync(join(out, `${script}.map`))) return [];
  const file = join(out, `${script}.map`);
  const map = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[] };
  return map.sources.map((s) => relative(ROOT, resolve(dirname(file), s)).replaceAll('\\', '/'));
}

describe('the first screen', () => {
  it('loads the app shell but not the screens and dialogs it does not show', () => {
    const initial = initialScripts(readFileSync(join(out, 'index.html'), 'utf8')).flatMap(modulesIn);
    // The up-front scripts are read at all: the shell and the library are in them.
    expect(initial).toContain('renderer/app/Shell.tsx');
    expect(initial).toContain('renderer/features/library/LibraryScreen.tsx');
    expect(initial.filter((m) => ON_DEMAND.includes(m))).toEqual([]);
  });

  it('does not load the schema library or the Vexa wire schemas before it paints', () => {
    // The first screen uses neither (a barrel import of shared/transcript pulled both in): ~25 KiB
    // gzipped, and their evaluation, off the first paint.
    const initial = initialScripts(readFileSync(join(out, 'index.html'), 'utf8')).flatMap(modulesIn);
    expect(initial).toContain('renderer/features/captions/captionIndex.ts');
    expect(initial.filter((m) => /node_modules\/zod\//.test(m) || m === 'shared/vexa/wire.ts')).toEqual([]);
  });
});
