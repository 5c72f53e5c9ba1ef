import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { explainOutcome } from '../../../shared/meetings/outcome';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// Participants, meeting health and chat, end to end through the core: the real simulator of each
// generation over HTTP and WebSocket, the real SQLite library, the IPC channels the window uses.

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

const PROFILES = ['g1', 'g2', 'g3'] as const;
type Profile = (typeof PROFILES)[number];

async function connected(profile: Profile, seed = false) {
  const app = await launchApp({ profile, timeScale: 300, seed });
  apps.push(app);
  const ipc = await connectIpc(app.url);
  must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
  return { app, ipc };
}

async function tracked(ipc: IpcTestClient, id: number, pred: (m: TrackedMeetingView) => boolean): Promise<TrackedMeetingView> {
  return waitFor(`meeting ${id}`, async () => {
    const m = must(await ipc.invoke('bots:tracked')).find((x) => x.id === id);
    return m && pred(m) ? m : undefined;
  });
}

/** Sends a bot with a simulator scenario and waits until its meeting is in the library with its transcript read. */
async function finishedInLibrary(ipc: IpcTestClient, link: string, scenario: string): Promise<LibraryMeetingView> {
  const m = must(await ipc.invoke('bots:launch', { link, botName: `sim:${scenario}` }));
  await tracked(ipc, m.id, (x) => x.status === 'completed' || x.status === 'failed');
  return waitFor(`meeting ${m.id} in the library`, async () => {
    must(await ipc.invoke('library:sync', {}));
    const row = must(await ipc.invoke('library:list', {})).find((r) => r.remoteId === m.id);
    return row && (row.transcript === 'complete' || row.transcript === 'unavailable') ? row : undefined;
  });
}

const speakers = ['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman'];

/** The whole exported file, as the harness hands it to the browser to download. */
async function exported(ipc: IpcTestClient, ref: unknown, format: string, options: Record<string, unknown>): Promise<string> {
  const out = must(await ipc.invoke('export:save', { ref, format, options }));
  if (out.mode !== 'download') throw new Error(`expected a download, got ${out.mode}`);
  return Buffer.from(out.base64, 'base64').toString('utf8');
}

describe.each(PROFILES)('who took part, on a %s server', (profile) => {
  it('lists what the server knows, keeps it for offline reading and finds the meeting by a name', async () => {
    const { ipc, app } = await connected(profile);
    const row = await finishedInLibrary(ipc, 'https://meet.google.com/ppl-abcd-xyz', 'normal');
    const view = must(await ipc.invoke('meetings:participants', { id: row.id }));
    if (profile === 'g1') {
      // G1 has no participants route: said plainly, nothing invented.
      expect(view.state).toBe('unavailable');
      expect(view.message).toMatch(/does not list who took part/);
      expect(view.rows).toEqual([]);
      return;
    }
    expect(view.state).toBe('fresh');
    expect(view.rows.map((r) => r.name).sort()).toEqual([...speakers].sort());
    expect(view.rows.every((r) => r.source === 'speaker')).toBe(true);
    // Neither server records presence: the page must never read an empty list as "nobody came".
    expect(view.rosterRecorded).toBe(false);
    if (profile === 'g2') expect(view.rows.every((r) => (r.speakingSeconds ?? 0) > 0 && (r.segmentCount ?? 0) > 0)).toBe(true);

    const found = must(await ipc.invoke('library:search', { query: 'Okafor' })).meetings.find((m) => m.meetingId === row.id);
    expect(found?.participant?.some((p) => p.match)).toBe(true);

    // The server gone: the list saved on this computer, with the reason.
    await app.simulator.close();
    const offline = must(await ipc.invoke('meetings:participants', { id: row.id }));
    expect(offline.state).toBe('cached');
    expect(offline.message).toBeTruthy();
    expect(offline.rows.map((r) => r.name).sort()).toEqual([...speakers].sort());
  });
});

describe('who took part, invited and heard (G3 calendar meeting)', () => {
  it('lists invitees apart from speakers, and a silent invitee is found by name in the library', async () => {
    const { ipc } = await connected('g3', true);
    const planning = await waitFor('the seeded meeting with its transcript', async () => {
      must(await ipc.invoke('library:sync', {}));
      return must(await ipc.invoke('library:list', {})).find((m) => m.nativeMeetingId === 'kqv-mzrp-tdx' && m.transcript === 'complete');
    });
    // Sam never spoke: only the invitation names them, kept when the transcript was downloaded,
    // so the library finds the meeting by that name before the meeting is ever opened.
    const hits = must(await ipc.invoke('library:search', { query: 'Whitfield' }));
    expect(hits.segments).toEqual([]);
    expect(hits.meetings.map((m) => m.meetingId)).toContain(planning.id);

    const view = must(await ipc.invoke('meetings:participants', { id: planning.id }));
    const invited = view.rows.filter((r) => r.source === 'invite').map((r) => `${r.name}:${r.responseStatus}`);
    expect(invited).toContain('Sam Whitfield:declined');
    expect(view.rows.filter((r) => r.source === 'speaker').map((r) => r.name)).not.toContain('Sam Whitfield');
    expect(view.sources).toEqual(['invite', 'speaker']);
  });
});

describe('meeting health', () => {
  it('g3: no audio is reported on the running meeting with what to do, and the library says nothing was captured', async () => {
    const { ipc } = await connected('g3');
    const m = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/hlt-abcd-xyz', botName: 'sim:no-audio' }));
    const live = await tracked(ipc, m.id, (x) => x.health != null);
    expect(live.status).toBe('active');
    expect(live.health).toMatchObject({ problem: 'no_audio', title: 'The bot hears no audio' });
    expect(live.health?.advice).toMatch(/unmuted/);
    const ended = await tracked(ipc, m.id, (x) => x.status === 'completed');
    expect(ended.health ?? null).toBeNull();
    const row = await waitFor('the library row', async () =>
      must(await ipc.invoke('library:list', {})).find((r) => r.remoteId === m.id && r.captureNote),
    );
    expect(row.captureNote).toBe('The bot heard nothing it could transcribe: no lines were captured.');
  });

  it('g3: a refusing transcription service is reported live and worded in the library', async () => {
    const { ipc } = await connected('g3');
    const m = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/stt-abcd-xyz', botName: 'sim:stt-fault' }));
    const live = await tracked(ipc, m.id, (x) => x.health != null);
    expect(live.health).toMatchObject({ problem: 'transcription_down', title: 'Transcription has stopped' });
    expect(live.health?.advice).toMatch(/no balance left/);
    const row = await waitFor('the library row', async () =>
      must(await ipc.invoke('library:list', {})).find((r) => r.remoteId === m.id && r.captureNote),
    );
    expect(row.captureNote).toMatch(/refused the audio 10 times because its account had no balance left\. No lines were transcribed\./);
    expect(row.completionReason).toBe('stopped');
  });

  it.each(['g1', 'g2'] as const)('%s: no health frames exist; the meeting still ends with its reason', async (profile) => {
    const { ipc } = await connected(profile);
    const m = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/hlt-abcd-xyz', botName: 'sim:no-audio' }));
    const ended = await tracked(ipc, m.id, (x) => x.status === 'completed');
    expect(ended.health ?? null).toBeNull();
    expect(ended.outcome).toBe('Everyone else left, so the bot left too.');
  });

  it.each(['g2', 'g3'] as const)('%s: a bot that needs help is shown so', async (profile) => {
    const { ipc } = await connected(profile);
    const m = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/hlp-abcd-xyz', botName: 'sim:needs-help' }));
    await tracked(ipc, m.id, (x) => x.status === 'needs_help');
  });

  it.each([
    ['rejected', 'The host denied the bot entry to the meeting.'],
    ['lobby-timeout', 'Nobody admitted the bot from the waiting room in time.'],
  ])('g3: a bot %s is worded on its library row', async (scenario, words) => {
    const { ipc } = await connected('g3');
    const m = must(
      await ipc.invoke('bots:launch', {
        link: `https://meet.google.com/rej-${scenario === 'rejected' ? 'abcd' : 'efgh'}-xyz`,
        botName: `sim:${scenario}`,
      }),
    );
    const row = await waitFor('the failed meeting in the library', async () => {
      must(await ipc.invoke('library:sync', {}));
      return must(await ipc.invoke('library:list', {})).find((r) => r.remoteId === m.id && r.status === 'failed');
    });
    expect(explainOutcome(row.status, row.completionReason, row.failureStage)).toBe(words);
    const timeline = must(await ipc.invoke('library:open', { id: row.id })).timeline;
    expect(timeline.entries.at(-1)?.completionReason).toBe(
      scenario === 'rejected' ? 'awaiting_admission_rejected' : 'awaiting_admission_timeout',
    );
  });
});

describe.each(PROFILES)('meeting chat, on a %s server', (profile) => {
  it('keeps chat with the transcript marked as chat, and exports it unless asked not to', async () => {
    const { ipc } = await connected(profile);
    const row = await finishedInLibrary(ipc, 'https://meet.google.com/cht-abcd-xyz', 'normal');
    const detail = must(await ipc.invoke('library:open', { id: row.id }));
    const chat = detail.segments.filter((s) => s.source === 'chat');
    expect(chat.map((s) => `${s.speaker}: ${s.text}`)).toEqual([
      'Priya Raman: Here is the prototype link for anyone who wants to click through.',
    ]);
    // Interleaved: between the lines said before and after it.
    const at = detail.segments.findIndex((s) => s.source === 'chat');
    expect(detail.segments[at - 1]?.text).toMatch(/It explains itself at the right moment/);

    const ref = { meetingId: row.remoteId, platform: row.platform, nativeMeetingId: row.nativeMeetingId!, serverId: row.serverId };
    expect(must(await ipc.invoke('export:hasChat', { ref }))).toBe(true);
    expect(await exported(ipc, ref, 'txt', {})).toMatch(/\] Priya Raman \(chat\): Here is the prototype link/);
    expect(await exported(ipc, ref, 'txt', { includeChat: false })).not.toMatch(/prototype link/);
    expect(await exported(ipc, ref, 'md', {})).toMatch(/Priya Raman \(chat\):\*\* Here is the prototype link/);
    expect(await exported(ipc, ref, 'vtt', {})).toMatch(/<v Priya Raman \(chat\)>Here is the prototype link/);
    const json = JSON.parse(await exported(ipc, ref, 'json', {})) as { segments: Array<{ source?: string; speaker: string }> };
    expect(json.segments.filter((x) => x.source === 'chat').map((x) => x.speaker)).toEqual(['Priya Raman']);
  });
});
