import { afterEach, describe, expect, it } from 'vitest';
import { cachedTranscript } from '../../../electron/core/cache/exportSource';
import { toJsonExport } from '../../../electron/core/export/json';
import { prepareDocument } from '../../../electron/core/export/prepare';
import { addServer, meeting, openLibrary, segment, simLibrary, type SimLibrary, type TestLibrary } from './helpers';
import { waitFor } from '../../support/waitFor';

// What the library shows must be what the server says: statuses never move back because a page
// was read a moment early, rows still marked in flight are read again on the next sync, and the
// server's segment ids are kept for exports.

const KEY = 'vxa_tx_truth0123456789abcdefghijklmnopq';
const SERVER = 'https://vexa.example';

describe('a status the app saw, against a list page read earlier', () => {
  let t: TestLibrary;
  afterEach(() => t.close());

  it('an ended meeting is never brought back to life, and keeps the reason it ended', async () => {
    t = openLibrary();
    addServer(t.cache.db, SERVER);
    const live = meeting(7, { status: 'active', endTime: null, completionReason: null, updatedAt: 1_000 });
    await t.library.upsertMeetings(SERVER, [live]);
    const ended = t.library.recordBotStatus(
      SERVER,
      { ...live, status: 'failed', completionReason: 'join_failure', failureStage: 'active' },
      5_000,
    );
    expect(ended.changed).toBe(true);
    // The list page fetched just before the bot's end arrives now.
    await t.library.upsertMeetings(SERVER, [{ ...live, updatedAt: 1_001 }]);
    expect(await t.library.meeting(ended.id)).toMatchObject({
      status: 'failed',
      completionReason: 'join_failure',
      failureStage: 'active',
      statusSeenAt: 5_000,
    });
    // A frame with no reason (the status alone) keeps the reason already known.
    t.library.recordBotStatus(SERVER, { ...live, status: 'failed', completionReason: null, failureStage: null }, 6_000);
    expect(await t.library.meeting(ended.id)).toMatchObject({ completionReason: 'join_failure', statusSeenAt: 6_000 });
    // The server's own final row moves it on as usual.
    await t.library.upsertMeetings(SERVER, [{ ...live, status: 'completed', completionReason: 'stopped', updatedAt: 9_000 }]);
    expect(await t.library.meeting(ended.id)).toMatchObject({ status: 'completed', completionReason: 'stopped' });
  });

  it('a status seen late (a poll behind the server) does not move a row back either', async () => {
    t = openLibrary();
    addServer(t.cache.db, SERVER);
    await t.library.upsertMeetings(SERVER, [meeting(8, { status: 'active', endTime: null })]);
    const r = t.library.recordBotStatus(SERVER, meeting(8, { status: 'requested' }), 2_000);
    expect(r.changed).toBe(false);
    expect((await t.library.meeting(r.id))?.status).toBe('active');
  });

  it('a bot that failed before a word was said gets its row, with the reason and a timeline entry', async () => {
    t = openLibrary();
    addServer(t.cache.db, SERVER);
    const r = t.library.recordBotStatus(
      SERVER,
      meeting(9, { status: 'failed', completionReason: 'awaiting_admission_rejected', failureStage: 'awaiting_admission' }),
      3_000,
    );
    expect(r.changed).toBe(true);
    expect(await t.library.list({ status: 'failed' })).toEqual([
      expect.objectContaining({ id: r.id, completionReason: 'awaiting_admission_rejected', segmentCount: 0 }),
    ]);
    expect((await t.library.timeline(r.id)).entries.at(-1)).toMatchObject({ to: 'failed', at: 3_000 });
  });
});

describe.each(['g1', 'g2', 'g3'] as const)('the %s server and rows still marked in flight', (profile) => {
  let r: SimLibrary;
  afterEach(() => r.close());

  it('a meeting that ended while the app was away is read again, even off the first page', async () => {
    r = await simLibrary(profile, { key: KEY, options: { pageSize: 2 } });
    await r.sync.run();
    const launch = (id: string) => r.client.launchBot({ platform: 'google_meet', nativeMeetingId: id, botName: 'sim:lobby-wait' });
    const waiting = await launch('old-lobb-yaa');
    await waitFor('the bot in the lobby', async () => (await r.client.getMeeting(waiting.id)).status === 'awaiting_admission');
    await r.sync.run();
    const id = (await r.lib.library.localId(r.sim.url, waiting.id))!;
    expect((await r.lib.library.meeting(id))?.status).toBe('awaiting_admission');
    // Two newer meetings fill the first page, then the app "closes" and the old bot is stopped elsewhere.
    for (const native of ['new-lobb-ybb', 'new-lobb-ycc']) {
      const m = await launch(native);
      await waitFor('a newer bot in the lobby', async () => (await r.client.getMeeting(m.id)).status === 'awaiting_admission');
    }
    await r.sync.run();
    await r.elsewhere.stopBot('google_meet', 'old-lobb-yaa');
    const over = await waitFor('the old meeting over', async () => {
      const m = await r.client.getMeeting(waiting.id);
      return m.status === 'completed' || m.status === 'failed' ? m : null;
    });

    r.calls.length = 0;
    await r.sync.run();
    expect(await r.lib.library.meeting(id)).toMatchObject({ status: over.status, completionReason: over.completionReason });
    // Paged servers stop at the unchanged first page and ask for the one row by id.
    if (profile !== 'g1') {
      expect(r.calls.filter((c) => c.startsWith('GET /meetings?'))).toEqual(['GET /meetings?limit=2&offset=0']);
      expect(r.calls).toContain(`GET /meetings/${waiting.id}`);
    }
    // Settled rows are not asked for again.
    r.calls.length = 0;
    await r.sync.run();
    expect(r.calls.filter((c) => /^GET \/meetings\/\d+$/.test(c))).toEqual([]);
  });

  it('keeps the server’s segment ids, and the JSON export of the cached transcript carries them', async () => {
    r = await simLibrary(profile, { key: KEY });
    await r.sync.run();
    const [first] = await r.lib.library.list();
    await waitFor('the transcript cached', async () => (await r.lib.library.meeting(first!.id))?.transcript === 'complete');
    const truth = r.sim.truth(first!.remoteId);
    const cached = (await r.lib.library.transcript(first!.id))!.segments;
    const expected = profile === 'g1' ? truth.map(() => null) : truth.map((s) => s.segment_id);
    expect(cached.map((s) => s.segmentId)).toEqual(expected);

    const transcript = (await cachedTranscript(r.lib.library, r.sim.url, first!.remoteId))!;
    const json = toJsonExport(prepareDocument(transcript, { now: 0 }));
    expect(json.segments.map((s) => s.segment_id ?? null)).toEqual(expected);
  });
});

describe('segment ids written by the live pipeline', () => {
  it('are stored apart from the merge key, null where the server sent none', async () => {
    const t = openLibrary();
    addServer(t.cache.db, SERVER);
    const id = await t.library.ensureMeeting(SERVER, meeting(3));
    await t.library.appendSegments(id, [
      segment('sess:alice:1000', 'with an id', { segmentId: 'sess:alice:1000' }),
      segment('t:1700000000000', 'without one', { absoluteStart: 1_700_000_000_000 }),
    ]);
    expect((await t.library.transcript(id))!.segments.map((s) => [s.key, s.segmentId])).toEqual([
      ['sess:alice:1000', 'sess:alice:1000'],
      ['t:1700000000000', null],
    ]);
    t.close();
  });
});
