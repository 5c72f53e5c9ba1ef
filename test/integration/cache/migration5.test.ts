import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/cache/database';
import { buildMatchQuery, withWholeWords } from '../../../electron/core/cache/ftsQuery';
import { Library } from '../../../electron/core/cache/library';
import { LATEST_VERSION } from '../../../electron/core/cache/migrations';
import { fixturePath } from '../../support/fixtures';
import { addServer, freshFile, meeting, openLibrary, segment } from './helpers';

// The word being typed is searched as the whole words it may become (electron/core/cache/terms.ts).
// That may never find less than FTS5's own prefix search: for every word of the library, typed
// from its fourth letter to its end, both must count the same segments.

const count = (db: Database.Database, match: string): number =>
  db.prepare('SELECT count(*) FROM segments_fts WHERE segments_fts MATCH ?').pluck().get(match) as number;

function expectSameAsPrefixSearch(library: Library, db: Database.Database): number {
  const texts = db.prepare('SELECT text, speaker FROM segments').all() as Array<{ text: string; speaker: string | null }>;
  const written = texts.flatMap((t) => `${t.text} ${t.speaker ?? ''}`.split(/[^\p{L}\p{N}\p{M}]+/u));
  // As written, and typed without its accents (the index finds "Zoë" by "zoe").
  const bare = written.map((w) => w.normalize('NFD').replace(/\p{M}+/gu, ''));
  const words = new Set([...written, ...bare].filter((w) => [...w].length >= 4));
  let checked = 0;
  for (const word of words) {
    const letters = [...word];
    for (let n = 4; n <= letters.length; n++) {
      const typed = letters.slice(0, n).join('');
      const q = buildMatchQuery(typed);
      const native = count(db, q.match!);
      const whole = library.segments.terms.expand(typed);
      // Too many words to list: FTS5's own prefix search answers.
      if (whole === null || native === 0) continue;
      expect(whole.length, typed).toBeGreaterThan(0);
      expect(count(db, withWholeWords(q, whole)!), typed).toBe(native);
      checked++;
    }
  }
  return checked;
}

describe('migration 5: the words of the transcripts cached before', () => {
  it('upgrades the cache release 0.1 wrote, and every word typed finds what the prefix search found', async () => {
    const file = freshFile();
    copyFileSync(fixturePath('release-0.1-data/cache.sqlite'), file);
    const before = new Database(file, { readonly: true });
    const version = before.pragma('user_version', { simple: true }) as number;
    before.close();
    expect(version).toBeLessThan(5);

    const cache = openCache({ file });
    try {
      expect(cache.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const library = new Library({ db: cache.db, file });
      expect(expectSameAsPrefixSearch(library, cache.db)).toBeGreaterThan(100);
      // Every meeting with a transcript is found by a word of it typed as the box sends it.
      const meetings = cache.db.prepare('SELECT meeting_id, min(text) AS text FROM segments GROUP BY meeting_id').all() as Array<{
        meeting_id: number;
        text: string;
      }>;
      for (const m of meetings) {
        const word = m.text.split(/[^\p{L}\p{N}\p{M}]+/u).find((w) => [...w].length >= 5)!;
        const typed = word.slice(0, -1);
        const hits = await library.search(typed, {}, { limit: 200 });
        expect(
          hits.segments.some((h) => h.meetingId === m.meeting_id),
          typed,
        ).toBe(true);
      }
    } finally {
      cache.close();
    }
  });

  it('keeps up with transcripts written after, in any script and with or without accents', async () => {
    const t = openLibrary();
    try {
      addServer(t.cache.db, 's');
      const id = (await t.library.upsertMeetings('s', [meeting(1)]))[0]!.id;
      const lines = [
        'Café crème and a naïve Zoë at the Ünïcödé meeting',
        'CAFE budget, budgets; Budgie-talk about 2026 forecasts',
        'مرحبا بالعالم، الميزانية',
        'नमस्ते दुनिया बजट',
        'Привет мир, бюджет утверждён',
        '東京の会議で予算について',
        'Straße, Øresund, İstanbul, œuvre, ﬁnance',
      ];
      await t.library.appendSegments(
        id!,
        lines.map((text, i) => segment(`k${i}`, text, { speaker: i % 2 ? 'Zoë Ångström' : 'Bob' })),
      );
      // A draft replaced by its final text: the final words are found too.
      await t.library.appendSegments(id, [segment('k9', 'provisional words', { completed: false })]);
      await t.library.appendSegments(id, [segment('k9', 'definitive wording', { completed: true })]);
      expect(expectSameAsPrefixSearch(t.library, t.cache.db)).toBeGreaterThan(40);
      expect((await t.library.search('defini')).segments.map((h) => h.segmentKey)).toEqual(['k9']);
    } finally {
      t.close();
    }
  });
});
