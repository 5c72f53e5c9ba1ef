import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { LATEST_VERSION, migrations } from '../../../electron/core/cache/migrations';
import { addServer, freshFile, meeting, segment } from './helpers';

// A cache written before segment ids and status times were kept opens with its meetings, words and
// search intact, and with the ids it can recover: a merge key that is not a start time is the
// server's segment_id.

describe('migration 3 on a cache of the previous version', () => {
  it('recovers segment ids from their keys, dates statuses by the last sync, and keeps working', async () => {
    const file = freshFile();
    const v2 = openCache({ file, migrations: migrations.slice(0, 2) });
    addServer(v2.db, 'https://a.example');
    v2.db
      .prepare(
        `INSERT INTO meetings (id, server_id, remote_id, platform, native_id, status, last_synced_at, transcript_state, segment_count)
         VALUES (1, 'https://a.example', 41, 'google_meet', 'abc-defg-hij', 'active', 1700000000000, 'partial', 3)`,
      )
      .run();
    const insert = v2.db.prepare(
      `INSERT INTO segments (id, meeting_id, key, speaker, text, start_s, end_s, confirmed) VALUES (?, 1, ?, 'Maya', ?, ?, ?, 1)`,
    );
    const fts = v2.db.prepare('INSERT INTO segments_fts (rowid, text, speaker) VALUES (?, ?, ?)');
    const rows: Array<[string, string]> = [
      ['0b7c5e9a-1f2d-4e55-9a1b-5f0e6c7d8e9f:maya:1200', 'the roadmap review'],
      ['t:1700000001000', 'an older live line'],
      ['r:3.000', 'a line with no absolute time'],
    ];
    rows.forEach(([key, text], i) => {
      insert.run(i + 1, key, text, i * 3, i * 3 + 2);
      fts.run(i + 1, text, 'Maya');
    });
    v2.close();

    const cache = openCache({ file });
    expect(cache.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const library = new Library({ db: cache.db, file });
    const view = (await library.transcript(1))!;
    expect(view.segments.map((s) => [s.key, s.segmentId])).toEqual([
      ['0b7c5e9a-1f2d-4e55-9a1b-5f0e6c7d8e9f:maya:1200', '0b7c5e9a-1f2d-4e55-9a1b-5f0e6c7d8e9f:maya:1200'],
      ['t:1700000001000', null],
      ['r:3.000', null],
    ]);
    expect(view.meeting).toMatchObject({ status: 'active', statusSeenAt: 1_700_000_000_000, lastSyncedAt: 1_700_000_000_000 });
    expect((await library.search('roadmap')).segments.map((h) => h.segmentKey)).toEqual(['0b7c5e9a-1f2d-4e55-9a1b-5f0e6c7d8e9f:maya:1200']);

    // The server's row and new lines merge into the migrated rows as into new ones.
    await library.upsertMeetings('https://a.example', [meeting(41, { nativeMeetingId: 'abc-defg-hij', status: 'completed' })]);
    await library.appendSegments(1, [segment('sess:maya:9000', 'a new line', { segmentId: 'sess:maya:9000', start: 9 })]);
    const after = (await library.transcript(1))!;
    expect(after.meeting.status).toBe('completed');
    expect(after.segments.at(-1)).toMatchObject({ key: 'sess:maya:9000', segmentId: 'sess:maya:9000' });
    cache.close();
  });
});
