import { startSimulator } from '../../../electron/simulator';
import { createVexaClient } from '../../../electron/core/vexa';
import type { ServerGeneration } from '../../../shared/vexa/capabilities';
import type { LibraryMeeting } from '../../../electron/core/cache/types';
import { simLibrary, type SimLibrary } from './helpers';
import { waitFor } from '../../support/waitFor';
import { planningScript } from '../../../electron/simulator/script';

/** What the simulated colleagues write in the chat: G3 keeps it in its transcript (its truth), G1/G2 beside it. */
const CHAT_TEXTS: ReadonlySet<string> = new Set(
  planningScript()
    .filter((l) => l.chat)
    .map((l) => l.text),
);

/** A weekly Meet room: every occurrence of the meeting uses this one link. */
export const LINK = { platform: 'google_meet', nativeId: 'wkl-ysyn-cmx' } as const;
export const KEY = 'vxa_tx_recurring0123456789abcdefghijkl';
/** Another account of the same server, to redeem a G3 share token. */
export const OTHER_KEY = 'vxa_tx_recipient0123456789abcdefghijkl';

export interface RecurringRig extends SimLibrary {
  /** Server row ids of the occurrences on the link, oldest first. */
  ids: number[];
  /** Their local rows, in the same order. */
  rows: LibraryMeeting[];
}

/**
 * `count` meetings held one after the other on the same link (each a real bot run in the
 * simulator, so each has its own transcript), plus the seeded meetings, synced into a fresh
 * library. Transcripts are not downloaded yet.
 */
export async function recurringLibrary(profile: ServerGeneration, count: number): Promise<RecurringRig> {
  const sim = await startSimulator({ profile, port: 0, apiKeys: [KEY, OTHER_KEY], seed: true, timeScale: 400 });
  const owner = createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: profile });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const m = await owner.launchBot({ platform: LINK.platform, nativeMeetingId: LINK.nativeId, botName: 'sim:normal' });
    await waitFor(`meeting ${m.id} to end`, async () => (await owner.getMeeting(m.id)).status === 'completed');
    ids.push(m.id);
  }
  const base = await simLibrary(profile, { key: KEY, sim });
  await base.sync.run();
  base.sync.cancelTranscripts();
  const all = await base.lib.library.list();
  const rows = ids.map((id) => all.find((m) => m.remoteId === id)!);
  return { ...base, ids, rows };
}

export interface ServerMeeting {
  id: number;
  name: string | null;
  notes: string | null;
  /** The link still names this meeting (G1/G2 drop it when its transcript is deleted). */
  link: string | null;
  transcriptDeleted: boolean;
  /** Lines the server still holds for it (0 once deleted). */
  lines: number;
}

/** What the server holds for each occurrence, read by another device of the same account. */
export async function serverState(r: RecurringRig): Promise<ServerMeeting[]> {
  const { meetings } = await r.elsewhere.listAllMeetings();
  return Promise.all(
    r.ids.map(async (id) => {
      const m = meetings.find((x) => x.id === id)!;
      const readable = !m.transcriptDeleted && m.nativeMeetingId !== null;
      const lines = readable ? (await r.elsewhere.getTranscript(m.platform, m.nativeMeetingId!, { meetingId: id })).segments.length : 0;
      return { id, name: m.name, notes: m.notes, link: m.nativeMeetingId, transcriptDeleted: m.transcriptDeleted, lines };
    }),
  );
}

/** The transcript the simulator produced for a meeting, as absolute start times (ms) and words. */
export function truthLines(r: RecurringRig, remoteId: number): Array<[number, string]> {
  return r.sim
    .truth(remoteId)
    .filter((s) => !CHAT_TEXTS.has(s.text))
    .map((s) => [Date.parse(s.absolute_start_time), s.text]);
}

/** The spoken lines the library holds for a meeting, in the same shape. */
export async function storedLines(r: RecurringRig, localId: number): Promise<Array<[number | null, string]>> {
  const view = await r.lib.library.transcript(localId);
  // Speech only: the meeting's chat is kept with it too (source "chat"), and the simulator's truth is what was said.
  return (view?.segments ?? []).filter((s) => s.source !== 'chat').map((s) => [s.absoluteStart, s.text]);
}
