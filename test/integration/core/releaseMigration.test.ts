import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { RELEASE_01 } from '../../fixtures/release-0.1-data/servers';
import { fixturePath } from '../../support/fixtures';
import { connectIpc, must } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// The data folder of a person who used release 0.1 (one server at a time) with a G2 server, then a
// G3 one (test/fixtures/release-0.1-data, README there), opened by this version: not a meeting, a
// line, a note, the edit waiting in the outbox or a key is lost; the server it was connected to is
// the current one and connected; the other is listed, disconnected, its meetings readable, and
// entering its key again sends the waiting edit.

const G2 = RELEASE_01[0]!;
const G3 = RELEASE_01[1]!;
const apps: LaunchedApp[] = [];
const simulators: Simulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
  while (simulators.length) await simulators.pop()!.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Each meeting's rows and lines as the release wrote them. */
function releaseContent(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      meetings: db.prepare('SELECT server_id, remote_id, name, notes, status, segment_count FROM meetings ORDER BY id').all() as Array<{
        server_id: string;
        remote_id: number;
        name: string | null;
        notes: string | null;
        segment_count: number;
      }>,
      segments: db
        .prepare('SELECT m.server_id, m.remote_id, s.key, s.text FROM segments s JOIN meetings m ON m.id = s.meeting_id ORDER BY s.id')
        .all() as Array<{ server_id: string; remote_id: number; key: string; text: string }>,
      outbox: db.prepare('SELECT m.server_id, m.remote_id, o.fields, o.state FROM outbox o JOIN meetings m ON m.id = o.meeting_id').all(),
    };
  } finally {
    db.close();
  }
}

describe('a data folder written by release 0.1', () => {
  it('opens with every meeting, line, note, waiting edit and key; its server current and connected, the other disconnected and readable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vexa-release-01-'));
    dirs.push(dataDir);
    for (const name of ['cache.sqlite', 'settings.json', 'keys.json'])
      copyFileSync(fixturePath(`release-0.1-data/${name}`), join(dataDir, name));
    const before = releaseContent(join(dataDir, 'cache.sqlite'));

    const g3 = await startSimulator({ ...G3.simulator, timeScale: 20, seed: true, rateLimitPerMinute: 0 });
    simulators.push(g3);
    const secrets = createFileSecretStore({ file: join(dataDir, 'keys.json'), cipher: null });
    const app = await launchApp({ simulator: g3, apiKey: G3.apiKey, dataDir, secrets });
    apps.push(app);
    const ipc = await connectIpc(app.url);

    const state = must(await ipc.invoke('app:getState'));
    expect(state.currentServerId).toBe(G3.url);
    expect(state.connection).toMatchObject({ status: 'connected', key: { label: 'vxa_tx_••••00ab', storage: 'plaintext' } });
    expect(state.servers.map((s) => [s.id, s.status, s.label])).toEqual([
      [G3.url, 'connected', '127.0.0.1:28462'],
      [G2.url, 'disconnected', '127.0.0.1:28461'],
    ]);
    // The key was found: the server answers with it.
    must(await ipc.invoke('bots:running'));
    await waitFor(
      'the check at start-up',
      async () => must(await ipc.invoke('app:getState')).servers[0]!.checkedAt! > state.servers[0]!.checkedAt!,
    );
    expect(must(await ipc.invoke('app:getState')).servers[0]!.status).toBe('connected');

    // Every meeting and line is still here, under its server, and the G2 server's read without it.
    const rows = must(await ipc.invoke('library:list', { limit: 5000 }));
    for (const m of before.meetings) {
      const row = rows.find((r) => r.serverId === m.server_id && r.remoteId === m.remote_id);
      expect(row, `${m.server_id} meeting ${m.remote_id}`).toBeDefined();
      expect(row!.notes).toBe(m.notes);
      const detail = must(await ipc.invoke('library:open', { id: row!.id }));
      const keys = new Set(detail.segments.map((s) => `${s.key}\n${s.text}`));
      const lines = before.segments.filter((s) => s.server_id === m.server_id && s.remote_id === m.remote_id);
      expect(lines.length).toBe(m.segment_count);
      expect(
        lines.filter((s) => !keys.has(`${s.key}\n${s.text}`)),
        `lines of ${m.server_id} meeting ${m.remote_id}`,
      ).toEqual([]);
    }
    expect(before.meetings.filter((m) => m.notes !== null)).toHaveLength(1);
    const hits = must(await ipc.invoke('library:search', { query: 'release', filters: { serverId: G2.url } }));
    expect(hits.segments.length).toBeGreaterThan(0);

    // The edit that waited for the G2 server still waits.
    const noted = rows.find((r) => r.serverId === G2.url && r.remoteId === 4)!;
    const waiting = must(await ipc.invoke('library:open', { id: noted.id })).edits;
    expect(waiting).toMatchObject([
      { serverId: G2.url, state: 'pending', fields: { notes: 'Follow up with Maya about the release date.' } },
    ]);
    expect(before.outbox).toHaveLength(1);

    // The settings are in the new layout now.
    must(await ipc.invoke('settings:update', { theme: 'dark' }));
    const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ connectedServers: [G3.url], currentServerId: G3.url });
    expect(saved).not.toHaveProperty('activeServerId');

    // Its server back and its key entered again: the waiting edit goes out.
    const g2 = await startSimulator({ ...G2.simulator, timeScale: 20, seed: true, rateLimitPerMinute: 0 });
    simulators.push(g2);
    // A simulator keeps its meetings in memory: the noted meeting (the bot meeting, id 4) is made
    // again, as the server the person left would still have it.
    const recreated = await fetch(`${g2.url}/bots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': G2.apiKey },
      body: JSON.stringify({ platform: 'google_meet', native_meeting_id: 'rel-zero-one', bot_name: 'sim:silence' }),
    });
    expect(((await recreated.json()) as { id: number }).id).toBe(4);
    expect(must(await ipc.invoke('servers:reenterKey', { serverId: G2.url, apiKey: G2.apiKey, keyStorage: 'plaintext' })).status).toBe(
      'connected',
    );
    await waitFor('the waiting edit to reach the G2 server', async () =>
      must(await ipc.invoke('library:open', { id: noted.id })).edits.some((e) => e.state === 'done'),
    );
    ipc.close();
  }, 60_000);
});
