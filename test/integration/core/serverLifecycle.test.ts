import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../electron/core/ports';
import { createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { startSimulator, type SimProfile, type Simulator } from '../../../electron/simulator';
import type { AppState } from '../../../shared/ipc/models';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// Disconnecting a server forgets its key and nothing else: its meetings read, search and export
// from this computer, what only the server can do names it and says how to reconnect, and entering
// its key again is all reconnecting takes. Removing asks whether its meetings stay. A restart brings
// every connected server back on its own, whatever another one does.

const apps: LaunchedApp[] = [];
const simulators: Simulator[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
  while (simulators.length) await simulators.pop()!.close();
});

interface Server {
  label: string;
  url: string;
  key: string;
  id: string;
}

async function simulator(profile: SimProfile, port = 0, key = `${profile}-key-${Math.random().toString(36).slice(2)}`) {
  const sim = await startSimulator({
    profile,
    port,
    apiKeys: [{ key, scopes: ['bot', 'tx'], email: `${profile}@example.com` }],
    timeScale: 20,
    seed: true,
    rateLimitPerMinute: 0,
  });
  simulators.push(sim);
  return { sim, key };
}

/** Requests the core made, by host, with the key each carried. */
function recordingFetch(): { fetch: typeof fetch; sent: Array<{ host: string; key: string | null }> } {
  const sent: Array<{ host: string; key: string | null }> = [];
  return {
    sent,
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push({ host: new URL(request.url).host, key: request.headers.get('x-api-key') });
      return fetch(input, init);
    },
  };
}

async function app(options: Parameters<typeof launchApp>[0]): Promise<{ app: LaunchedApp; ipc: IpcTestClient }> {
  const launched = await launchApp({ timeScale: 20, ...options });
  apps.push(launched);
  return { app: launched, ipc: await connectIpc(launched.url) };
}

async function addServers(ipc: IpcTestClient, list: Array<{ label: string; url: string; key: string }>): Promise<Server[]> {
  const added: Server[] = [];
  for (const s of list) added.push({ ...s, id: must(await ipc.invoke('servers:add', { url: s.url, apiKey: s.key, label: s.label })).id });
  return added;
}

/** Every server's seeded meetings, with their transcripts, on this computer. */
async function libraryOf(ipc: IpcTestClient, servers: Server[]) {
  must(await ipc.invoke('library:sync', { full: true }));
  return waitFor('every library read', async () => {
    const rows = must(await ipc.invoke('library:list', {}));
    const ready = servers.every((s) => rows.filter((r) => r.serverId === s.id && r.transcript === 'complete').length >= 3);
    return ready && rows;
  });
}

const serverIn = (state: AppState, id: string) => state.servers.find((s) => s.id === id);

describe('disconnecting a server', () => {
  it('keeps its meetings readable, searchable and exportable, names it when only it can act, and reconnects with its key', async () => {
    const g1 = await simulator('g1');
    const g2 = await simulator('g2');
    const g3 = await simulator('g3');
    const recorder = recordingFetch();
    const secrets = createMemorySecretStore();
    const { app: first, ipc } = await app({ simulator: g3.sim, apiKey: g3.key, secrets, fetch: recorder.fetch });
    const [oldLab, lab, cloud] = await addServers(ipc, [
      { label: 'Old lab', url: g1.sim.url, key: g1.key },
      { label: 'Lab', url: g2.sim.url, key: g2.key },
      { label: 'Cloud', url: g3.sim.url, key: g3.key },
    ]);
    await libraryOf(ipc, [oldLab!, lab!, cloud!]);

    const gone = must(await ipc.invoke('servers:disconnect', { serverId: lab!.id }));
    expect(gone).toMatchObject({ status: 'disconnected', key: null, slots: null, label: 'Lab' });
    expect(await secrets.get(lab!.id)).toBeNull();
    const state = must(await ipc.invoke('app:getState'));
    expect(state.currentServerId).toBe(oldLab!.id);
    expect(state.servers.map((s) => s.status)).toEqual(['connected', 'disconnected', 'connected']);

    // Read, search and export, from this computer.
    const rows = must(await ipc.invoke('library:list', { serverId: lab!.id }));
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => r.transcript === 'complete')!;
    const detail = must(await ipc.invoke('library:open', { id: row.id }));
    expect(detail.segments.length).toBeGreaterThan(5);
    const hits = must(await ipc.invoke('library:search', { query: 'release', filters: { serverId: lab!.id } }));
    expect(hits.segments.length).toBeGreaterThan(0);
    expect(new Set(hits.segments.map((h) => h.serverId))).toEqual(new Set([lab!.id]));
    const ref = { meetingId: row.remoteId, platform: row.platform, nativeMeetingId: row.nativeMeetingId!, serverId: lab!.id };
    expect(must(await ipc.invoke('export:copy', { ref, as: 'text' }))).toEqual({ partial: false });
    expect(await first.ports.clipboard.readText()).toContain(detail.segments[0]!.text.trim());

    // What only the server can do names it, and says how to reconnect.
    const refusals = [
      await ipc.invoke('share:create', { ref, ttlSeconds: 600 }),
      await ipc.invoke('bots:launch', { serverId: lab!.id, link: 'https://meet.google.com/abc-defg-hij' }),
      await ipc.invoke('library:delete', { id: row.id, where: 'server' }),
      await ipc.invoke('library:sync', { serverId: lab!.id }),
    ];
    for (const r of refusals) {
      expect(r).toMatchObject({ ok: false, code: 'not_connected', message: expect.stringMatching(/Lab is not connected.*Reconnect/) });
    }
    // A note written meanwhile waits for the server.
    const edit = must(await ipc.invoke('library:edit', { id: row.id, patch: { notes: 'Ask Priya for the sketch.' } }));
    expect(edit.state).toBe('pending');
    // Launch offers a server that is connected.
    expect(must(await ipc.invoke('bots:launchTarget', { link: 'https://meet.google.com/abc-defg-hij' })).serverId).toBe(oldLab!.id);

    // A wrong key goes to Lab's address only; the right one reconnects it and the note goes out.
    recorder.sent.length = 0;
    expect(await ipc.invoke('servers:reenterKey', { serverId: lab!.id, apiKey: 'not-the-key' })).toMatchObject({ ok: false });
    expect(recorder.sent.filter((r) => r.key === 'not-the-key').map((r) => r.host)).toEqual(
      expect.arrayContaining([new URL(lab!.url).host]),
    );
    expect(recorder.sent.filter((r) => r.key === 'not-the-key' && r.host !== new URL(lab!.url).host)).toEqual([]);
    expect(must(await ipc.invoke('servers:reenterKey', { serverId: lab!.id, apiKey: lab!.key })).status).toBe('connected');
    await waitFor('the waiting note to reach Lab', async () => {
      const edits = must(await ipc.invoke('library:open', { id: row.id })).edits;
      return edits.some((e) => e.id === edit.id && e.state === 'done');
    });

    // A restart brings back every connected server with its stored key, and not a disconnected one.
    must(await ipc.invoke('servers:disconnect', { serverId: oldLab!.id }));
    must(await ipc.invoke('servers:setCurrent', { serverId: cloud!.id }));
    ipc.close();
    apps.splice(apps.indexOf(first), 1);
    await first.close({ keepData: true });
    const { ipc: again } = await app({ simulator: g3.sim, apiKey: g3.key, secrets, dataDir: first.dataDir });
    const restored = must(await again.invoke('app:getState'));
    expect(restored.servers.map((s) => [s.label, s.status])).toEqual([
      ['Old lab', 'disconnected'],
      ['Lab', 'connected'],
      ['Cloud', 'connected'],
    ]);
    expect(restored.currentServerId).toBe(cloud!.id);
    expect(restored.connection.server?.id).toBe(cloud!.id);
    // Each connected server's check in the background confirms it.
    await waitFor('the checks at start-up', async () => {
      const s = must(await again.invoke('app:getState'));
      const before = (id: string) => serverIn(restored, id)!.checkedAt!;
      return s.servers.filter((x) => x.status === 'connected' && x.checkedAt! > before(x.id)).length === 2;
    });
    again.close();
  }, 120_000);
});

describe('with no server connected at all', () => {
  it('the library, search, notes and export still work from this computer', async () => {
    const g2 = await simulator('g2');
    const { app: launched, ipc } = await app({ simulator: g2.sim, apiKey: g2.key });
    const [lab] = await addServers(ipc, [{ label: 'Lab', url: g2.sim.url, key: g2.key }]);
    const rows = await libraryOf(ipc, [lab!]);
    must(await ipc.invoke('servers:disconnect', { serverId: lab!.id }));
    const state = must(await ipc.invoke('app:getState'));
    expect(state.currentServerId).toBeNull();
    expect(state.connection.status).toBe('none');

    const row = rows.find((r) => r.transcript === 'complete')!;
    expect(must(await ipc.invoke('library:list', {}))).toHaveLength(rows.length);
    const detail = must(await ipc.invoke('library:open', { id: row.id }));
    expect(must(await ipc.invoke('library:search', { query: 'release' })).segments.length).toBeGreaterThan(0);
    expect(must(await ipc.invoke('library:edit', { id: row.id, patch: { notes: 'offline note' } })).state).toBe('pending');
    expect(must(await ipc.invoke('library:open', { id: row.id })).meeting.notes).toBe('offline note');
    const ref = { meetingId: row.remoteId, platform: row.platform, nativeMeetingId: row.nativeMeetingId!, serverId: lab!.id };
    const saved = must(await ipc.invoke('export:save', { ref, format: 'md' }));
    expect(saved).toMatchObject({ mode: 'download', partial: false });
    if (saved.mode === 'download') expect(Buffer.from(saved.base64, 'base64').toString('utf8')).toContain(detail.segments[0]!.text.trim());
    expect(must(await ipc.invoke('export:preview', { ref, format: 'txt' })).partial).toBe(false);
    expect(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' })).toMatchObject({
      ok: false,
      code: 'not_connected',
      message: expect.stringMatching(/No server is connected/),
    });
    expect(launched.ports.tray.last?.state).toBe('idle');
    ipc.close();
  }, 60_000);
});

describe('removing a server', () => {
  it('keeps its meetings labelled when asked, or deletes them with their lines, edits and search entries', async () => {
    const g1 = await simulator('g1');
    const g2 = await simulator('g2');
    const { app: launched, ipc } = await app({ profile: 'g3' });
    const [oldLab, lab, cloud] = await addServers(ipc, [
      { label: 'Old lab', url: g1.sim.url, key: g1.key },
      { label: 'Lab', url: g2.sim.url, key: g2.key },
      { label: 'Cloud', url: launched.simulatorUrl, key: launched.apiKey },
    ]);
    const rows = await libraryOf(ipc, [oldLab!, lab!, cloud!]);
    const oldLabRow = rows.find((r) => r.serverId === oldLab!.id)!;
    must(await ipc.invoke('library:edit', { id: oldLabRow.id, patch: { notes: 'gone with the server' } }));
    must(await ipc.invoke('bots:launch', { serverId: oldLab!.id, link: 'https://acme.zoom.us/j/12345678901' }));

    // The library names a server as the list of servers does: by the person's label, renamed or not.
    expect(new Set(rows.filter((r) => r.serverId === lab!.id).map((r) => r.serverLabel))).toEqual(new Set(['Lab']));
    must(await ipc.invoke('servers:update', { serverId: lab!.id, label: 'Lab two' }));
    expect(new Set(must(await ipc.invoke('library:list', { serverId: lab!.id })).map((r) => r.serverLabel))).toEqual(new Set(['Lab two']));

    const kept = must(await ipc.invoke('servers:remove', { serverId: cloud!.id, keepMeetings: true }));
    expect(kept.find((s) => s.id === cloud!.id)).toMatchObject({ status: 'removed', label: 'Cloud', key: null });
    // Its meetings stay, saying their server was removed.
    expect(must(await ipc.invoke('library:list', { serverId: cloud!.id })).map((r) => r.serverLabel)).toEqual(
      Array(3).fill('Cloud (removed)'),
    );
    const keptHits = must(await ipc.invoke('library:search', { query: 'release', filters: { serverId: cloud!.id } })).segments;
    expect(keptHits.length).toBeGreaterThan(0);
    expect(new Set(keptHits.map((h) => h.serverLabel))).toEqual(new Set(['Cloud (removed)']));
    expect(await ipc.invoke('servers:setCurrent', { serverId: cloud!.id })).toMatchObject({ ok: false, code: 'removed' });

    const left = must(await ipc.invoke('servers:remove', { serverId: oldLab!.id, keepMeetings: false }));
    expect(left.map((s) => s.id)).toEqual([lab!.id, cloud!.id]);
    expect(must(await ipc.invoke('library:list', { serverId: oldLab!.id }))).toEqual([]);
    const everywhere = must(await ipc.invoke('library:search', { query: 'release', limit: 200 }));
    expect(everywhere.segments.some((h) => h.serverId === oldLab!.id)).toBe(false);
    expect(everywhere.segments.some((h) => h.serverId === lab!.id)).toBe(true);
    expect(must(await ipc.invoke('cache:stats')).servers.map((s) => s.serverId)).not.toContain(oldLab!.id);
    // Launch no longer offers it for the link it was last used with.
    expect(must(await ipc.invoke('bots:launchTarget', { link: 'https://acme.zoom.us/j/12345678901' })).serverId).toBe(lab!.id);
    expect(must(await ipc.invoke('app:getState')).currentServerId).toBe(lab!.id);
    // Clearing the library leaves nothing of Cloud to name: it leaves the list; Lab stays connected.
    must(await ipc.invoke('cache:clear'));
    expect(must(await ipc.invoke('servers:list')).map((s) => [s.id, s.status])).toEqual([[lab!.id, 'connected']]);
    ipc.close();

    // On disk: no row of it in any table, and the search index matches its table.
    apps.splice(apps.indexOf(launched), 1);
    await launched.close({ keepData: true });
    const db = new Database(join(launched.dataDir, 'cache.sqlite'));
    try {
      const count = (sql: string) => (db.prepare(sql).get(oldLab!.id) as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM meetings WHERE server_id = ?')).toBe(0);
      expect(count('SELECT count(*) AS n FROM servers WHERE id = ?')).toBe(0);
      expect(count('SELECT count(*) AS n FROM sync_state WHERE server_id = ?')).toBe(0);
      expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(0);
      expect(
        (db.prepare('SELECT count(*) AS n FROM segments WHERE meeting_id NOT IN (SELECT id FROM meetings)').get() as { n: number }).n,
      ).toBe(0);
      // FTS5's own check, with rank 1 against the rows it indexes (external content): every index
      // entry has its row and every row its entries.
      expect(() => db.exec("INSERT INTO segments_fts (segments_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
      expect(() => db.exec("INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    } finally {
      db.close();
    }
  }, 120_000);
});

describe('at start-up each server comes back on its own', () => {
  it('one unreachable and one refusing its key hold up no other; the refused one waits for its key by name', async () => {
    const g1 = await simulator('g1');
    const g2 = await simulator('g2');
    const g3 = await simulator('g3');
    const secrets: SecretStore = createMemorySecretStore();
    const { app: first, ipc } = await app({ simulator: g3.sim, apiKey: g3.key, secrets });
    const [oldLab, lab, cloud] = await addServers(ipc, [
      { label: 'Old lab', url: g1.sim.url, key: g1.key },
      { label: 'Lab', url: g2.sim.url, key: g2.key },
      { label: 'Cloud', url: g3.sim.url, key: g3.key },
    ]);
    ipc.close();
    apps.splice(apps.indexOf(first), 1);
    await first.close({ keepData: true });

    // Old lab is gone; Lab came back with other keys, so it refuses the stored one.
    await g1.sim.close();
    const port = Number(new URL(lab!.url).port);
    await g2.sim.close();
    await simulator('g2', port, 'a-new-key-for-lab');
    const { ipc: again } = await app({ simulator: g3.sim, apiKey: g3.key, secrets, dataDir: first.dataDir });
    const state = await waitFor('every check to end', async () => {
      const s = must(await again.invoke('app:getState'));
      return serverIn(s, oldLab!.id)?.status === 'error' && serverIn(s, lab!.id)?.status === 'key_needed' && s;
    });
    expect(serverIn(state, cloud!.id)?.status).toBe('connected');
    // The refused key ended Lab's connection: it names Lab (the person's label) and is forgotten.
    expect(serverIn(state, lab!.id)).toMatchObject({
      key: null,
      slots: null,
      error: {
        code: 'key_refused',
        message: expect.stringMatching(/^Lab refused the API key this app was using \(.+\): it may have been revoked\./),
      },
    });
    await waitFor('the refused key to be forgotten', async () => (await secrets.get(lab!.id)) === null);
    expect(serverIn(state, oldLab!.id)?.error?.code).toBe('unreachable');
    // The others work meanwhile.
    const bot = must(await again.invoke('bots:launch', { serverId: cloud!.id, link: 'https://meet.google.com/abc-defg-hij' }));
    expect(bot.serverId).toBe(cloud!.id);
    // The new key goes to Lab and Lab connects.
    expect(must(await again.invoke('servers:reenterKey', { serverId: lab!.id, apiKey: 'a-new-key-for-lab' })).status).toBe('connected');
    again.close();
  }, 120_000);
});
