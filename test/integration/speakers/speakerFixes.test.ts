import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// Speaker corrections end to end through the core: the simulator of each generation over HTTP
// and WebSocket, the real SQLite library, and the IPC channels the window uses.

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

const PROFILES = ['g1', 'g2', 'g3'] as const;

async function connected(profile: (typeof PROFILES)[number]) {
  const app = await launchApp({ profile, timeScale: 300, seed: false });
  apps.push(app);
  const ipc = await connectIpc(app.url);
  must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
  return { app, ipc };
}

async function finishedInLibrary(ipc: IpcTestClient, link: string): Promise<LibraryMeetingView> {
  const m = must(await ipc.invoke('bots:launch', { link, botName: 'sim:normal' }));
  return waitFor(
    `meeting ${m.id} in the library with its transcript`,
    async () => {
      must(await ipc.invoke('library:sync', {}));
      const row = must(await ipc.invoke('library:list', {})).find((r) => r.remoteId === m.id);
      return row?.transcript === 'complete' ? row : undefined;
    },
    60_000,
  );
}

async function exported(ipc: IpcTestClient, row: LibraryMeetingView, format: 'md' | 'json'): Promise<string> {
  const ref = { serverId: row.serverId, meetingId: row.remoteId, platform: row.platform, nativeMeetingId: row.nativeMeetingId! };
  const out = must(await ipc.invoke('export:save', { ref, format, options: {} }));
  if (out.mode !== 'download') throw new Error(`expected a download, got ${out.mode}`);
  return Buffer.from(out.base64, 'base64').toString('utf8');
}

/** What the server itself holds as the meeting's participants (G1/G2 `data.participants`). */
async function serverParticipants(app: LaunchedApp, remoteId: number): Promise<string[]> {
  const res = await fetch(`${app.simulatorUrl}/meetings`, { headers: { 'X-API-Key': app.apiKey } });
  const body = (await res.json()) as { meetings: Array<{ id: number; data?: { participants?: string[] } }> };
  return body.meetings.find((m) => m.id === remoteId)?.data?.participants ?? [];
}

const speakersOf = async (ipc: IpcTestClient, id: number) =>
  new Set(must(await ipc.invoke('library:open', { id })).segments.map((s) => s.speaker));

describe.each(PROFILES)('speaker corrections on a %s server', (profile) => {
  it('rename, merge, split and restore show everywhere, survive a re-read of the transcript, and sync where the server allows', async () => {
    const { app, ipc } = await connected(profile);
    const row = await finishedInLibrary(ipc, 'https://meet.google.com/spk-abcd-xyz');
    const before = must(await ipc.invoke('library:open', { id: row.id })).segments;
    expect(new Set(before.map((s) => s.speaker))).toContain('Daniel Okafor');

    // Rename in this meeting.
    const renamed = must(
      await ipc.invoke('speakers:fix', {
        serverId: row.serverId,
        meetingId: row.remoteId,
        kind: 'rename',
        label: 'Daniel Okafor',
        name: 'Dana Okoro',
      }),
    );
    if (profile === 'g3') {
      expect(renamed.sync.state).toBe('local');
      expect(renamed.sync.message).toMatch(/cannot store speaker names .* kept on this computer/);
    } else {
      expect(renamed.sync.state).toBe('server');
    }
    const after = must(await ipc.invoke('library:open', { id: row.id }));
    const dana = after.segments.filter((s) => s.speaker === 'Dana Okoro');
    expect(dana.length).toBe(before.filter((s) => s.speaker === 'Daniel Okafor').length);
    expect(dana.every((s) => s.originalSpeaker === 'Daniel Okafor')).toBe(true);
    expect(after.segments.some((s) => s.speaker === 'Daniel Okafor')).toBe(false);

    // Search: found by the corrected name, filtered by it, and hits name it.
    const byName = must(await ipc.invoke('library:search', { query: 'Okoro' })).segments;
    expect(byName.length).toBe(dana.length);
    expect(new Set(byName.map((h) => h.speaker))).toEqual(new Set(['Dana Okoro']));
    const word = dana[0]!.text.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w))!;
    const filtered = must(await ipc.invoke('library:search', { query: word, filters: { speaker: 'dana okoro' } })).segments;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((h) => h.speaker === 'Dana Okoro')).toBe(true);
    expect(must(await ipc.invoke('library:search', { query: word, filters: { speaker: 'Daniel Okafor' } })).segments).toEqual([]);

    // Export: the corrected name, never the server's label.
    const md = await exported(ipc, row, 'md');
    expect(md).toContain('Dana Okoro');
    expect(md).not.toContain('Daniel Okafor');
    expect(
      must(
        await ipc.invoke('export:speakers', {
          ref: { serverId: row.serverId, meetingId: row.remoteId, platform: row.platform, nativeMeetingId: row.nativeMeetingId! },
        }),
      ),
    ).toContain('Dana Okoro');

    // Sync: G1/G2 hold the corrected participants; G3 keeps them here and says so.
    if (profile === 'g3') {
      const edits = must(await ipc.invoke('library:open', { id: row.id })).edits;
      expect(edits.some((e) => e.state === 'local' && e.fields.participants?.includes('Dana Okoro'))).toBe(true);
    } else {
      await waitFor('the corrected participants on the server', async () => {
        const held = await serverParticipants(app, row.remoteId);
        return held.includes('Dana Okoro') && !held.includes('Daniel Okafor') ? held : undefined;
      });
    }

    // Merge Priya into Maya, split Maya from a later line, then take the merge back.
    const merged = must(
      await ipc.invoke('speakers:fix', {
        serverId: row.serverId,
        meetingId: row.remoteId,
        kind: 'merge',
        label: 'Priya Raman',
        name: 'Maya Lindqvist',
      }),
    );
    expect(await speakersOf(ipc, row.id)).not.toContain('Priya Raman');
    const maya = after.segments.filter((s) => s.originalSpeaker === undefined && s.speaker === 'Maya Lindqvist');
    const from = maya[Math.floor(maya.length / 2)]!;
    must(
      await ipc.invoke('speakers:fix', {
        serverId: row.serverId,
        meetingId: row.remoteId,
        kind: 'split',
        label: 'Maya Lindqvist',
        name: 'Mia Second',
        fromAbsolute: from.absoluteStart,
        fromStart: from.start,
      }),
    );
    const split = must(await ipc.invoke('library:open', { id: row.id })).segments;
    expect(split.find((s) => s.key === maya[0]!.key)?.speaker).toBe('Maya Lindqvist');
    expect(split.find((s) => s.key === from.key)?.speaker).toBe('Mia Second');
    must(await ipc.invoke('speakers:restore', { id: merged.fix!.id }));
    expect(await speakersOf(ipc, row.id)).toContain('Priya Raman');

    // A re-read of everything from the server (the library cleared and synced again): the server
    // still sends its labels, the corrections still show.
    must(await ipc.invoke('cache:clear', {}));
    const again = await waitFor(
      'the meeting back with its transcript',
      async () => {
        must(await ipc.invoke('library:sync', {}));
        const r = must(await ipc.invoke('library:list', {})).find((m) => m.remoteId === row.remoteId);
        return r?.transcript === 'complete' ? r : undefined;
      },
      60_000,
    );
    const reread = await speakersOf(ipc, again.id);
    expect(reread).toContain('Dana Okoro');
    expect(reread).not.toContain('Daniel Okafor');
    expect(reread).toContain('Mia Second');

    // Restore the rename: the server's label shows again, and G1/G2 get the original name back.
    const list = must(await ipc.invoke('speakers:list', { serverId: row.serverId }));
    const rename = list.fixes.find((f) => f.kind === 'rename')!;
    must(await ipc.invoke('speakers:restore', { id: rename.id }));
    expect(await speakersOf(ipc, again.id)).toContain('Daniel Okafor');
    expect(await exported(ipc, again, 'md')).not.toContain('Dana Okoro');
    if (profile !== 'g3') {
      await waitFor('the original participant back on the server', async () => {
        const held = await serverParticipants(app, row.remoteId);
        return held.includes('Daniel Okafor') && !held.includes('Dana Okoro') ? held : undefined;
      });
    }
  }, 120_000);
});
