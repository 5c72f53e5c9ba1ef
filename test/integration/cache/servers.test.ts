import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingWhere } from '../../../electron/core/cache/libraryFilter';
import { meetingHitsQuery, segmentHitsQuery } from '../../../electron/core/cache/search';
import type { SearchFilters } from '../../../electron/core/cache/types';
import { MAX_SERVER_FILTER } from '../../../shared/ipc/library';
import { addServer, meeting, openLibrary, segment, type TestLibrary } from './helpers';

// One library across servers: every row, hit and meeting says which server it is from, by the
// server's own name; list and search filter by one or several servers and keep the demo's
// meetings apart on request; a server's meetings can be taken off this computer at once.

const LAB = 'https://lab.example.com';
const CLOUD = 'https://cloud.example';
const OLD = 'https://old.example:8443';
// Two servers, one meeting each with the same platform and native id: told apart by server only.
const TEAMS_ID = '3817264501234';

function ftsConsistent(t: TestLibrary): void {
  // With rank 1 the check compares each index with the rows it indexes (external content).
  t.cache.db.exec("INSERT INTO segments_fts (segments_fts, rank) VALUES ('integrity-check', 1)");
  t.cache.db.exec("INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('integrity-check', 1)");
  expect(t.cache.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('a library of several servers', () => {
  let t: TestLibrary;
  let ids: Record<'lab' | 'cloud' | 'old' | 'demo', number>;

  beforeEach(async () => {
    t = openLibrary();
    addServer(t.cache.db, LAB);
    addServer(t.cache.db, CLOUD, 'g2');
    addServer(t.cache.db, OLD, 'g1');
    addServer(t.cache.db, 'demo');
    const db = t.cache.db;
    db.prepare("UPDATE servers SET label = 'Lab' WHERE id = ?").run(LAB);
    db.prepare("UPDATE servers SET label = 'Vexa Cloud' WHERE id = ?").run(CLOUD);
    // A record without a name: the host of its address stands in.
    db.prepare("UPDATE servers SET label = '  ', url = ? WHERE id = ?").run(OLD, OLD);
    db.prepare("UPDATE servers SET label = 'Demo simulator', demo = 1 WHERE id = 'demo'").run();
    const teams = { platform: 'teams', nativeMeetingId: TEAMS_ID, name: null };
    const one = async (server: string, remote: number, over: Parameters<typeof meeting>[1], text: string) => {
      const [m] = await t.library.upsertMeetings(server, [meeting(remote, over)]);
      await t.library.appendSegments(m!.id, [segment('s1', text), segment('s2', `${text} again`)]);
      return m!.id;
    };
    ids = {
      lab: await one(LAB, 7, teams, 'the quarterly budget is approved'),
      cloud: await one(CLOUD, 7, { ...teams, notes: 'budget notes' }, 'the budget moves to june'),
      old: await one(OLD, 3, { name: 'Budget review' }, 'budget lines from the old install'),
      demo: await one('demo', 1, { name: 'Demo budget' }, 'a demo budget said out loud'),
    };
  });
  afterEach(() => t.close());

  it('names the server of every row, meeting, transcript and search hit', async () => {
    const list = await t.library.list();
    const byId = new Map(list.map((m) => [m.id, m]));
    expect(byId.get(ids.lab)).toMatchObject({ serverId: LAB, serverLabel: 'Lab', platform: 'teams', nativeMeetingId: TEAMS_ID });
    expect(byId.get(ids.cloud)).toMatchObject({ serverId: CLOUD, serverLabel: 'Vexa Cloud', platform: 'teams', nativeMeetingId: TEAMS_ID });
    expect(byId.get(ids.old)).toMatchObject({ serverId: OLD, serverLabel: 'old.example:8443' });
    expect(byId.get(ids.demo)).toMatchObject({ serverId: 'demo', serverLabel: 'Demo simulator' });

    expect(await t.library.meeting(ids.cloud)).toMatchObject({ serverId: CLOUD, serverLabel: 'Vexa Cloud' });
    expect((await t.library.transcript(ids.lab))!.meeting).toMatchObject({ serverId: LAB, serverLabel: 'Lab' });

    const result = await t.library.search('budget');
    const where = (hits: Array<{ meetingId: number; serverId: string; serverLabel: string }>) =>
      Object.fromEntries(hits.map((h) => [h.meetingId, `${h.serverId} ${h.serverLabel}`]));
    expect(where(result.segments)).toEqual({
      [ids.lab]: `${LAB} Lab`,
      [ids.cloud]: `${CLOUD} Vexa Cloud`,
      [ids.old]: `${OLD} old.example:8443`,
      [ids.demo]: 'demo Demo simulator',
    });
    expect(where(result.meetings)).toEqual({
      [ids.cloud]: `${CLOUD} Vexa Cloud`,
      [ids.old]: `${OLD} old.example:8443`,
      [ids.demo]: 'demo Demo simulator',
    });

    // A server renamed in the app is named anew on the next read.
    t.cache.db.prepare("UPDATE servers SET label = 'Research lab' WHERE id = ?").run(LAB);
    expect((await t.library.meeting(ids.lab))!.serverLabel).toBe('Research lab');
  });

  it('filters the list and the search by one server, several, or both together', async () => {
    const listed = async (f: Parameters<TestLibrary['library']['list']>[0]) => (await t.library.list(f)).map((m) => m.id).sort();
    const found = async (f: Parameters<TestLibrary['library']['search']>[1]) =>
      [...new Set((await t.library.search('budget', f)).segments.map((h) => h.meetingId))].sort();
    const sorted = (...list: number[]) => [...list].sort();

    expect(await listed({ serverId: LAB })).toEqual([ids.lab]);
    expect(await found({ serverId: LAB })).toEqual([ids.lab]);
    expect(await listed({ serverIds: [LAB, OLD] })).toEqual(sorted(ids.lab, ids.old));
    expect(await found({ serverIds: [LAB, OLD] })).toEqual(sorted(ids.lab, ids.old));
    expect((await t.library.search('budget', { serverIds: [CLOUD, OLD] })).meetings.map((h) => h.meetingId).sort()).toEqual(
      sorted(ids.cloud, ids.old),
    );
    // Each filter narrows: one server and a list that holds it, or not.
    expect(await listed({ serverId: LAB, serverIds: [LAB, CLOUD] })).toEqual([ids.lab]);
    expect(await found({ serverId: LAB, serverIds: [CLOUD] })).toEqual([]);
    // An empty list is no filter; a server the library does not hold matches nothing.
    expect(await listed({ serverIds: [] })).toHaveLength(4);
    expect(await listed({ serverIds: ['https://nowhere.example'] })).toEqual([]);
    // With other filters.
    expect(await listed({ serverIds: [LAB, CLOUD], platform: 'teams' })).toEqual(sorted(ids.lab, ids.cloud));
    expect(await found({ serverIds: [LAB, CLOUD, OLD], platform: 'google_meet' })).toEqual([ids.old]);
  });

  it('keeps the demo meetings apart on request, and alone on request', async () => {
    const listed = async (demo: 'include' | 'exclude' | 'only') => (await t.library.list({ demo })).map((m) => m.id).sort();
    expect(await listed('include')).toHaveLength(4);
    expect(await listed('exclude')).toEqual([ids.lab, ids.cloud, ids.old].sort());
    expect(await listed('only')).toEqual([ids.demo]);
    const found = await t.library.search('budget', { demo: 'exclude' });
    expect(found.segments.map((h) => h.serverId)).not.toContain('demo');
    expect(found.meetings.map((h) => h.serverId)).not.toContain('demo');
    expect(found.segments.length).toBeGreaterThan(0);
    expect((await t.library.search('budget', { demo: 'only' })).segments.map((h) => h.serverId)).toEqual(['demo', 'demo']);
  });

  it('bounds the servers one filter names', () => {
    const many = Array.from({ length: MAX_SERVER_FILTER + 10 }, (_, i) => `https://s${i}.example`);
    const params: Record<string, unknown> = {};
    meetingWhere({ serverIds: [...many, many[0]!] }, params);
    expect(JSON.parse(params.serverIds as string)).toEqual(many.slice(0, MAX_SERVER_FILTER));
  });

  it('searches from the full-text indexes whatever the server filter (never a scan of a server’s meetings)', () => {
    const filters: SearchFilters[] = [
      {},
      { serverId: LAB },
      { serverIds: [LAB, CLOUD] },
      { demo: 'exclude' },
      { demo: 'only' },
      { serverId: LAB, serverIds: [LAB, OLD], status: 'completed', speaker: 'Alice Martin' },
    ];
    const plan = (q: { sql: string; params: Record<string, unknown> }) =>
      (t.cache.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(q.params) as Array<{ detail: string }>).map((r) => r.detail);
    // Once as a new cache, once with the statistics `PRAGMA optimize` gathers when the app closes.
    for (const f of [...filters, null, ...filters]) {
      if (f === null) {
        t.cache.db.exec('ANALYZE');
        continue;
      }
      for (const ranked of [true, false]) {
        const steps = plan(segmentHitsQuery('"budget"', f, { limit: 51, offset: 0, ranked }));
        expect(steps[0], JSON.stringify(f)).toMatch(/^SCAN segments_fts VIRTUAL TABLE/);
        expect(steps.join(' | '), JSON.stringify(f)).toMatch(/SEARCH s USING INTEGER PRIMARY KEY .*SEARCH m USING INTEGER PRIMARY KEY/);
      }
      const steps = plan(meetingHitsQuery('"budget"', f));
      expect(steps[0], JSON.stringify(f)).toMatch(/^SCAN meetings_fts VIRTUAL TABLE/);
      expect(steps.join(' | '), JSON.stringify(f)).toMatch(/SEARCH m USING INTEGER PRIMARY KEY/);
    }
  });

  it('lists the servers it holds meetings of, named, with their counts', async () => {
    const [extra] = await t.library.upsertMeetings(LAB, [meeting(8)]);
    await t.library.deleteLocal(ids.cloud);
    expect(await t.library.servers()).toEqual([
      { serverId: LAB, label: 'Lab', demo: false, meetings: 2 },
      { serverId: 'demo', label: 'Demo simulator', demo: true, meetings: 1 },
      { serverId: OLD, label: 'old.example:8443', demo: false, meetings: 1 },
    ]);
    expect(extra).toBeDefined();
    const stats = await t.library.stats();
    expect(stats.servers.map((s) => [s.serverId, s.label, s.demo, s.meetings])).toEqual([
      ['demo', 'Demo simulator', true, 1],
      [CLOUD, 'Vexa Cloud', false, 0],
      [LAB, 'Lab', false, 2],
      [OLD, 'old.example:8443', false, 1],
    ]);
  });
});

describe('taking one server’s meetings off this computer', () => {
  let t: TestLibrary;
  afterEach(() => t.close());

  it('removes meetings, transcripts, index entries, trails, edits and sync marks in one go; the other server’s stay whole', async () => {
    t = openLibrary();
    addServer(t.cache.db, 'demo');
    addServer(t.cache.db, LAB);
    const db = t.cache.db;
    const demoRows = await t.library.upsertMeetings('demo', [
      meeting(1, {
        name: 'Demo standup',
        notes: 'demo notes',
        statusTransitions: [
          { from: 'joining', to: 'active', at: 1, source: null, reason: null, completionReason: null, failureStage: null },
        ],
      }),
      meeting(2, { name: null }),
      meeting(3, { name: 'Demo gone' }),
    ]);
    const [labRow] = await t.library.upsertMeetings(LAB, [meeting(1, { name: 'Lab standup', notes: 'lab notes' })]);
    const demoIds = demoRows.map((r) => r.id);
    for (const [i, id] of demoIds.entries()) {
      await t.library.appendSegments(
        id,
        Array.from({ length: 5 }, (_, k) => segment(`k${k}`, `standup line ${k} of demo ${i}`)),
      );
    }
    await t.library.appendSegments(labRow!.id, [segment('k1', 'standup line of the lab'), segment('k2', 'and another standup line')]);
    await t.library.recordStatus(demoIds[1]!, 'active', 5);
    await t.outbox.edit(demoIds[0]!, { notes: 'my demo edit' });
    await t.outbox.edit(labRow!.id, { notes: 'my lab edit' });
    // A meeting removed from this computer earlier leaves a tombstone row; it goes too.
    await t.library.deleteLocal(demoIds[2]!);
    db.prepare("INSERT INTO sync_state (server_id, last_sync_at) VALUES ('demo', 1), (?, 1)").run(LAB);

    expect(await t.library.removeServerMeetings('demo')).toEqual({ meetings: 2, segments: 10, edits: 1, statusEntries: 2 });

    expect((await t.library.list({ planned: 'include' })).map((m) => m.id)).toEqual([labRow!.id]);
    const count = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM meetings WHERE server_id = 'demo'")).toBe(0);
    expect(count(`SELECT count(*) AS n FROM segments WHERE meeting_id IN (${demoIds.join(',')})`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM status_transitions WHERE meeting_id IN (${demoIds.join(',')})`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM outbox WHERE meeting_id IN (${demoIds.join(',')})`)).toBe(0);
    expect(count("SELECT count(*) AS n FROM sync_state WHERE server_id = 'demo'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM sync_state WHERE server_id = ?', LAB)).toBe(1);

    // Search finds nothing of the removed server, in transcripts or in names and notes.
    const result = await t.library.search('standup');
    expect(result.segments.map((h) => h.meetingId)).toEqual([labRow!.id, labRow!.id]);
    expect(result.meetings.map((h) => h.meetingId)).toEqual([labRow!.id]);
    expect((await t.library.search('demo')).segments).toEqual([]);
    expect((await t.library.search('notes')).meetings.map((h) => h.meetingId)).toEqual([]);
    expect((await t.library.search('edit')).meetings.map((h) => h.meetingId)).toEqual([labRow!.id]);
    ftsConsistent(t);
    expect((await t.library.transcript(labRow!.id))!.segments).toHaveLength(2);
    expect(await t.outbox.list({ meetingId: labRow!.id })).toHaveLength(1);

    // Nothing refers to the server any more: its record can go, and it can come back empty.
    db.prepare("DELETE FROM servers WHERE id = 'demo'").run();
    addServer(db, 'demo');
    const [again] = await t.library.upsertMeetings('demo', [meeting(1, { name: 'Demo standup' })]);
    expect(again!.changed).toBe(true);
    expect(await t.library.removeServerMeetings('demo')).toEqual({ meetings: 1, segments: 0, edits: 0, statusEntries: 0 });
    expect(await t.library.removeServerMeetings('https://never.example')).toEqual({ meetings: 0, segments: 0, edits: 0, statusEntries: 0 });
    ftsConsistent(t);
  });

  it('leaves the library as it was when the removal fails halfway (one transaction)', async () => {
    t = openLibrary();
    addServer(t.cache.db, 'demo');
    const [m] = await t.library.upsertMeetings('demo', [meeting(1, { name: 'Demo standup' })]);
    await t.library.appendSegments(m!.id, [segment('k1', 'a standup line')]);
    // A trigger stands for a failure after the index entries went (a full disk, a crash of the statement).
    t.cache.db.exec("CREATE TEMP TRIGGER fail BEFORE DELETE ON meetings BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(t.library.removeServerMeetings('demo')).rejects.toThrow('disk full');
    t.cache.db.exec('DROP TRIGGER fail');
    expect((await t.library.search('standup')).segments.map((h) => h.meetingId)).toEqual([m!.id]);
    expect((await t.library.transcript(m!.id))!.segments).toHaveLength(1);
    ftsConsistent(t);
  });
});
