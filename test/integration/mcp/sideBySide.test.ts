import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryAccess } from '../../../electron/mcp/libraryAccess';
import { sourceLaunch } from '../../../electron/mcp/launch';
import { serveStdio } from '../../../electron/mcp/stdio';
import { waitFor } from '../../support/waitFor';
import { meeting, openLibrary, segment } from '../cache/helpers';
import { ACME, buildDataFolder, connect, textOf, type Connected } from './libraryFixture';

const root = resolve(import.meta.dirname, '..', '..', '..');

describe('the MCP server beside the running app', () => {
  const open: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  });
  const track = <T extends { close(): unknown }>(o: T): T => {
    open.push(o);
    return o;
  };

  it('reads while the app writes: an open write transaction neither blocks it nor shows early, the commit shows at the next call', async () => {
    const { dir, lib } = await buildDataFolder([ACME]);
    track(lib);
    const mcp: Connected = track(await connect(dir));
    expect((await mcp.call('list_meetings', {})).isError).toBeFalsy();

    const db = lib.cache.db;
    db.exec('BEGIN IMMEDIATE');
    const [late] = await lib.library.upsertMeetings(ACME, [meeting(7, { name: 'Late zebra call', startTime: Date.UTC(2026, 2, 20) })]);
    await lib.library.appendSegments(late!.id, [segment('z1', 'The zebra crossing needs a budget.', { speaker: 'Zoe' })]);
    const during = await mcp.call('search_meetings', { query: 'zebra' });
    expect(during.isError).toBeFalsy();
    expect((during.structuredContent as { lines: unknown[] }).lines).toEqual([]);
    expect((await mcp.call('list_meetings', {})).structuredContent).toMatchObject({ meetings: { length: 3 } });
    db.exec('COMMIT');

    const after = (await mcp.call('search_meetings', { query: 'zebra' })).structuredContent as { lines: Array<{ meetingId: number }> };
    expect(after.lines.map((l) => l.meetingId)).toEqual([late!.id]);
    // The app moves the log into the file (after a sync, at quit): the reader goes on.
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(textOf(await mcp.call('get_transcript', { meetingId: late!.id }))).toContain('Zoe: The zebra crossing needs a budget.');
  });

  it('opens the cache read-only: no statement through its connection can write', async () => {
    const { dir, lib } = await buildDataFolder([ACME]);
    track(lib);
    const access = track(new LibraryAccess(dir));
    const { library } = access.library();
    expect(library.db.readonly).toBe(true);
    expect(() => library.db.exec('DELETE FROM meetings')).toThrow(/readonly/i);
  });

  it('reads a closed app’s library and leaves nothing that makes the next start look unclean', async () => {
    const { dir, lib } = await buildDataFolder([ACME]);
    lib.close();
    const mcp = await connect(dir);
    expect((await mcp.call('list_meetings', {})).structuredContent).toMatchObject({ meetings: { length: 3 } });
    await mcp.close();
    // SQLite leaves the reader's empty log behind (only a writer checkpoints and removes it);
    // the app treats only a log with content as the sign of a crash (cache/database.ts).
    expect(statSync(join(dir, 'cache.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    // The next start skips the seconds-long integrity check of a crashed run…
    const pragmas = vi.spyOn(Database.prototype, 'pragma');
    const reopened = track(openLibrary(join(dir, 'cache.sqlite')));
    expect(pragmas.mock.calls.map((c) => c[0])).not.toContain('quick_check');
    expect(await reopened.library.list({})).toHaveLength(4);
    // …which a log with content, as a run that did not close leaves, still gets.
    await reopened.library.deleteLocal(1);
    pragmas.mockClear();
    track(openLibrary(join(dir, 'cache.sqlite')));
    expect(pragmas.mock.calls.map((c) => c[0])).toContain('quick_check');
    pragmas.mockRestore();
  });

  it('ends when the AI client closes its input', async () => {
    const { dir, lib } = await buildDataFolder([ACME]);
    track(lib);
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const answers: string[] = [];
    stdout.on('data', (chunk: Buffer) => answers.push(chunk.toString('utf8')));
    const served = serveStdio({ dataDir: dir, version: '0.0.0-test', stdin, stdout, log: () => {} });
    stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } })}\n`,
    );
    await waitFor('the answer to initialize', () => answers.join('').includes('vexa-companion-library'));
    stdin.end();
    await expect(served).resolves.toBeUndefined();
  });

  it('serves over stdio when started with the command Settings shows for the browser version', { timeout: 60_000 }, async () => {
    const { dir, lib } = await buildDataFolder([ACME]);
    track(lib);
    const launch = sourceLaunch({ root, dataDir: dir, platform: process.platform });
    const transport = new StdioClientTransport({ command: launch.command, args: launch.args, stderr: 'pipe' });
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    track(client);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(4);
    const r = (await client.callTool({ name: 'search_meetings', arguments: { query: 'robotics' } })) as CallToolResult;
    expect(r.isError).toBeFalsy();
    expect(textOf(r)).toContain('Bob Stone: The **robotics** budget needs forty thousand.');
  });
});
