import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ACME, buildDataFolder } from './libraryFixture';

const root = resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

/**
 * The packaged app bundles the SDK (and the ajv it brings) into main.cjs and ships only its
 * runtime packages (scripts/buildElectron.mjs). The Electron binary cannot run here, so the same
 * server is bundled the same way and run by Node in a folder holding nothing but better-sqlite3:
 * every tool must answer, validation and output schemas included.
 */
describe('the library server as the packaged app bundles it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'vexa-mcp-bundle-'));
  let client: Client | null = null;
  afterAll(async () => {
    await client?.close();
  });

  it('answers every tool with only the runtime packages beside it', { timeout: 60_000 }, async () => {
    const { MAIN_EXTERNALS } = (await import(pathToFileURL(join(root, 'scripts', 'buildElectron.mjs')).href)) as {
      MAIN_EXTERNALS: string[];
    };
    const out = join(folder, 'app', 'mcp', 'cli.cjs');
    await build({
      entryPoints: [join(root, 'electron', 'mcp', 'cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: out,
      external: MAIN_EXTERNALS,
      define: { 'import.meta.dirname': '__dirname' },
      logLevel: 'silent',
    });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ version: '9.9.9' }));
    mkdirSync(join(folder, 'node_modules'));
    for (const pkg of ['better-sqlite3', 'node-addon-api'])
      symlinkSync(realpathSync(dirname(require.resolve(`${pkg}/package.json`))), join(folder, 'node_modules', pkg));

    const { dir, lib } = await buildDataFolder([ACME]);
    lib.close();
    client = new Client({ name: 'bundle-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [out, '--data-dir', dir], cwd: folder, stderr: 'pipe', env: {} }),
    );
    expect((await client.getServerVersion())?.version).toBe('9.9.9');
    for (const [name, args] of [
      ['search_meetings', { query: 'budget' }],
      ['list_meetings', {}],
      ['get_meeting', { meetingId: 1 }],
      ['get_transcript', { meetingId: 1, from: '1:00' }],
    ] as const) {
      const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
      expect(r.isError, `${name}: ${JSON.stringify(r.content)}`).toBeFalsy();
      expect(r.structuredContent).toBeDefined();
    }
    const bad = (await client.callTool({ name: 'get_meeting', arguments: { meetingId: 'one' } })) as CallToolResult;
    expect(bad.isError).toBe(true);
  });
});
