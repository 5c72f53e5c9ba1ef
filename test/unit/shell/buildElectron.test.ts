import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/ipc/contract';

const root = join(import.meta.dirname, '..', '..', '..');
const requires = (code: string) => [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string))];

describe('Electron bundles', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'vexa-electron-build-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'buildElectron.mjs'), '--outdir', outdir], { cwd: root, stdio: 'pipe' });
  const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
  const main = readFileSync(join(outdir, 'main.cjs'), 'utf8');
  const exportWorker = readFileSync(join(outdir, 'exportWorker.cjs'), 'utf8');

  it('builds a preload that requires only electron, as a sandboxed preload must', () => {
    expect(requires(preload)).toEqual(['electron']);
  });

  it('gives the preload the contract’s channel names without bundling zod', () => {
    for (const name of channelNames) expect(preload).toContain(JSON.stringify(name));
    expect(preload).not.toMatch(/zod|ZodError|safeParse/);
    expect(preload.length).toBeLessThan(20_000);
  });

  it('bundles the main process with only electron, better-sqlite3, the PDF libraries, the updater, ws’ optional natives and Node built-ins left external', () => {
    // ajv (bundled with the MCP SDK, electron/mcp) keeps `require("ajv/dist/runtime/…")` as text
    // for the standalone validators it can print; validating in memory never runs it (a bundle of
    // the library server answers with only better-sqlite3 installed beside it).
    const external = requires(main).filter(
      (m) => !m.startsWith('node:') && !builtinModules.includes(m) && !/^ajv(-formats)?\/dist\//.test(m),
    );
    expect(external).toEqual(expect.arrayContaining(['better-sqlite3', 'electron', 'pdfkit', 'electron-updater']));
    // ws loads bufferutil and utf-8-validate inside try/catch and runs without them; pdfkit and
    // fontkit read data files beside their sources, so they ship in node_modules (dependencies);
    // electron-updater requires electron at run time (electron/main/shell/updater.ts).
    for (const name of external)
      expect(['better-sqlite3', 'electron', 'bufferutil', 'utf-8-validate', 'pdfkit', 'fontkit', 'electron-updater']).toContain(name);
  });

  it('bundles the export worker without electron, with the PDF libraries left to node_modules like the main process', () => {
    const external = requires(exportWorker).filter((m) => !m.startsWith('node:') && !builtinModules.includes(m));
    expect(external).not.toContain('electron');
    expect(external).toEqual(expect.arrayContaining(['pdfkit']));
    for (const name of external) expect(['pdfkit', 'fontkit']).toContain(name);
  });
});
