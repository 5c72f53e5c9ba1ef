import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { Library } from '../../../electron/core/cache/library';
import type { TranscriptSegment } from '../../../shared/vexa/types';
import { addServer, freshFile, meeting, segment } from './helpers';

// After a big meeting the cache file gives its free pages back to the disk: the live path writes
// drafts that confirmed lines replace and the full-text index merges its pieces, which leaves
// pages free inside the file; in SQLite's default mode the file never shrinks.

const LINES = 4_000;
const WORDS = 'we could ship the picker behind a flag for the first week and turn it on once the crash rate looks clean'.split(' ');
const text = (i: number): string => Array.from({ length: 12 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');

/** A live meeting as the core stores it: each line first as a draft, then confirmed, in small batches. */
function streamMeeting(library: Library): { id: number; lines: TranscriptSegment[] } {
  const m = meeting(1, { status: 'active' });
  const lines: TranscriptSegment[] = [];
  let id = 0;
  for (let i = 0; i < LINES; i += 10) {
    const batch = Array.from({ length: 10 }, (_, k) => segment(`s${i + k}`, text(i + k)));
    id = library.storeLive(
      's1',
      m,
      batch.map((s) => ({ ...s, text: s.text.slice(0, 20), completed: false })),
    );
    library.storeLive('s1', m, batch);
    lines.push(...batch);
  }
  return { id, lines };
}

/** The share of the file's pages that hold nothing. */
const ratio = (db: Database.Database): number =>
  (db.pragma('freelist_count', { simple: true }) as number) / (db.pragma('page_count', { simple: true }) as number);

describe('the cache file after a big meeting', () => {
  it('gives its free pages back, and keeps every line', async () => {
    const file = freshFile();
    const cache = openCache({ file });
    addServer(cache.db, 's1');
    const library = new Library({ db: cache.db, file });
    const { id, lines } = streamMeeting(library);
    // The end-of-meeting sync rewrites the whole transcript.
    await library.appendSegments(
      id,
      lines.map((s) => ({ ...s, text: `${s.text}.` })),
    );
    // About 45 % of the file is free here without the reclaim.
    expect(ratio(cache.db)).toBeGreaterThan(0.2);
    const before = statSync(file).size + statSync(`${file}-wal`).size;

    library.reclaimFreePages();
    cache.db.pragma('wal_checkpoint(TRUNCATE)');

    expect(ratio(cache.db)).toBe(0);
    expect(statSync(file).size).toBeLessThan(before * 0.7);
    const transcript = await library.transcript(id);
    expect(transcript?.segments.map((s) => s.text)).toEqual(lines.map((s) => `${s.text}.`));
    expect((await library.search('picker')).segments.length).toBeGreaterThan(0);
    cache.close();
  });

  it('written before incremental vacuum existed is switched over once at open, keeping its lines', async () => {
    const file = freshFile();
    const cache = openCache({ file });
    addServer(cache.db, 's1');
    const { id, lines } = streamMeeting(new Library({ db: cache.db, file }));
    cache.close();
    // The mode of every cache written by earlier versions (SQLite's default, none).
    const old = new Database(file);
    old.pragma('auto_vacuum = NONE');
    old.exec('VACUUM');
    expect(old.pragma('auto_vacuum', { simple: true })).toBe(0);
    old.close();

    const reopened = openCache({ file });
    expect(reopened.db.pragma('auto_vacuum', { simple: true })).toBe(2);
    const library = new Library({ db: reopened.db, file });
    expect((await library.transcript(id))?.segments).toHaveLength(lines.length);
    reopened.close();
  });
});
