import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { CACHE_FILE } from '../../../electron/core/createCore';
import type { MeetingRef } from '../../../shared/ipc/models';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { addServer, meeting, segment } from '../cache/helpers';

// The library is this computer's: with no server connected at all, or with the server's key gone,
// the meetings of every server the app has known list, search, open, take notes and export from
// the cache alone. Two servers, the same Teams meeting id on both, told apart by their names.

const LAB = 'https://lab.example.com';
const CLOUD = 'https://cloud.example';
const TEAMS_ID = '3817264501234';

let app: LaunchedApp | null = null;
let ipc: IpcTestClient | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  ipc?.close();
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  app = ipc = dataDir = null;
});

/** A cache file as a past run left it: two servers' meetings, one transcript whole, one in part. */
async function seed(dir: string): Promise<void> {
  const file = join(dir, CACHE_FILE);
  const cache = openCache({ file });
  addServer(cache.db, LAB, 'g3');
  addServer(cache.db, CLOUD, 'g2');
  // The last run kept Lab's key for that session only: its record still names the key.
  cache.db.prepare("UPDATE servers SET label = 'Lab', key_label = 'vxa_••••abcd', key_storage = 'session' WHERE id = ?").run(LAB);
  cache.db.prepare("UPDATE servers SET label = 'Vexa Cloud' WHERE id = ?").run(CLOUD);
  const library = new Library({ db: cache.db, file });
  const teams = { platform: 'teams', nativeMeetingId: TEAMS_ID, name: null };
  const [lab] = await library.upsertMeetings(LAB, [meeting(41, teams)]);
  const [cloud] = await library.upsertMeetings(CLOUD, [meeting(41, teams)]);
  const [partial] = await library.upsertMeetings(CLOUD, [meeting(42, { name: 'Hiring sync', nativeMeetingId: 'hir-ing-syn' })]);
  await library.replaceTranscript(
    lab!.id,
    [
      segment('s1', 'the lab budget covers two microscopes', { speaker: 'Ana Lopes' }),
      segment('s2', 'ordering them this week', { speaker: 'Ana Lopes' }),
    ],
    { complete: true },
  );
  await library.replaceTranscript(
    cloud!.id,
    [
      segment('s1', 'the cloud budget is frozen until june', { speaker: 'Ben Okoro' }),
      segment('s2', 'we review it in july', { speaker: 'Ben Okoro' }),
    ],
    { complete: true },
  );
  await library.appendSegments(partial!.id, [segment('s1', 'two hiring budget lines so far', { speaker: 'Ben Okoro' })]);
  cache.close();
}

async function start(settings: { activeServerId: string | null }): Promise<IpcTestClient> {
  dataDir = mkdtempSync(join(tmpdir(), 'vexa-offline-'));
  await seed(dataDir);
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
  // A simulator runs beside the app (the harness starts one) and is never connected to.
  app = await launchApp({ dataDir });
  ipc = await connectIpc(app.url);
  return ipc;
}

const refOf = (m: { remoteId: number; platform: string; nativeMeetingId: string | null; serverId: string }): MeetingRef => ({
  meetingId: m.remoteId,
  platform: m.platform,
  nativeMeetingId: m.nativeMeetingId!,
  serverId: m.serverId,
});

describe.each([
  ['no server connected', { activeServerId: null }, null],
  ['the connected server’s key gone', { activeServerId: LAB }, 'key_missing'],
])('the library with %s', (_title, settings, errorCode) => {
  it('lists, searches, opens, takes notes and exports the meetings of both servers', async () => {
    const ipc = await start(settings);
    const state = must(await ipc.invoke('app:getState'));
    expect(state.connection.status).toBe('none');
    expect(state.connection.error?.code ?? null).toBe(errorCode);

    const list = must(await ipc.invoke('library:list', {}));
    const teams = list.filter((m) => m.nativeMeetingId === TEAMS_ID);
    expect(teams.map((m) => [m.serverId, m.serverLabel, m.platform]).sort()).toEqual([
      [CLOUD, 'Vexa Cloud', 'teams'],
      [LAB, 'Lab', 'teams'],
    ]);
    expect(must(await ipc.invoke('library:list', { serverIds: [LAB] })).map((m) => m.serverLabel)).toEqual(['Lab']);
    expect(must(await ipc.invoke('cache:stats')).servers.map((s) => [s.label, s.meetings])).toEqual([
      ['Vexa Cloud', 2],
      ['Lab', 1],
    ]);

    const found = must(await ipc.invoke('library:search', { query: 'budget' }));
    expect(found.segments.map((h) => `${h.serverLabel}: ${h.snippet.map((p) => p.text).join('')}`).sort()).toEqual([
      'Lab: the lab budget covers two microscopes',
      'Vexa Cloud: the cloud budget is frozen until june',
      'Vexa Cloud: two hiring budget lines so far',
    ]);
    expect(must(await ipc.invoke('library:search', { query: 'budget', filters: { serverId: LAB } })).segments).toHaveLength(1);

    for (const m of teams) {
      const word = m.serverId === LAB ? 'microscopes' : 'frozen';
      const opened = must(await ipc.invoke('library:open', { id: m.id }));
      expect(opened.meeting).toMatchObject({ serverId: m.serverId, serverLabel: m.serverLabel });
      expect(opened.segments.map((s) => s.text).join(' ')).toContain(word);

      // Notes are kept here and wait in the outbox for the server.
      const edit = must(await ipc.invoke('library:edit', { id: m.id, patch: { notes: `notes taken offline for ${m.serverLabel}` } }));
      expect(['pending', 'local']).toContain(edit.state);
      expect(must(await ipc.invoke('library:open', { id: m.id })).meeting.notes).toBe(`notes taken offline for ${m.serverLabel}`);

      const ref = refOf(m);
      const preview = must(await ipc.invoke('export:preview', { ref, format: 'txt' }));
      expect(preview.partial).toBe(false);
      expect(preview.text).toContain(word);
      expect(preview.text).toContain(`Meeting ID: ${TEAMS_ID}`);
      expect(must(await ipc.invoke('export:speakers', { ref }))).toEqual([m.serverId === LAB ? 'Ana Lopes' : 'Ben Okoro']);
      const saved = must(await ipc.invoke('export:save', { ref, format: 'md' }));
      expect(saved).toMatchObject({ mode: 'download', partial: false });
      if (saved.mode !== 'download') throw new Error('expected a download');
      expect(Buffer.from(saved.base64, 'base64').toString('utf8')).toContain(word);
      expect(must(await ipc.invoke('export:copy', { ref, as: 'text' }))).toEqual({ partial: false });
      expect(await app!.ports.clipboard.readText()).toContain(word);
      // An AI tool gets the transcript through the clipboard: a share link needs the server.
      expect(must(await ipc.invoke('handoff:open', { ref, tool: 'chatgpt' }))).toMatchObject({ mode: 'clipboard', partial: false });
      expect(await app!.ports.clipboard.readText()).toContain(word);
    }
    // The notes are found by the search too, each under its server's name.
    expect(
      must(await ipc.invoke('library:search', { query: 'offline' }))
        .meetings.map((h) => h.serverLabel)
        .sort(),
    ).toEqual(['Lab', 'Vexa Cloud']);

    // A transcript only partly on this computer exports what is here, and says so.
    const partial = list.find((m) => m.nativeMeetingId === 'hir-ing-syn')!;
    const preview = must(await ipc.invoke('export:preview', { ref: refOf(partial), format: 'txt' }));
    expect(preview).toMatchObject({ partial: true, text: expect.stringContaining('two hiring budget lines so far') });
  });
});

describe('a request that names no server, with none connected', () => {
  it('reads the meeting from this computer when one server holds it, and says why when it cannot tell', async () => {
    const ipc = await start({ activeServerId: null });
    const list = must(await ipc.invoke('library:list', {}));
    const partial = list.find((m) => m.nativeMeetingId === 'hir-ing-syn')!;
    const { serverId: _s, ...ref } = refOf(partial);

    const preview = must(await ipc.invoke('export:preview', { ref, format: 'txt' }));
    expect(preview).toMatchObject({ partial: true, text: expect.stringContaining('two hiring budget lines so far') });
    expect(must(await ipc.invoke('export:copy', { ref, as: 'text' }))).toEqual({ partial: true });
    // A share link needs the server; the AI tool gets the lines through the clipboard instead.
    expect(must(await ipc.invoke('handoff:open', { ref, tool: 'claude' }))).toMatchObject({ mode: 'clipboard', partial: true });
    expect(await app!.ports.clipboard.readText()).toContain('two hiring budget lines so far');
    expect(await ipc.invoke('share:create', { ref, ttlSeconds: 600 })).toMatchObject({
      ok: false,
      code: 'not_connected',
      message: expect.stringMatching(/^Share links are made by the meeting's server, and Vexa Cloud is not connected\./),
    });

    // The same Teams meeting ids on both servers: which one is not guessed.
    const teams = list.find((m) => m.nativeMeetingId === TEAMS_ID)!;
    const { serverId: _t, ...both } = refOf(teams);
    expect(await ipc.invoke('export:preview', { ref: both, format: 'txt' })).toMatchObject({
      ok: false,
      code: 'not_connected',
      message: expect.stringMatching(/^More than one server has a meeting with these ids on this computer/),
    });
  });
});
