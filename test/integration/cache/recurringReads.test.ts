import { afterEach, describe, expect, it } from 'vitest';
import { LINK_MESSAGES } from '../../../electron/core/cache/recurringLinks';
import { SyncService } from '../../../electron/core/cache/syncService';
import { TranscriptService } from '../../../electron/core/share/transcriptService';
import { createVexaClient, type VexaClient } from '../../../electron/core/vexa';
import { capabilitiesFor } from '../../../shared/vexa/capabilities';
import type { JsonExport } from '../../../electron/core/export/json';
import type { LibraryMeeting } from '../../../electron/core/cache/types';
import { realClock } from './helpers';
import { quietLogger } from '../../support/logger';
import { KEY, OTHER_KEY, recurringLibrary, storedLines, truthLines, type RecurringRig } from './recurring';

// Reading an older meeting of a recurring link: its own transcript, its own share link, its own
// export, and never the newest meeting's words filed under it.

let r: RecurringRig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

function transcripts(rig: RecurringRig, client: VexaClient = rig.client): TranscriptService {
  return new TranscriptService({
    client: () => client,
    capabilities: () => client.capabilities,
    activeServerId: () => rig.sim.url,
    isConnected: () => true,
    dialogs: { canSave: false, saveFile: async () => null },
    clipboard: { readText: async () => '', writeText: async () => {} },
    opener: { openUrl: async () => {}, openFolder: async () => {} },
    logger: quietLogger,
    writeFile: async () => {},
    now: () => Date.now(),
  });
}

const refOf = (m: LibraryMeeting) => ({ meetingId: m.remoteId, platform: m.platform, nativeMeetingId: m.nativeMeetingId!, name: m.name });

/** The lines of the G1/G2 public text format for a meeting the simulator ran. */
function publicLines(rig: RecurringRig, remoteId: number): string[] {
  return rig.sim.truth(remoteId).map((s) => `[${s.absolute_start_time.slice(0, 19).replace('T', ' ')}] ${s.speaker}: ${s.text}`);
}

async function exported(rig: RecurringRig, m: LibraryMeeting): Promise<JsonExport> {
  const saved = await transcripts(rig).save(refOf(m), 'json', {});
  if (saved.mode !== 'download') throw new Error('expected a download');
  return JSON.parse(Buffer.from(saved.base64, 'base64').toString('utf8')) as JsonExport;
}

describe.each([
  ['g1', 2],
  ['g1', 3],
  ['g2', 2],
  ['g2', 3],
  ['g3', 2],
  ['g3', 3],
] as const)('%s, %i meetings on one link', (profile, count) => {
  it('stores each meeting’s own transcript, when it is opened and in the background', async () => {
    r = await recurringLibrary(profile, count);
    // The occurrences said the same words at different times: the times tell them apart.
    expect(new Set(r.ids.map((id) => truthLines(r!, id)[0]![0])).size).toBe(count);

    expect(await r.sync.openMeeting(r.rows[0]!.id)).toMatchObject({ ok: true });
    expect(await storedLines(r, r.rows[0]!.id)).toEqual(truthLines(r, r.ids[0]!));
    expect(await r.sync.fetchTranscripts()).toMatchObject({ failed: 0 });
    for (const [i, m] of r.rows.entries()) {
      expect(await storedLines(r, m.id)).toEqual(truthLines(r, r.ids[i]!));
      expect((await r.lib.library.meeting(m.id))!.transcript).toBe('complete');
    }
  });

  it('shares and exports the meeting meant, not the newest on its link', async () => {
    r = await recurringLibrary(profile, count);
    const service = transcripts(r);
    for (const [i, m] of [r.rows[0]!, r.rows.at(-1)!].entries()) {
      const remoteId = i === 0 ? r.ids[0]! : r.ids.at(-1)!;
      const json = await exported(r, m);
      expect(json.meeting.id).toBe(remoteId);
      const spoken = json.segments.filter((s) => s.source !== 'chat');
      expect(spoken.map((s) => [Date.parse(s.absolute_start_time!), s.text])).toEqual(truthLines(r, remoteId));

      const link = await service.share(refOf(m), 600);
      if (link.kind === 'public-url') {
        const text = await (await fetch(link.url)).text();
        expect(text.trimEnd().split('\n').slice(-publicLines(r, remoteId).length)).toEqual(publicLines(r, remoteId));
        continue;
      }
      expect(profile).toBe('g3');
      expect(link.token.split('.')[0]).toBe(String(remoteId));
      // Another account redeems the token and reads exactly that meeting.
      const accepted = await fetch(`${r.sim.url}/transcripts/share/accept`, {
        method: 'POST',
        headers: { 'X-API-Key': OTHER_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: link.token }),
      });
      expect(await accepted.json()).toMatchObject({ meeting_id: remoteId });
      const recipient = createVexaClient({ baseUrl: r.sim.url, apiKey: OTHER_KEY, generation: 'g3' });
      const seen = await recipient.getTranscriptById(remoteId);
      expect(seen.segments.filter((s) => s.source !== 'chat').map((s) => [s.absoluteStart, s.text])).toEqual(truthLines(r, remoteId));
    }
    const shares = r.calls.filter((c) => c.startsWith('POST') && c.includes('/share'));
    if (profile === 'g3') expect(shares).toEqual([`POST /meetings/${r.ids[0]}/share`, `POST /meetings/${r.ids.at(-1)}/share`]);
    else expect(shares.every((c) => /[?&]meeting_id=\d+/.test(c))).toBe(true);
  });
});

describe('a server that answers a link with its newest meeting whatever id is asked (G3 link route ignores ?meeting_id=)', () => {
  it('never stores or exports that transcript under an older meeting, and says why', async () => {
    r = await recurringLibrary('g3', 2);
    const rig = r;
    // A G3 server without the by-id transcript route: the app can only ask by link.
    const client = createVexaClient({
      baseUrl: rig.sim.url,
      apiKey: KEY,
      generation: 'g3',
      capabilities: { ...capabilitiesFor('g3'), transcriptsById: false },
    });
    const sync = new SyncService({
      library: rig.lib.library,
      outbox: rig.lib.outbox,
      serverId: rig.sim.url,
      client,
      clock: realClock,
      logger: quietLogger,
    });
    try {
      const [older, newest] = rig.rows as [LibraryMeeting, LibraryMeeting];
      expect(await sync.openMeeting(older.id)).toMatchObject({
        ok: false,
        error: { code: 'other_meeting', message: LINK_MESSAGES.otherTranscript },
      });
      expect(await storedLines(rig, older.id)).toEqual([]);
      expect((await rig.lib.library.meeting(older.id))!.transcript).toBe('unavailable');
      expect(rig.lib.library.meetings.row(older.id)!.transcript_error).toBe(LINK_MESSAGES.otherTranscript);

      expect(await sync.openMeeting(newest.id)).toMatchObject({ ok: true });
      expect(await storedLines(rig, newest.id)).toEqual(truthLines(rig, rig.ids[1]!));

      await expect(transcripts(rig, client).save(refOf(older), 'json', {})).rejects.toMatchObject({ code: 'other_meeting' });
    } finally {
      sync.close();
    }
  });
});
