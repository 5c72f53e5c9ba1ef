import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addServer, meeting, openLibrary, segment, type TestLibrary } from './helpers';

/**
 * A batch of live captions or a transcript page is stored whole or not at all: a write that fails
 * part-way (a full disk, an I/O error) must not leave the first lines of the batch in the library
 * with the meeting's line count and search disagreeing, and the retried batch lands once.
 */
describe('a batch of transcript lines whose write fails part-way', () => {
  let t: TestLibrary;
  let id: number;
  beforeEach(async () => {
    t = openLibrary();
    addServer(t.cache.db, 'https://one.example', 'g3');
    const [stored] = await t.library.upsertMeetings('https://one.example', [meeting(1, { name: 'Roadmap' })]);
    id = stored!.id;
    await t.library.appendSegments(id, [segment('k1', 'welcome to the roadmap review')]);
  });
  afterEach(() => t.close());

  it('leaves nothing of the batch behind, and the retried batch is stored once', async () => {
    // Stands for the disk refusing the third row of the batch: SQLite aborts that statement.
    t.cache.db.exec(`CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON segments WHEN NEW.key = 'k4'
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const batch = [segment('k2', 'first the budget'), segment('k3', 'then the hiring plan'), segment('k4', 'and the launch date')];
    await expect(t.library.appendSegments(id, batch)).rejects.toThrow(/disk I\/O error/);

    const texts = async () => (await t.library.transcript(id))!.segments.map((s) => s.text);
    expect(await texts()).toEqual(['welcome to the roadmap review']);
    expect((await t.library.search('budget')).segments).toEqual([]);
    const count = () => (t.cache.db.prepare('SELECT segment_count AS n FROM meetings WHERE id = ?').get(id) as { n: number }).n;
    expect(count()).toBe(1);

    t.cache.db.exec('DROP TRIGGER refuse_third');
    await t.library.appendSegments(id, batch);
    expect(await texts()).toEqual(['welcome to the roadmap review', 'first the budget', 'then the hiring plan', 'and the launch date']);
    expect(count()).toBe(4);
  });
});
