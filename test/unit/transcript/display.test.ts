import { describe, expect, it } from 'vitest';
import { compareRendered, renderTranscript, TranscriptModel } from '../../../shared/transcript';
import type { RenderedSegment } from '../../../shared/transcript';
import { bundle, captions, mutable, seg } from './support/captions';

describe('what the live view shows', () => {
  it('captions are in time order whatever the arrival order, across timestamp formats', () => {
    const m = new TranscriptModel();
    m.applyFrame(
      bundle(
        'Dan',
        [{ ...seg({ id: 'b', speaker: 'Dan', start: 5, end: 6, text: 'Second.' }), absolute_start_time: '2026-08-20T09:00:05+00:00' }],
        [],
      ),
    );
    m.applyFrame(
      bundle('Maya', [{ ...seg({ id: 'a', start: 4.5, end: 5, text: 'First.' }), absolute_start_time: '2026-08-20T09:00:04.500000' }], []),
    );
    m.applyFrame(bundle('Maya', [seg({ id: 'c', start: 5.5, end: 6, text: 'Third.' })], []));
    expect(captions(m)).toEqual(['Maya: First.', 'Dan: Second.', 'Maya: Third.']);
  });

  it('an ASR repeat of the same words within a second shows once, the final one', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'We cannot ship that.' })], []));
    m.applyFrame(bundle('Maya', [seg({ id: 'b', start: 3.5, end: 5, text: 'We cannot ship that.' })], []));
    expect(captions(m)).toEqual(['Maya: We cannot ship that.']);
    expect(m.snapshot()[0]!.key).toBe('a');
  });

  it('a fragment inside a longer segment of the same speaker is hidden; the longer one replaces a shorter one inside it', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 6, text: 'The storage layer is done and merged.' })], []));
    m.applyFrame(bundle('Maya', [seg({ id: 'b', start: 2, end: 3, text: 'layer is' })], []));
    expect(captions(m)).toEqual(['Maya: The storage layer is done and merged.']);
    const n = new TranscriptModel();
    n.applyFrame(bundle('Maya', [seg({ id: 'b', start: 2, end: 3, text: 'layer is' })], []));
    n.applyFrame(bundle('Maya', [seg({ id: 'a', start: 2, end: 6, text: 'The storage layer is done.' })], []));
    expect(captions(n)).toEqual(['Maya: The storage layer is done.']);
  });

  it('an expansion that overlaps at least half of the earlier segment replaces it', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'Offline sync first' })], []));
    m.applyFrame(bundle('Maya', [seg({ id: 'b', start: 1.2, end: 4.5, text: 'Offline sync first, then onboarding.' })], []));
    expect(captions(m)).toEqual(['Maya: Offline sync first, then onboarding.']);
  });

  it('a short echo of the last words is hidden', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Dan', [seg({ id: 'a', speaker: 'Dan', start: 1, end: 5, text: 'The storage layer is done and merged.' })], []));
    m.applyFrame(bundle('Dan', [seg({ id: 'b', speaker: 'Dan', start: 4.7, end: 5.4, text: 'merged' })], []));
    expect(captions(m)).toEqual(['Dan: The storage layer is done and merged.']);
  });

  it('two speakers talking over each other are never merged, even with the same words', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'Right.' })], []));
    m.applyFrame(bundle('Dan', [seg({ id: 'b', speaker: 'Dan', start: 1.5, end: 2.5, text: 'Right.' })], []));
    expect(captions(m)).toEqual(['Maya: Right.', 'Dan: Right.']);
  });

  it('a caption hidden as a duplicate comes back when the segment that hid it is retracted', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 6, text: 'The storage layer is done and merged.' })], []));
    m.applyFrame(bundle('Maya', [seg({ id: 'b', start: 2, end: 3, text: 'layer is' })], []));
    const r = m.applyFrame({ type: 'transcript_retract', meeting: { id: 7 }, segment_ids: ['a'] });
    expect(captions(m)).toEqual(['Maya: layer is']);
    expect(r.ok && r).toMatchObject({ removed: ['a'], upserted: [{ key: 'b' }] });
  });

  it('a draft whose words the speaker has already had confirmed is hidden (the confirmed copy won the race)', () => {
    const m = new TranscriptModel();
    m.applyFrame(
      bundle(
        'Maya',
        [seg({ id: 'final', start: 1, end: 3, text: 'We ship on Friday.' })],
        [seg({ id: 'draft-1', start: 1, end: 2, text: 'We ship on', completed: false })],
      ),
    );
    expect(captions(m)).toEqual(['Maya: We ship on Friday.']);
  });

  it('like Vexa’s pipeline, any earlier confirmed text of the speaker that starts the draft hides it (arguably too broad)', () => {
    // recomputeTranscripts compares a draft with every confirmed text of the speaker, not only the
    // overlapping ones: an early "Okay." hides every later draft that starts with "Okay." until it
    // is confirmed. We keep the rule for parity and flag it in the report.
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 2, text: 'Okay.' })], []));
    m.applyFrame(bundle('Maya', [], [seg({ id: 'b', start: 60, end: 62, text: 'Okay. So the date', completed: false })]));
    expect(captions(m)).toEqual(['Maya: Okay.']);
    m.applyFrame(bundle('Maya', [seg({ id: 'b', start: 60, end: 63, text: 'Okay. So the date is June.' })], []));
    expect(captions(m)).toEqual(['Maya: Okay.', 'Maya: Okay. So the date is June.']);
  });

  it('empty texts and segments without a start time are not shown, and say why', () => {
    const m = new TranscriptModel();
    const r = m.applyFrame(
      bundle(
        'Maya',
        [{ ...seg({ id: 'x', start: 1, end: 2, text: 'Hi.' }), absolute_start_time: null }],
        [seg({ id: 'e', start: 3, end: 3, text: '  ', completed: false })],
      ),
    );
    expect(captions(m)).toEqual([]);
    expect(r.ok && r.dropped.map((d) => d.reason)).toEqual(['no-start-time', 'empty-text']);
  });

  it('drafts without a speaker to own them are reported, the finals of the frame still count', () => {
    const m = new TranscriptModel();
    const r = m.applyFrame({
      type: 'transcript',
      meeting: { id: 7 },
      confirmed: [seg({ id: 'a', start: 1, end: 2, text: 'Hi.' })],
      pending: [seg({ id: 'b', start: 3, end: 4, text: 'So', completed: false })],
    });
    expect(captions(m)).toEqual(['Maya: Hi.']);
    expect(r.ok && r.dropped).toEqual([{ key: null, reason: 'pending-without-speaker' }]);
  });

  it('patches rebuild exactly the snapshot', () => {
    const m = new TranscriptModel();
    const view = new Map<string, RenderedSegment>();
    const frames = [
      bundle('Maya', [], [seg({ id: 'a', start: 1, end: 2, text: 'We', completed: false })]),
      bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'We ship.' })], []),
      bundle('Maya', [seg({ id: 'b', start: 1.2, end: 5, text: 'We ship on Friday.' })], []),
      mutable([{ speaker: 'Dan', start: 2, end: 4, text: 'Good.', completed: true }]),
    ];
    for (const f of frames) {
      const r = m.applyFrame(f);
      if (!r.ok) throw new Error(r.detail);
      for (const k of r.removed) view.delete(k);
      for (const s of r.upserted) view.set(s.key, s);
      expect([...view.values()].sort(compareRendered)).toEqual(m.snapshot());
    }
    expect(m.size).toBe(2);
  });
});

describe('REST seeding', () => {
  const rest = [seg({ id: 'a', start: 1, end: 2, text: 'One.' }), seg({ id: 'b', start: 3, end: 4, text: 'Two.' })];

  it('an authoritative seed replaces everything held, and reports the captions it took away', () => {
    const m = new TranscriptModel();
    m.applyFrame(
      bundle(
        'Maya',
        [seg({ id: 'z', start: 0, end: 0.5, text: 'Gone.' })],
        [seg({ id: 'd', start: 5, end: 6, text: 'Dr', completed: false })],
      ),
    );
    const r = m.applyRestSegments(rest, { authoritative: true });
    expect(captions(m)).toEqual(['Maya: One.', 'Maya: Two.']);
    expect(r.removed.sort()).toEqual(['d', 'z']);
  });

  it('a gap fill adds what is missing and finalises drafts but never overwrites a held final', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 2, text: 'One!', updatedAt: 2 })], []));
    m.applyFrame(mutable([{ start: 7, end: 8, text: 'Three', completed: false }]));
    m.applyRestSegments([...rest, { ...seg({ start: 7, end: 8.5, text: 'Three.' }), absolute_start_time: '2026-08-20T09:00:07' }]);
    expect(captions(m)).toEqual(['Maya: One!', 'Maya: Two.', 'Maya: Three.']);
  });

  it('REST drafts with ids are the speaker’s draft set: the next bundle replaces them', () => {
    const m = new TranscriptModel();
    m.applyRestSegments([...rest, seg({ id: 'c', start: 5, end: 6, text: 'So the', completed: false })], { authoritative: true });
    expect(captions(m)).toEqual(['Maya: One.', 'Maya: Two.', 'Maya: So the …']);
    m.applyFrame(bundle('Maya', [], [seg({ id: 'c', start: 5, end: 7, text: 'So the date is', completed: false })]));
    expect(captions(m)).toEqual(['Maya: One.', 'Maya: Two.', 'Maya: So the date is …']);
  });

  it('renderTranscript renders a REST body and frames in one call', () => {
    expect(
      captions(renderTranscript({ rest, frames: [bundle('Maya', [seg({ id: 'c', start: 5, end: 6, text: 'Three.' })], [])] })),
    ).toEqual(['Maya: One.', 'Maya: Two.', 'Maya: Three.']);
  });
});
