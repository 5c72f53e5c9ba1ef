import { describe, expect, it } from 'vitest';
import { TranscriptModel } from '../../../shared/transcript';
import { bundle, captions, liveFixture, seg } from './support/captions';

const good = seg({ id: 'a', start: 1, end: 2, text: 'Hi.' });

const malformed: Array<[string, unknown, string]> = [
  ['null', null, 'not-an-object'],
  ['a string', '{"type":"transcript"}', 'not-an-object'],
  ['a list', [bundle('Maya', [good], [])], 'not-an-object'],
  ['no type', { confirmed: [good] }, 'invalid-frame'],
  ['a numeric type', { type: 5 }, 'invalid-frame'],
  ['a status frame', { type: 'meeting.status', meeting: { id: 7 }, payload: { status: 'active' } }, 'unknown-type'],
  ['the flat ws.v1 shape no server sends', { type: 'transcription_segment', text: 'Hi' }, 'unknown-type'],
  ['a bundle with neither list', { type: 'transcript', speaker: 'Maya' }, 'invalid-frame'],
  ['pending that is not a list', { type: 'transcript', speaker: 'Maya', confirmed: [], pending: {} }, 'invalid-frame'],
  ['a numeric speaker', { type: 'transcript', speaker: 3, confirmed: [good] }, 'invalid-frame'],
  ['a numeric text', bundle('Maya', [{ ...good, text: 42 }], []), 'invalid-frame'],
  ['a numeric segment_id', bundle('Maya', [{ ...good, segment_id: 17 }], []), 'invalid-frame'],
  ['a string start', bundle('Maya', [{ ...good, start: '1.0' }], []), 'invalid-frame'],
  ['a NaN end', bundle('Maya', [{ ...good, end: Number.NaN }], []), 'invalid-frame'],
  ['a string completed', bundle('Maya', [{ ...good, completed: 'true' }], []), 'invalid-frame'],
  ['an unparseable time', bundle('Maya', [{ ...good, absolute_start_time: 'yesterday-ish' }], []), 'invalid-frame'],
  ['an object time', bundle('Maya', [{ ...good, updated_at: {} }], []), 'invalid-frame'],
  ['a segment that is a list', bundle('Maya', [[1, 2] as unknown as Record<string, unknown>], []), 'invalid-frame'],
  ['an unparseable ts', { ...bundle('Maya', [good], []), ts: 'soon' }, 'invalid-frame'],
  ['an envelope whose segment is a string', { type: 'transcript', meeting: { id: 7 }, segment: 'Hi' }, 'invalid-frame'],
  ['G1 without payload', { type: 'transcript.mutable', meeting: { id: 7 } }, 'invalid-frame'],
  ['G1 segments that are not a list', { type: 'transcript.mutable', payload: { segments: 'Hi' } }, 'invalid-frame'],
  ['a retraction without ids', { type: 'transcript_retract', meeting: { id: 7 } }, 'invalid-frame'],
  ['a retraction with numeric ids', { type: 'transcript_retract', segment_ids: [1] }, 'invalid-frame'],
];

describe('malformed frames are rejected with a reason, never thrown, and change nothing', () => {
  it.each(malformed)('%s', (_name, frame, reason) => {
    const m = new TranscriptModel();
    m.applyFrame(
      bundle(
        'Maya',
        [seg({ id: 'keep', start: 0, end: 1, text: 'Still here.' })],
        [seg({ id: 'd', start: 2, end: 3, text: 'Draft', completed: false })],
      ),
    );
    const before = m.version;
    const r = m.applyFrame(frame);
    expect(r).toMatchObject({ ok: false, reason });
    expect(r.ok ? '' : r.detail).not.toMatch(/Hi|42|yesterday/);
    expect(m.version).toBe(before);
    expect(captions(m)).toEqual(['Maya: Still here.', 'Maya: Draft …']);
  });

  it('one bad segment rejects the whole bundle, so a draft set is never applied half', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [], [seg({ id: 'a', start: 1, end: 2, text: 'One', completed: false })]));
    const r = m.applyFrame(
      bundle('Maya', [], [seg({ id: 'b', start: 3, end: 4, text: 'Two', completed: false }), { ...good, text: null }]),
    );
    expect(r).toMatchObject({ ok: false, reason: 'invalid-frame', detail: 'pending[1].text is not a string' });
    expect(captions(m)).toEqual(['Maya: One …']);
  });

  it('REST rows that are malformed are skipped, the rest are seeded', () => {
    const m = new TranscriptModel();
    m.applyRestSegments([good, { text: 5 }, 'row', seg({ id: 'b', start: 3, end: 4, text: 'Two.' })], { authoritative: true });
    expect(captions(m)).toEqual(['Maya: Hi.', 'Maya: Two.']);
  });

  it('extra fields and nulls that every generation sends are accepted', () => {
    const m = new TranscriptModel();
    const r = m.applyFrame(
      bundle(
        'Maya',
        [
          {
            ...good,
            speaker_key: 'p1',
            source: 'glow-bound',
            language: null,
            words: [{ word: 'Hi', start: 1, end: 2 }],
            confidence: 0.9,
            updated_at: null,
          },
        ],
        [],
      ),
    );
    expect(r.ok).toBe(true);
    expect(captions(m)).toEqual(['Maya: Hi.']);
  });
});

describe('recorded-style streams of each generation', () => {
  it.each(['g1', 'g2', 'g3'] as const)('%s: every line ends as one final caption, in order', (gen) => {
    const { rest, frames } = liveFixture(gen);
    const m = new TranscriptModel();
    m.applyRestSegments(rest, { authoritative: true });
    const rejected = frames.map((f) => m.applyFrame(f)).filter((r) => !r.ok);
    expect(rejected.map((r) => !r.ok && r.reason)).toEqual(['unknown-type', 'invalid-frame']);
    expect(captions(m)).toEqual([
      'Maya Lindqvist: Morning both, thanks for making time.',
      'Daniel Okafor: Morning. I have the sprint board open.',
      'Priya Raman: Hi. I brought the new onboarding screens as well.',
      'Maya Lindqvist: Great. Three topics: offline sync, onboarding, and the date.',
      'Daniel Okafor: Offline sync first then. The storage layer is done and merged.',
      'Maya Lindqvist: How often does that happen with real users?',
      'Priya Raman: Right.',
      'Daniel Okafor: About one in four hundred sessions.',
      'Priya Raman: Could we show both versions and let the person pick one?',
      'Maya Lindqvist: Losing work is the one thing we cannot ship.',
      'Priya Raman: I can sketch the conflict sheet by Thursday.',
    ]);
  });

  it('G3: mid-stream the view shows drafts flagged, and the provisional draft is gone once retracted', () => {
    const { rest, frames } = liveFixture('g3');
    const m = new TranscriptModel();
    m.applyRestSegments(rest, { authoritative: true });
    const seen = new Set<string>();
    for (const f of frames) {
      m.applyFrame(f);
      for (const s of m.snapshot()) if (s.draft) seen.add(s.key);
    }
    expect([...seen].some((k) => k.endsWith('-provisional'))).toBe(true);
    expect(m.snapshot().some((s) => s.draft || s.key.endsWith('-provisional'))).toBe(false);
  });
});
