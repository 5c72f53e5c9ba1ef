import { describe, expect, it } from 'vitest';
import { groupTurns, speakerColourIndex, TranscriptModel } from '../../../shared/transcript';
import { bundle, seg } from './support/captions';

function model(): TranscriptModel {
  const m = new TranscriptModel();
  m.applyFrame(
    bundle(
      'Maya',
      [seg({ id: 'a', start: 1, end: 2, text: 'Morning.' }), seg({ id: 'b', start: 2.5, end: 4, text: ' Shall we start? ' })],
      [],
    ),
  );
  m.applyFrame(bundle('Dan', [seg({ id: 'c', speaker: 'Dan', start: 4.5, end: 5, text: 'Yes.' })], []));
  m.applyFrame(bundle('Maya', [], [seg({ id: 'd', start: 6, end: 7, text: 'First the', completed: false })]));
  return m;
}

describe('speaker turns for the live view', () => {
  it('joins consecutive segments of one speaker into a turn and keeps drafts flagged', () => {
    const turns = groupTurns(model().snapshot());
    expect(turns.map((t) => [t.speaker, t.text, t.draft, t.segments.length])).toEqual([
      ['Maya', 'Morning. Shall we start?', false, 2],
      ['Dan', 'Yes.', false, 1],
      ['Maya', 'First the', true, 1],
    ]);
    expect(turns[0]).toMatchObject({
      key: 'a',
      absoluteStart: Date.UTC(2026, 7, 20, 9, 0, 1),
      absoluteEnd: Date.UTC(2026, 7, 20, 9, 0, 4),
    });
  });

  it('splits a long monologue at segment boundaries', () => {
    const m = new TranscriptModel();
    const long = 'word '.repeat(40).trim();
    m.applyFrame(
      bundle(
        'Maya',
        [0, 1, 2].map((i) => seg({ id: `s${i}`, start: i * 20, end: i * 20 + 15, text: long })),
        [],
      ),
    );
    const turns = groupTurns(m.snapshot(), { maxChars: 512 });
    expect(turns.map((t) => t.segments.length)).toEqual([2, 1]);
    expect(turns.every((t) => t.text.length <= 512)).toBe(true);
  });

  it('gives a speaker the same colour in every session, whatever the case or spacing of the name', () => {
    const a = speakerColourIndex('Maya Lindqvist');
    expect(speakerColourIndex(' maya lindqvist ')).toBe(a);
    expect(speakerColourIndex('Maya Lindqvist', 8)).toBe(a);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(8);
    // Pinned values: a change here recolours every transcript a user has seen.
    expect(['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman', ''].map((n) => speakerColourIndex(n, 8))).toEqual([3, 6, 7, 5]);
    expect(groupTurns(model().snapshot()).map((t) => t.colour)).toEqual([
      speakerColourIndex('Maya'),
      speakerColourIndex('Dan'),
      speakerColourIndex('Maya'),
    ]);
  });

  it('spreads names over the palette', () => {
    const used = new Set(Array.from({ length: 40 }, (_, i) => speakerColourIndex(`Participant ${i}`, 8)));
    expect(used.size).toBeGreaterThanOrEqual(6);
  });
});
