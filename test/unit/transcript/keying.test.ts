import { describe, expect, it } from 'vitest';
import { TranscriptModel } from '../../../shared/transcript';
import { bundle, captions, envelope, mutable, retract, seg } from './support/captions';

describe('keying and replacement', () => {
  it('G1: a draft that grows and then confirms stays one caption, keyed by its absolute start', () => {
    const m = new TranscriptModel();
    m.applyFrame(mutable([{ start: 1, end: 2, text: 'Offline sync', completed: false }], 2));
    expect(captions(m)).toEqual(['Maya: Offline sync …']);
    m.applyFrame(mutable([{ start: 1, end: 3, text: 'Offline sync first', completed: false }], 3));
    m.applyFrame(mutable([{ start: 1, end: 4, text: 'Offline sync first then.', completed: true }], 4));
    expect(captions(m)).toEqual(['Maya: Offline sync first then.']);
    expect(m.snapshot()[0]!.key).toBe(`t:${Date.UTC(2026, 7, 20, 9, 0, 1)}`);
  });

  it('a timestamp without a zone is UTC: the REST copy and the live copy of one G1 segment are one caption', () => {
    const m = new TranscriptModel();
    m.applyRestSegments(
      [
        {
          start: 1,
          end: 4,
          text: 'Morning.',
          speaker: 'Maya',
          completed: true,
          absolute_start_time: '2026-08-20T09:00:01.000000',
          absolute_end_time: '2026-08-20T09:00:04',
        },
      ],
      { authoritative: true },
    );
    m.applyFrame(mutable([{ start: 1, end: 4, text: 'Morning.', completed: true }], 5));
    expect(captions(m)).toEqual(['Maya: Morning.']);
    expect(m.snapshot()[0]!.absoluteStart).toBe(Date.UTC(2026, 7, 20, 9, 0, 1));
  });

  it('segment_id is the key: a new text for the same id replaces the caption, other ids with the same start stay', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'Hello team.' })], []));
    m.applyFrame(bundle('Dan', [seg({ id: 'b', speaker: 'Dan', start: 1, end: 2, text: 'Hi.' })], []));
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'Hello, team.' })], []));
    expect(captions(m)).toEqual(['Maya: Hello, team.', 'Dan: Hi.']);
  });

  it('a bundle replaces the speaker’s whole draft set: drafts it leaves out disappear', () => {
    const m = new TranscriptModel();
    m.applyFrame(
      bundle(
        'Maya',
        [],
        [
          seg({ id: 'a', start: 1, end: 2, text: 'We ship', completed: false }),
          seg({ id: 'b', start: 3, end: 4, text: 'Then', completed: false }),
        ],
      ),
    );
    expect(captions(m)).toEqual(['Maya: We ship …', 'Maya: Then …']);
    const r = m.applyFrame(bundle('Maya', [], [seg({ id: 'b', start: 3, end: 5, text: 'Then we test', completed: false })]));
    expect(captions(m)).toEqual(['Maya: Then we test …']);
    expect(r.ok && r.removed).toEqual(['a']);
  });

  it('a confirmed segment replaces its draft, and drafts of other speakers are untouched', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [], [seg({ id: 'a', start: 1, end: 2, text: 'We ship', completed: false })]));
    m.applyFrame(bundle('Dan', [], [seg({ id: 'd', speaker: 'Dan', start: 1.5, end: 2, text: 'Right', completed: false })]));
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'We ship on Friday.' })], []));
    expect(captions(m)).toEqual(['Maya: We ship on Friday.', 'Dan: Right …']);
    expect(m.confirmed().map((s) => s.text)).toEqual(['We ship on Friday.']);
  });

  it('G3 double delivery (bot envelope, then the collector bundle) shows one caption; a redelivered frame changes nothing', () => {
    const m = new TranscriptModel();
    const final = seg({ id: 's:p1:1000', start: 1, end: 3, text: 'We ship on Friday.' });
    const first = m.applyFrame(envelope(final));
    expect(captions(m)).toEqual(['Maya: We ship on Friday.']);
    expect(first.ok && first.upserted.map((s) => s.key)).toEqual(['s:p1:1000']);
    const collector = bundle(
      'Maya',
      [{ ...final, absolute_start_time: '2026-08-20T09:00:01.000000Z', updated_at: '2026-08-20T09:00:03.400000Z' }],
      [],
      3.4,
    );
    m.applyFrame(collector);
    const again = m.applyFrame(structuredClone(collector));
    expect(captions(m)).toEqual(['Maya: We ship on Friday.']);
    expect(again).toMatchObject({ ok: true, changed: [], upserted: [], removed: [] });
  });

  it('a G3 bot draft envelope is left to the collector bundle right behind it', () => {
    const m = new TranscriptModel();
    const r = m.applyFrame(envelope(seg({ id: 'a', start: 1, end: 2, text: 'We ship', completed: false })));
    expect(r.ok && r.dropped).toEqual([{ key: 'a', reason: 'draft-envelope' }]);
    expect(captions(m)).toEqual([]);
  });

  it('a retraction removes drafts and finals alike, and a late frame cannot bring the id back', () => {
    const m = new TranscriptModel();
    m.applyFrame(
      bundle(
        'Maya',
        [seg({ id: 'fin', start: 1, end: 2, text: 'Done.' })],
        [seg({ id: 'prov', start: 3, end: 4, text: 'Maybe', completed: false })],
        4,
      ),
    );
    const r = m.applyFrame(retract('prov', 'fin', 'unknown'));
    expect(captions(m)).toEqual([]);
    expect(r.ok && r.removed.sort()).toEqual(['fin', 'prov']);
    const late = m.applyFrame(bundle('Maya', [seg({ id: 'fin', start: 1, end: 2, text: 'Done.' })], [], 5));
    expect(late.ok && late.dropped).toEqual([{ key: 'fin', reason: 'retracted' }]);
    expect(captions(m)).toEqual([]);
    m.applyRestSegments([seg({ id: 'fin', start: 1, end: 2, text: 'Done.' })], { authoritative: true });
    expect(captions(m)).toEqual(['Maya: Done.']);
  });

  it('retract() removes ids without a frame', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 2, text: 'One.' }), seg({ id: 'b', start: 3, end: 4, text: 'Two.' })], []));
    m.retract(['a']);
    expect(captions(m)).toEqual(['Maya: Two.']);
  });
});

describe('ordering information: an older update never overwrites a newer one', () => {
  it('updated_at: a late older copy of a final is ignored', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'We ship Friday.', updatedAt: 9 })], []));
    const r = m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'We sip Friday.', updatedAt: 5 })], []));
    expect(captions(m)).toEqual(['Maya: We ship Friday.']);
    expect(r.ok && r.dropped).toEqual([{ key: 'a', reason: 'older-than-current' }]);
  });

  it('a copy without updated_at (the G3 bot envelope) does not overwrite the collector’s dated copy', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'We ship Friday.', updatedAt: 9 })], []));
    m.applyFrame(envelope(seg({ id: 'a', start: 1, end: 3, text: 'We sip Friday.' })));
    expect(captions(m)).toEqual(['Maya: We ship Friday.']);
  });

  it('a bundle older than the speaker’s current one (ts) does not replace the draft set; its finals still count', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [], [seg({ id: 'b', start: 3, end: 5, text: 'Then we test', completed: false })], 10));
    const r = m.applyFrame(
      bundle(
        'Maya',
        [seg({ id: 'z', start: 0, end: 1, text: 'Hi.' })],
        [seg({ id: 'b', start: 3, end: 4, text: 'Then', completed: false })],
        8,
      ),
    );
    expect(captions(m)).toEqual(['Maya: Hi.', 'Maya: Then we test …']);
    expect(r.ok && r.dropped).toEqual([{ key: null, reason: 'stale-bundle' }]);
  });

  it('G1: a draft that arrives after its final does not reopen it, and the frame ts orders drafts', () => {
    const m = new TranscriptModel();
    m.applyFrame(mutable([{ start: 1, end: 4, text: 'Offline sync first then.', completed: true }], 4));
    const r = m.applyFrame(mutable([{ start: 1, end: 3, text: 'Offline sync first', completed: false }], 3));
    expect(captions(m)).toEqual(['Maya: Offline sync first then.']);
    expect(r.ok && r.dropped[0]!.reason).toBe('draft-after-final');
    const g = new TranscriptModel();
    g.applyFrame(mutable([{ start: 1, end: 3, text: 'Offline sync first', completed: false }], 3));
    g.applyFrame(mutable([{ start: 1, end: 2, text: 'Offline', completed: false }], 2));
    expect(captions(g)).toEqual(['Maya: Offline sync first …']);
  });

  it('a held final hides a late draft with the same id', () => {
    const m = new TranscriptModel();
    m.applyFrame(bundle('Maya', [seg({ id: 'a', start: 1, end: 3, text: 'We ship on Friday.' })], [], 5));
    m.applyFrame(bundle('Maya', [], [seg({ id: 'a', start: 1, end: 4, text: 'We chip in Friday', completed: false })], 6));
    expect(captions(m)).toEqual(['Maya: We ship on Friday.']);
  });
});
