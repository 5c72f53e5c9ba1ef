import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import { OutboxService } from '../../../electron/core/cache/outbox';
import { LATEST_VERSION } from '../../../electron/core/cache/migrations';
import { ServerRepository } from '../../../electron/core/servers';
import { fixturePath } from '../../support/fixtures';
import { freshFile } from './helpers';

// The cache of a person who used release 0.1 with two servers (test/fixtures/release-0.1-data,
// README there): migration 4 gives its servers an order, a colour and a label of their own, and
// not one meeting, line, note or waiting edit changes on the way.

const G2 = 'http://127.0.0.1:28461';
const G3 = 'http://127.0.0.1:28462';

/** Every row a person could lose, as the file holds it. */
function contentOf(db: Database.Database) {
  return {
    meetings: db.prepare('SELECT * FROM meetings ORDER BY id').all(),
    segments: db.prepare('SELECT * FROM segments ORDER BY id').all(),
    transitions: db.prepare('SELECT * FROM status_transitions ORDER BY meeting_id, origin, seq').all(),
    outbox: db.prepare('SELECT * FROM outbox ORDER BY id').all(),
    syncState: db.prepare('SELECT * FROM sync_state ORDER BY server_id').all(),
  };
}

describe('migration 4 on the cache release 0.1 wrote', () => {
  it('keeps every meeting, segment, status, note and waiting edit, and orders the servers by their last check', async () => {
    const file = freshFile();
    copyFileSync(fixturePath('release-0.1-data/cache.sqlite'), file);
    const before = new Database(file, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(3);
    const content = contentOf(before);
    before.close();
    expect(content.meetings).toHaveLength(8);
    expect(content.segments.length).toBe(263);
    expect(content.outbox).toHaveLength(1);

    const cache = openCache({ file });
    try {
      expect(cache.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(contentOf(cache.db)).toEqual(content);

      const servers = await new ServerRepository(cache.db).list();
      // The G3 server was checked last (the app was connected to it when it quit): first.
      expect(servers.map((s) => [s.id, s.position, s.userLabel, s.colour, s.removed])).toEqual([
        [G3, 0, null, null, false],
        [G2, 1, null, null, false],
      ]);
      expect(servers.map((s) => s.keyLabel)).toEqual(['vxa_tx_••••00ab', '••••b605']);

      // The library reads as before: both servers' meetings (the same remote ids on each), the
      // search index, the note and the edit that waits for the G2 server.
      const library = new Library({ db: cache.db, file });
      const list = await library.list({});
      expect(
        list
          .filter((m) => m.serverId === G2)
          .map((m) => m.remoteId)
          .sort(),
      ).toEqual([1, 2, 3, 4]);
      expect(
        list
          .filter((m) => m.serverId === G3)
          .map((m) => m.remoteId)
          .sort(),
      ).toEqual([1, 2, 3, 4]);
      const hits = await library.search('release');
      expect(new Set(hits.segments.map((h) => h.serverId))).toEqual(new Set([G2, G3]));
      const noted = list.find((m) => m.serverId === G2 && m.remoteId === 4)!;
      expect(noted.notes).toBe('Follow up with Maya about the release date.');
      const edits = await new OutboxService(library).list({ meetingId: noted.id });
      expect(edits).toMatchObject([{ serverId: G2, state: 'pending', fields: { notes: 'Follow up with Maya about the release date.' } }]);
    } finally {
      cache.close();
    }
  });
});
