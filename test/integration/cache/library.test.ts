import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RANK_LIMIT } from '../../../electron/core/cache/search';
import type { SnippetPart } from '../../../electron/core/cache/types';
import { addServer, meeting, openLibrary, segment, type TestLibrary } from './helpers';

const marked = (parts: SnippetPart[]) => parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');
// With rank 1 the check also compares the transcript index with the rows it indexes (external
// content). Meetings deleted on this computer keep a row, unindexed, so only the plain check fits them.
const ftsOk = (t: TestLibrary) => {
  t.cache.db.exec("INSERT INTO segments_fts (segments_fts, rank) VALUES ('integrity-check', 1)");
  t.cache.db.exec("INSERT INTO meetings_fts (meetings_fts) VALUES ('integrity-check')");
};

describe('offline library', () => {
  let t: TestLibrary;
  beforeEach(() => {
    t = openLibrary();
    addServer(t.cache.db, 'https://one.example', 'g3');
    addServer(t.cache.db, 'https://two.example', 'g2');
  });
  afterEach(() => t.close());

  it('keeps two servers with the same meeting and native ids apart', async () => {
    const [a] = await t.library.upsertMeetings('https://one.example', [meeting(1, { name: 'Roadmap' })]);
    const [b] = await t.library.upsertMeetings('https://two.example', [meeting(1, { name: 'Budget' })]);
    expect(a!.id).not.toBe(b!.id);
    await t.library.appendSegments(a!.id, [segment('s1', 'we ship the roadmap in june')]);
    await t.library.appendSegments(b!.id, [segment('s1', 'the budget for june is approved')]);

    const list = await t.library.list();
    expect(list.map((m) => [m.serverId, m.remoteId, m.nativeMeetingId, m.name]).sort()).toEqual([
      ['https://one.example', 1, 'abc-defg-001', 'Roadmap'],
      ['https://two.example', 1, 'abc-defg-001', 'Budget'],
    ]);
    const hits = (await t.library.search('june')).segments;
    expect(hits.map((h) => h.serverId).sort()).toEqual(['https://one.example', 'https://two.example']);
    expect((await t.library.search('june', { serverId: 'https://two.example' })).segments.map((h) => h.meetingName)).toEqual(['Budget']);

    await t.library.deleteLocal(a!.id);
    expect((await t.library.transcript(b!.id))!.segments.map((s) => s.text)).toEqual(['the budget for june is approved']);
    expect((await t.library.search('june')).segments).toHaveLength(1);
  });

  it('stores live drafts unconfirmed, replaces them by key, and never lets a late draft undo a confirmed line', async () => {
    const [m] = await t.library.upsertMeetings('https://one.example', [meeting(2, { status: 'active' })]);
    const id = m!.id;
    await t.library.appendSegments(id, [segment('k1', 'hello every', { completed: false })]);
    await t.library.appendSegments(id, [segment('k1', 'hello everyone here', { completed: false })]);
    expect(await t.library.appendSegments(id, [segment('k1', 'Hello everyone, here we go.'), segment('k2', 'first point')])).toEqual({
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
    expect(await t.library.appendSegments(id, [segment('k1', 'hello every', { completed: false })])).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });

    const view = (await t.library.transcript(id))!;
    expect(view.segments.map((s) => [s.key, s.text, s.confirmed])).toEqual([
      ['k1', 'Hello everyone, here we go.', true],
      ['k2', 'first point', true],
    ]);
    expect(view.meeting.segmentCount).toBe(2);
    expect(view.meeting.transcript).toBe('partial');
    expect((await t.library.search('every')).segments.map((h) => marked(h.snippet))).toEqual(['Hello [everyone], here we go.']);
    ftsOk(t);
  });

  it('finds a line by its last words when a batch carries the same key twice or rewrites earlier lines', async () => {
    const [m] = await t.library.upsertMeetings('https://one.example', [meeting(4, { status: 'active' })]);
    const id = m!.id;
    await t.library.appendSegments(id, [segment('k1', 'about the harbour', { completed: false }), segment('k2', 'second line')]);
    // One batch: a new key written twice (a draft, then its final words) and an older key rewritten.
    expect(
      await t.library.appendSegments(id, [
        segment('k3', 'draft of lighthouse', { completed: false }),
        segment('k1', 'about the marina'),
        segment('k3', 'final words on the lighthouse keeper'),
        segment('k4', 'closing'),
      ]),
    ).toEqual({ inserted: 2, updated: 2, unchanged: 0 });
    expect((await t.library.search('harbour')).segments).toEqual([]);
    expect((await t.library.search('marina')).segments.map((h) => marked(h.snippet))).toEqual(['about the [marina]']);
    expect((await t.library.search('draft')).segments).toEqual([]);
    expect((await t.library.search('keeper')).segments.map((h) => marked(h.snippet))).toEqual(['final words on the lighthouse [keeper]']);
    expect((await t.library.search('closing')).segments).toHaveLength(1);
    ftsOk(t);
  });

  it('replaces a whole transcript: drafts and keys the server no longer has disappear from view and search', async () => {
    const [m] = await t.library.upsertMeetings('https://one.example', [meeting(3)]);
    await t.library.appendSegments(m!.id, [segment('a', 'draft about kittens', { completed: false }), segment('b', 'old line')]);
    await t.library.replaceTranscript(m!.id, [segment('a', 'final words about puppies'), segment('c', 'closing remarks')], {
      complete: true,
    });
    const view = (await t.library.transcript(m!.id))!;
    expect(view.segments.map((s) => s.key)).toEqual(['a', 'c']);
    expect(view.meeting.transcript).toBe('complete');
    expect(view.meeting.transcriptSyncedAt).not.toBeNull();
    expect((await t.library.search('kittens')).segments).toEqual([]);
    expect((await t.library.search('puppies')).segments).toHaveLength(1);
    ftsOk(t);
  });

  it('lists newest first, filters, and keeps planned meetings apart', async () => {
    await t.library.upsertMeetings('https://one.example', [
      meeting(10, { platform: 'zoom' }),
      meeting(11, { status: 'failed' }),
      meeting(12, { status: 'scheduled', platform: 'unknown', nativeMeetingId: null, startTime: null, name: 'Planned sync' }),
    ]);
    await t.library.upsertMeetings('https://two.example', [meeting(13)]);
    expect((await t.library.list()).map((m) => m.remoteId)).toEqual([13, 11, 10]);
    expect((await t.library.list({ planned: 'only' })).map((m) => [m.remoteId, m.planned])).toEqual([[12, true]]);
    expect((await t.library.list({ platform: 'zoom' })).map((m) => m.remoteId)).toEqual([10]);
    expect((await t.library.list({ status: 'failed' })).map((m) => m.remoteId)).toEqual([11]);
    expect((await t.library.list({ serverId: 'https://two.example' })).map((m) => m.remoteId)).toEqual([13]);
    const t11 = meeting(11).startTime!;
    expect((await t.library.list({ from: t11, to: t11 + 1 })).map((m) => m.remoteId)).toEqual([11]);
    expect((await t.library.list({ limit: 1, offset: 1 })).map((m) => m.remoteId)).toEqual([11]);
    expect((await t.library.list())[0]!.lastSyncedAt).not.toBeNull();
  });

  it('searches with ranking, prefixes while typing, phrases, boolean operators and filters', async () => {
    const [a, b] = await t.library.upsertMeetings('https://one.example', [
      meeting(20, { name: 'Release planning', notes: 'Decide the deployment window', platform: 'zoom' }),
      meeting(21, { name: 'Café retro' }),
    ]);
    await t.library.appendSegments(a!.id, [
      segment('1', 'The deployment is on Friday, deployment checklist attached.', { speaker: 'Bob Chen' }),
      segment('2', 'We could postpone the release to Monday.'),
      segment('3', 'The release notes need a review.', { speaker: 'Chloé Durand' }),
    ]);
    await t.library.appendSegments(b!.id, [
      segment('1', 'Coffee at the café was great; the deployment went fine.'),
      segment('2', 'Nothing else to report'),
    ]);

    const word = await t.library.search('deployment');
    expect(word.segments[0]).toMatchObject({
      meetingId: a!.id,
      segmentKey: '1',
      start: 3,
      speaker: 'Bob Chen',
      meetingName: 'Release planning',
    });
    expect(marked(word.segments[0]!.snippet)).toBe('The [deployment] is on Friday, [deployment] checklist attached.');
    expect(word.meetings.map((h) => [h.meetingId, h.notes && marked(h.notes)])).toEqual([[a!.id, 'Decide the [deployment] window']]);

    const typing = await t.library.search('postp');
    expect(typing.prefix).toBe(true);
    expect(typing.segments.map((h) => marked(h.snippet))).toEqual(['We could [postpone] the release to Monday.']);
    expect((await t.library.search('postp ')).segments).toEqual([]);

    expect((await t.library.search('"release notes"')).segments.map((h) => h.segmentKey)).toEqual(['3']);
    expect((await t.library.search('"notes release"')).segments).toEqual([]);
    expect((await t.library.search('release AND monday')).segments.map((h) => h.segmentKey)).toEqual(['2']);
    expect((await t.library.search('coffee OR checklist')).segments).toHaveLength(2);
    expect((await t.library.search('deployment NOT friday')).segments.map((h) => h.meetingId)).toEqual([b!.id]);
    expect((await t.library.search('cafe')).segments.map((h) => marked(h.snippet))).toEqual([
      'Coffee at the [café] was great; the deployment went fine.',
    ]);
    expect((await t.library.search('cafe')).meetings.map((h) => marked(h.name))).toEqual(['[Café] retro']);

    const bySpeaker = await t.library.search('chloe');
    expect(bySpeaker.segments[0]!.speakerMatch && marked(bySpeaker.segments[0]!.speakerMatch)).toBe('[Chloé] Durand');
    expect((await t.library.search('release', { speaker: 'chloé durand' })).segments.map((h) => h.segmentKey)).toEqual(['3']);
    expect((await t.library.search('deployment', { platform: 'zoom' })).segments.every((h) => h.meetingId === a!.id)).toBe(true);
    expect((await t.library.search('deployment', { status: 'failed' })).segments).toEqual([]);
    const t21 = meeting(21).startTime!;
    expect((await t.library.search('deployment', { from: t21 })).segments.map((h) => h.meetingId)).toEqual([b!.id]);
    expect((await t.library.search('deployment', { to: t21 })).segments.map((h) => h.meetingId)).toEqual([a!.id]);

    const paged = await t.library.search('the', {}, { limit: 2 });
    expect(paged.segments).toHaveLength(2);
    expect(paged.hasMore).toBe(true);
  });

  it('lists matches unranked when a query matches too many segments to rank in time', async () => {
    const [m] = await t.library.upsertMeetings('https://one.example', [meeting(32)]);
    const many = Array.from({ length: RANK_LIMIT + 50 }, (_, i) =>
      segment(`k${i}`, `status update number ${i}${i === 7 ? ' with budget' : ''}`),
    );
    await t.library.appendSegments(m!.id, many);
    const common = await t.library.search('update ');
    expect(common).toMatchObject({ ranked: false, hasMore: true });
    expect(common.segments).toHaveLength(50);
    expect(common.segments.every((h) => h.snippet.some((p) => p.match && p.text === 'update'))).toBe(true);
    expect(await t.library.search('update budget ')).toMatchObject({ ranked: true, segments: [{ segmentKey: 'k7' }] });
  });

  it('answers input FTS5 would reject with results or nothing, never an error', async () => {
    const [m] = await t.library.upsertMeetings('https://one.example', [meeting(30, { name: 'NEAR misses' })]);
    await t.library.appendSegments(m!.id, [
      segment('1', 'text: the near miss (and another) "quoted" AND stuff * ^caret'),
      segment('2', 'not this one OR that'),
    ]);
    const nasty = [
      '"',
      '""',
      '"unbalanced',
      'AND',
      'OR OR',
      'NOT',
      'NOT near',
      '*',
      '**',
      'near(',
      'NEAR(a b',
      'text:near',
      '{text}: near',
      '^caret',
      '(',
      ')',
      'a AND',
      'AND a',
      '-',
      '+',
      '"near" OR',
      'near NOT',
      "'",
      ':',
      ';',
      '\\',
      '\u0000',
      '\uE000near\uE001',
      '   ',
      '',
      '🙂',
      'near*miss',
      'x'.repeat(5000),
    ];
    for (const q of nasty) {
      const r = await t.library.search(q);
      expect(Array.isArray(r.segments), q).toBe(true);
    }
    expect((await t.library.search('text:the')).segments.map((h) => h.segmentKey)).toEqual(['1']);
    expect((await t.library.search('NEAR( miss')).segments.map((h) => h.segmentKey)).toEqual(['1']);
    expect((await t.library.search('"quoted" AND')).segments.map((h) => h.segmentKey)).toEqual(['1']);
  });

  it('never lets marker characters in stored text fake a highlight', async () => {
    const [m] = await t.library.upsertMeetings('https://one.example', [meeting(31, { name: 'x\uE000y' })]);
    await t.library.appendSegments(m!.id, [segment('1', 'plain \uE000fake\uE001 words and real match')]);
    const hit = (await t.library.search('real')).segments[0]!;
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['real']);
    expect((await t.library.meeting(m!.id))!.name).toBe('xy');
  });

  it('draws the status timeline from the server trail, else from what the app saw', async () => {
    const base = Date.UTC(2026, 5, 1, 10);
    const [withTrail, without] = await t.library.upsertMeetings('https://one.example', [
      meeting(40, {
        endTime: base + 600_000,
        statusTransitions: [
          { from: null, to: 'joining', at: base, source: 'creation', reason: null, completionReason: null, failureStage: null },
          {
            from: 'joining',
            to: 'active',
            at: base + 60_000,
            source: 'bot_callback',
            reason: null,
            completionReason: null,
            failureStage: null,
          },
          {
            from: 'active',
            to: 'completed',
            at: base + 600_000,
            source: 'bot_callback',
            reason: 'left_alone',
            completionReason: 'left_alone',
            failureStage: null,
          },
        ],
      }),
      meeting(41),
    ]);
    const tl = await t.library.timeline(withTrail!.id);
    expect(tl.origin).toBe('server');
    expect(tl.entries.map((e) => [e.to, e.durationMs, e.source])).toEqual([
      ['joining', 60_000, 'creation'],
      ['active', 540_000, 'bot_callback'],
      ['completed', 0, 'bot_callback'],
    ]);
    // A list without the trail (G3) keeps the one already cached.
    await t.library.upsertMeetings('https://one.example', [meeting(40, { endTime: base + 600_000 })]);
    expect((await t.library.timeline(withTrail!.id)).entries).toHaveLength(3);

    await t.library.recordStatus(without!.id, 'joining', base);
    await t.library.recordStatus(without!.id, 'joining', base + 5);
    await t.library.recordStatus(without!.id, 'active', base + 30_000);
    const seen = await t.library.timeline(without!.id);
    expect(seen.origin).toBe('app');
    expect(seen.entries.map((e) => [e.from, e.to, e.durationMs])).toEqual([
      [null, 'joining', 30_000],
      ['joining', 'active', meeting(41).endTime! - base - 30_000],
    ]);
  });

  it('deletes from this computer only: gone from list, transcript and search, and a later sync does not bring it back', async () => {
    const [m] = await t.library.upsertMeetings('https://one.example', [meeting(50, { name: 'Secret plans' })]);
    await t.library.appendSegments(m!.id, [segment('1', 'the secret plan')]);
    await t.library.deleteLocal(m!.id);
    expect(await t.library.meeting(m!.id)).toBeNull();
    expect(await t.library.transcript(m!.id)).toBeNull();
    expect((await t.library.search('secret')).segments).toEqual([]);
    expect((await t.library.search('secret')).meetings).toEqual([]);
    await t.library.upsertMeetings('https://one.example', [meeting(50, { name: 'Secret plans', updatedAt: Date.now() })]);
    expect(await t.library.list()).toEqual([]);
    ftsOk(t);
  });

  it('reports size and counts, and clears everything but the servers', async () => {
    const [m] = await t.library.upsertMeetings('https://one.example', [meeting(60), meeting(61, { status: 'idle' })]);
    await t.library.replaceTranscript(m!.id, [segment('1', 'one'), segment('2', 'two')], { complete: true });
    await t.outbox.edit(m!.id, { name: 'Renamed' });
    const stats = await t.library.stats();
    expect(stats).toMatchObject({ meetings: 1, plannedMeetings: 1, transcripts: 1, segments: 2, pendingEdits: 1 });
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.servers.find((s) => s.serverId === 'https://one.example')?.meetings).toBe(2);

    await t.library.clear();
    expect(await t.library.stats()).toMatchObject({ meetings: 0, plannedMeetings: 0, transcripts: 0, segments: 0, pendingEdits: 0 });
    expect((await t.library.search('one')).segments).toEqual([]);
    expect(t.cache.db.prepare('SELECT count(*) AS n FROM servers').get()).toEqual({ n: 2 });
    ftsOk(t);
  });
});
