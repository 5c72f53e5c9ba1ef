import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctedParticipants, syncParticipants } from '../../../electron/core/speakers/participantSync';
import { correctTranscriptSpeakers } from '../../../electron/core/speakers/correctTranscript';
import { addServer, meeting, openLibrary, segment, type TestLibrary } from '../cache/helpers';

// The library's side of speaker corrections on a real SQLite file: which lines show which name,
// what the search finds, and the participants a correction hands to the outbox.

describe('speaker corrections in the library', () => {
  let lib: TestLibrary;
  let ids: number[];
  beforeEach(async () => {
    lib = openLibrary();
    addServer(lib.cache.db, 'lab', 'g2');
    addServer(lib.cache.db, 'other', 'g3');
    const rows = await lib.library.upsertMeetings('lab', [meeting(1), meeting(2)]);
    const [far] = await lib.library.upsertMeetings('other', [meeting(1)]);
    ids = [...rows.map((r) => r.id), far!.id];
    for (const id of ids) {
      await lib.library.replaceTranscript(
        id,
        [
          segment(`a${id}`, 'The budget is settled.', { speaker: 'Speaker 1', start: 5 }),
          segment(`b${id}`, 'Robotics needs more budget.', { speaker: 'Speaker 2', start: 20 }),
        ],
        { complete: true },
      );
    }
  });
  afterEach(() => lib.close());

  const fix = (f: Parameters<TestLibrary['library']['speakers']['add']>[0]) => lib.library.speakers.add(f, Date.now());
  const speakerOf = async (id: number, key: string) => (await lib.library.transcript(id))!.segments.find((s) => s.key === key)!.speaker;

  it('a server-wide rename reaches every meeting of its server and no other server', async () => {
    fix({ serverId: 'lab', meetingId: null, kind: 'rename', label: 'Speaker 2', name: 'Rosa Vidal' });
    expect(await speakerOf(ids[0]!, `b${ids[0]}`)).toBe('Rosa Vidal');
    expect(await speakerOf(ids[1]!, `b${ids[1]}`)).toBe('Rosa Vidal');
    expect(await speakerOf(ids[2]!, `b${ids[2]}`)).toBe('Speaker 2');
    const hits = await lib.library.search('vidal');
    expect(hits.segments.map((h) => h.meetingId).sort()).toEqual([ids[0], ids[1]].sort());
    // Found through the label "Speaker 2": the other server's line, shown as "Speaker 2", is not a hit for "vidal".
    expect(hits.segments.every((h) => h.speaker === 'Rosa Vidal' && h.speakerMatch?.some((p) => p.match))).toBe(true);
  });

  it('a one-meeting rename leaves the other meetings alone, in the lines, the search and its filter', async () => {
    fix({ serverId: 'lab', meetingId: 1, kind: 'rename', label: 'Speaker 2', name: 'Rosa Vidal' });
    expect(await speakerOf(ids[1]!, `b${ids[1]}`)).toBe('Speaker 2');
    expect((await lib.library.search('vidal')).segments.map((h) => h.meetingId)).toEqual([ids[0]]);
    const filtered = await lib.library.search('budget', { speaker: 'ROSA VIDAL' });
    expect(filtered.segments.map((h) => [h.meetingId, h.speaker])).toEqual([[ids[0], 'Rosa Vidal']]);
    // The server's label still filters the meetings where it is shown.
    const byLabel = await lib.library.search('budget', { speaker: 'speaker 2' });
    expect(byLabel.segments.map((h) => h.meetingId).sort()).toEqual([ids[1], ids[2]].sort());
    // Searching the old label does not show it on a corrected line.
    expect((await lib.library.search('speaker')).segments.every((h) => h.speaker !== 'Speaker 2' || h.meetingId !== ids[0])).toBe(true);
  });

  it('hands the corrected participants to the outbox: sent on G1/G2, kept here on G3', async () => {
    const here = fix({ serverId: 'lab', meetingId: 1, kind: 'rename', label: 'Speaker 2', name: 'Rosa Vidal' });
    expect(await syncParticipants(lib.library, lib.outbox, here, [])).toEqual([ids[0]]);
    const [edit] = await lib.outbox.list({ meetingId: ids[0] });
    expect(edit).toMatchObject({ state: 'pending', fields: { participants: ['Speaker 1', 'Rosa Vidal'] } });
    const far = fix({ serverId: 'other', meetingId: 1, kind: 'rename', label: 'Speaker 1', name: 'Tom Berg' });
    await syncParticipants(lib.library, lib.outbox, far, []);
    const [local] = await lib.outbox.list({ meetingId: ids[2] });
    expect(local).toMatchObject({ state: 'local', fields: { participants: ['Tom Berg', 'Speaker 2'] } });
    // Restored: the name goes, the label comes back.
    lib.library.speakers.remove(here.id);
    await syncParticipants(lib.library, lib.outbox, here, [here.name]);
    expect((await lib.library.meeting(ids[0]!))!.participants).toEqual(['Speaker 1', 'Speaker 2']);
  });

  it('corrects participants typed by hand and a transcript read from the server', () => {
    const names = lib.library.speakers.forMeeting('lab', 1);
    fix({ serverId: 'lab', meetingId: 1, kind: 'merge', label: 'Speaker 2', name: 'Speaker 1' });
    fix({ serverId: 'lab', meetingId: 1, kind: 'rename', label: 'Speaker 1', name: 'Ana' });
    const now = lib.library.speakers.forMeeting('lab', 1);
    expect(names).not.toBe(now);
    expect(
      correctedParticipants(['Speaker 2', 'Guest', 'Old'], [{ speaker: 'Ana', originalSpeaker: 'Speaker 1' }], now, new Set(['Old'])),
    ).toEqual(['Ana', 'Guest']);
    const t = correctTranscriptSpeakers(lib.library.speakers, 'lab', 1, () => ({
      meeting: meeting(1),
      segments: [segment('x', 'hi', { speaker: 'Speaker 2', start: 1 })],
    }));
    expect(t?.segments[0]?.speaker).toBe('Ana');
    expect(correctTranscriptSpeakers(lib.library.speakers, 'lab', 2, () => ({ meeting: meeting(2), segments: [] }))).toBeNull();
  });
});
