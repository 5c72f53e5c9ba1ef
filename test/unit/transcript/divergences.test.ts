/**
 * Where our TranscriptModel and Vexa's own pipeline (@vexaai/transcript-rendering 0.4.0, fed as in
 * support/vexaReference.ts) differ on purpose: the package keeps the last write, compares
 * timestamps as strings, or keeps drafts no bundle can reach. Each case pins both results, so a
 * change on either side is seen. The differential test (differential.test.ts) compares the two
 * everywhere else, with `VexaReference(corrected)` standing for exactly these cases.
 */
import { describe, expect, it } from 'vitest';
import { TranscriptModel } from '../../../shared/transcript';
import { libRows, ourRows, VexaReference } from './support/vexaReference';

describe('known divergences (the library is order-dependent or loses information here)', () => {
  const at = (s: number): string => new Date(Date.UTC(2026, 7, 20, 9, 0, 0) + s * 1000).toISOString();
  const s = (
    id: string | undefined,
    text: string,
    start: number,
    end: number,
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> => ({
    ...(id ? { segment_id: id } : {}),
    speaker: 'Maya',
    text,
    start,
    end,
    completed: true,
    absolute_start_time: at(start),
    absolute_end_time: at(end),
    ...extra,
  });
  const tick = (confirmed: unknown[], pending: unknown[], ts?: number): Record<string, unknown> => ({
    type: 'transcript',
    meeting: { id: 7 },
    speaker: 'Maya',
    confirmed,
    pending,
    ...(ts === undefined ? {} : { ts: at(ts) }),
  });

  function both(frames: Record<string, unknown>[], rest?: unknown[]): { ours: string[]; lib: string[] } {
    const ours = new TranscriptModel();
    const lib = new VexaReference();
    if (rest) {
      ours.applyRestSegments(rest, { authoritative: true });
      lib.bootstrap(rest);
    }
    for (const f of frames) {
      ours.applyFrame(f);
      lib.apply(f);
    }
    const show = (r: { text: string; draft: boolean }): string => r.text + (r.draft ? ' …' : '');
    return { ours: ourRows(ours.snapshot()).map(show), lib: libRows(lib.rendered).map(show) };
  }

  it('a late G1 draft reopens a final in the library (last write wins); ours keeps the final', () => {
    const g1 = (text: string, completed: boolean, ts: number): Record<string, unknown> => ({
      type: 'transcript.mutable',
      meeting: { id: 7 },
      payload: { segments: [s(undefined, text, 1, 3, { completed })] },
      ts: at(ts),
    });
    expect(both([g1('We ship on Friday.', true, 4), g1('We ship', false, 2)])).toEqual({
      ours: ['We ship on Friday.'],
      lib: ['We ship …'],
    });
  });

  it('a late bundle (older ts) replaces the newer draft set in the library; ours keeps the newer one', () => {
    expect(
      both([tick([], [s('a', 'We ship on', 1, 3, { completed: false })], 5), tick([], [s('a', 'We', 1, 2, { completed: false })], 4)]),
    ).toEqual({ ours: ['We ship on …'], lib: ['We …'] });
  });

  it('a late older final (updated_at) overwrites the newer text in the library', () => {
    expect(
      both([
        tick([s('a', 'We ship Friday.', 1, 3, { updated_at: at(9) })], []),
        tick([s('a', 'We sip Friday.', 1, 3, { updated_at: at(5) })], []),
      ]),
    ).toEqual({ ours: ['We ship Friday.'], lib: ['We sip Friday.'] });
  });

  it('a frame that arrives after its retraction brings the segment back in the library', () => {
    const frames = [
      tick([s('p', 'Maybe later.', 1, 3)], []),
      { type: 'transcript_retract', meeting: { id: 7 }, segment_ids: ['p'] },
      tick([s('p', 'Maybe later.', 1, 3)], []),
    ];
    expect(both(frames)).toEqual({ ours: [], lib: ['Maybe later.'] });
  });

  it('the library sorts timestamps as strings, so Python’s whole-second form ("…05+00:00") lands after "…05.5…"', () => {
    const whole = { ...s('a', 'First.', 5, 5.2), absolute_start_time: '2026-08-20T09:00:05+00:00' };
    const half = { ...s('b', 'Second.', 5.5, 6), speaker: 'Dan', absolute_start_time: '2026-08-20T09:00:05.500000+00:00' };
    expect(both([tick([whole, half], [])])).toEqual({ ours: ['First.', 'Second.'], lib: ['Second.', 'First.'] });
  });

  it('a stale draft longer than its final (same id, revised words) replaces the final in the library', () => {
    expect(
      both([
        tick([], [s('a', 'We chip in Friday morning', 1, 5, { completed: false })], 2),
        { type: 'transcript', meeting: { id: 7 }, segment: s('a', 'We ship on Friday.', 1, 3) },
      ]),
    ).toEqual({
      ours: ['We ship on Friday.'],
      lib: ['We chip in Friday morning …'],
    });
  });

  it('G3: while the bot’s final is ahead of the collector bundle, the library dedups a revised draft against the neighbours', () => {
    // The collector's "…01.200000Z" sorts before the bot's "…01.200Z" as strings, so the stale
    // draft sits between the earlier segment and its own final and blocks the expansion rule.
    const zulu = (x: Record<string, unknown>): Record<string, unknown> => ({
      ...x,
      absolute_start_time: String(x.absolute_start_time).replace('Z', '000Z'),
      absolute_end_time: String(x.absolute_end_time).replace('Z', '000Z'),
    });
    const frames = [
      tick([zulu(s('a', 'Collide screens yes.', 1, 3))], [], 3),
      tick([], [zulu(s('b', 'Collide screens yes then onboarding', 1.2, 3.5, { completed: false }))], 4),
      { type: 'transcript', meeting: { id: 7 }, segment: s('b', 'Collide screens yes then ship it.', 1.2, 4) },
    ];
    expect(both(frames)).toEqual({
      ours: ['Collide screens yes then ship it.'],
      lib: ['Collide screens yes.', 'Collide screens yes then ship it.'],
    });
  });

  it('without absolute_end_time the library cannot compare spans and shows an ASR repeat twice', () => {
    const noEnd = (id: string, start: number): Record<string, unknown> => ({
      ...s(id, 'Right.', start, start + 1),
      absolute_end_time: undefined,
    });
    expect(both([tick([noEnd('a', 1), noEnd('b', 1.5)], [])])).toEqual({ ours: ['Right.'], lib: ['Right.', 'Right.'] });
  });

  it('a G2/G3 REST draft sits in the library’s confirmed map and hides the live growth of that draft', () => {
    const rest = [s('a', 'So the', 1, 2, { completed: false })];
    expect(both([tick([], [s('a', 'So the date is', 1, 3, { completed: false })], 5)], rest)).toEqual({
      ours: ['So the date is …'],
      lib: ['So the …'],
    });
  });

  describe('a G3 Teams meeting: the bot’s snapshots (by speaker key) and the collector’s bundles (by name) carry the same drafts', () => {
    // Behaviour doc §5.1: the bot's snapshot is the key's full pending set; the collector's bundle is
    // one ingested batch. The library keeps one draft set per bundle speaker and checks staleness
    // against the bundle speaker's texts, which for a snapshot is a speaker key, never a name.
    const draft = (id: string, text: string, start: number, end: number): Record<string, unknown> =>
      s(id, text, start, end, { completed: false, speaker_key: 'cluster-7' });
    const bot = (pending: unknown[]): Record<string, unknown> => ({
      type: 'transcript',
      meeting: { id: 7 },
      speaker: 'cluster-7',
      confirmed: [],
      pending,
    });
    const collector = (confirmed: unknown[], pending: unknown[], ts: number): Record<string, unknown> => ({
      ...tick(confirmed, pending, ts),
      meeting: { id: 7, native_id: '93817264501', platform: null },
    });

    it('a draft the bot withdrew stays in the library through the collector’s copy', () => {
      const p = draft('a-provisional', 'We ship', 1, 2);
      expect(both([bot([p]), collector([], [p], 2.1), bot([])])).toEqual({ ours: [], lib: ['We ship …'] });
    });

    it('the library does not hide a snapshot’s draft that its speaker’s final already says', () => {
      const p = draft('a-provisional', 'We ship', 1, 2);
      expect(both([bot([p]), collector([s('b', 'We ship on Friday.', 3, 5)], [], 5.1)])).toEqual({
        ours: ['We ship on Friday.'],
        lib: ['We ship …', 'We ship on Friday.'],
      });
    });
  });

  it('two keys with the same start: the library orders them by arrival, ours by key', () => {
    const a = { type: 'transcript', meeting: { id: 7 }, speaker: 'Maya', confirmed: [s('a', 'Yes.', 1, 2)], pending: [] };
    const b = {
      type: 'transcript',
      meeting: { id: 7 },
      speaker: 'Dan',
      confirmed: [{ ...s('b', 'No.', 1, 2), speaker: 'Dan' }],
      pending: [],
    };
    const ab = both([a, b]);
    const ba = both([b, a]);
    expect([ab.ours, ba.ours]).toEqual([
      ['Yes.', 'No.'],
      ['Yes.', 'No.'],
    ]);
    expect([ab.lib, ba.lib]).toEqual([
      ['Yes.', 'No.'],
      ['No.', 'Yes.'],
    ]);
  });
});
