import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addServer, meeting, openLibrary, segment, type TestLibrary } from './helpers';

// A search hit opens a long transcript on the lines around it (a small answer, painted at once);
// those lines are the ones the whole transcript has around the hit, in its order, and the counts
// say how many come before and after them.

const SERVER = 'https://one.example';
const LINES = 400;

describe('a window of a transcript around a search hit', () => {
  let t: TestLibrary;
  let id: number;
  beforeEach(async () => {
    t = openLibrary();
    addServer(t.cache.db, SERVER, 'g3');
    const [m] = await t.library.upsertMeetings(SERVER, [meeting(1, { status: 'completed' })]);
    id = m!.id;
    // Stored out of order, two lines sharing a start: the window follows the transcript's order, not the rows'.
    const lines = Array.from({ length: LINES }, (_, i) => segment(`k${i}`, `Point ${i} of the plan.`, { start: i * 3, end: i * 3 + 2 }));
    lines.push(segment('k200b', 'Point 200, said at the same moment.', { start: 600, end: 602 }));
    await t.library.appendSegments(id, lines.reverse());
  });
  afterEach(() => t.close());

  it('holds the hit and the lines either side of it, as the whole transcript orders them', async () => {
    const whole = (await t.library.transcript(id))!.segments.map((s) => s.key);
    const window = (await t.library.transcriptAround(id, 'k200', 10))!;
    const at = whole.indexOf('k200');
    expect(window.segments.map((s) => s.key)).toEqual(whole.slice(at - 10, at + 11));
    expect(window.before).toBe(at - 10);
    expect(window.after).toBe(whole.length - (at + 11));
    expect(window.before + window.segments.length + window.after).toBe(whole.length);
  });

  it('stops at either end of the meeting', async () => {
    const whole = (await t.library.transcript(id))!.segments.map((s) => s.key);
    const first = (await t.library.transcriptAround(id, 'k1', 10))!;
    expect(first.segments.map((s) => s.key)).toEqual(whole.slice(0, 12));
    expect(first.before).toBe(0);
    const last = (await t.library.transcriptAround(id, `k${LINES - 1}`, 10))!;
    expect(last.segments.map((s) => s.key)).toEqual(whole.slice(-11));
    expect(last.after).toBe(0);
  });

  it('is null for a segment the meeting does not have', async () => {
    expect(await t.library.transcriptAround(id, 'gone', 10)).toBeNull();
  });
});
