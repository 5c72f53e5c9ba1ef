import { describe, expect, it } from 'vitest';
import type { CaptionView } from '../../../shared/ipc/models';
import { compareRendered, groupTurns } from '../../../shared/transcript';
import { CaptionIndex } from '../../../renderer/features/captions/captionIndex';
import { findMatches, highlightParts, marksByKey, matchCountText, MAX_MATCHES } from '../../../renderer/features/captions/search';
import { buildTimeline } from '../../../renderer/features/captions/timeline';
import { mulberry32 } from '../../support/random';

const T0 = Date.UTC(2026, 2, 3, 14, 0, 0);

function seg(key: string, at: number, text: string, speaker: string | null = 'Maya', draft = false): CaptionView {
  return {
    key,
    segmentId: key,
    speaker,
    text,
    start: at,
    end: at + 2,
    absoluteStart: T0 + at * 1000,
    absoluteEnd: T0 + (at + 2) * 1000,
    language: 'en',
    completed: !draft,
    draft,
  };
}

const texts = (turns: ReadonlyArray<{ speaker: string | null; text: string; segments: ReadonlyArray<{ key: string }> }>) =>
  turns.map((t) => ({ speaker: t.speaker, text: t.text, keys: t.segments.map((s) => s.key) }));

describe('caption index', () => {
  it('keeps the lines in rendered order whatever order they arrive in', () => {
    const index = new CaptionIndex();
    index.reset([seg('b', 5, 'second'), seg('a', 1, 'first')]);
    index.apply([seg('d', 9, 'fourth'), seg('c', 7, 'third')], []);
    expect(index.segments.map((s) => s.text)).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('replaces a draft with its confirmed text in place, in the same turn', () => {
    const index = new CaptionIndex();
    index.reset([seg('a', 1, 'Morning both.'), seg('b', 4, 'Let us', 'Maya', true)]);
    const turnKey = index.turns[0]!.key;
    const outcome = index.apply([seg('b', 4, 'Let us plan the June release.')], []);
    expect(index.segments.map((s) => s.key)).toEqual(['a', 'b']);
    expect(index.turns).toHaveLength(1);
    expect(index.turns[0]!.key).toBe(turnKey);
    expect(index.turns[0]!.text).toBe('Morning both. Let us plan the June release.');
    expect(outcome.newlyConfirmed.map((s) => s.key)).toEqual(['b']);
    expect(index.draftCount).toBe(0);
  });

  it('groups consecutive lines of one speaker into turns and splits at a change of speaker', () => {
    const index = new CaptionIndex();
    index.reset([seg('a', 1, 'One.', 'Maya'), seg('b', 3, 'Two.', 'Maya'), seg('c', 5, 'Three.', 'Daniel'), seg('d', 7, 'Four.', 'Maya')]);
    expect(texts(index.turns)).toEqual([
      { speaker: 'Maya', text: 'One. Two.', keys: ['a', 'b'] },
      { speaker: 'Daniel', text: 'Three.', keys: ['c'] },
      { speaker: 'Maya', text: 'Four.', keys: ['d'] },
    ]);
  });

  it('keeps untouched turns as they were, so their rows need no new render', () => {
    const index = new CaptionIndex();
    index.reset([seg('a', 1, 'One.', 'Maya'), seg('b', 3, 'Two.', 'Daniel'), seg('c', 5, 'Three.', 'Priya')]);
    const [first, second] = index.turns;
    index.apply([seg('d', 7, 'Four.', 'Priya', true)], []);
    expect(index.turns[0]).toBe(first);
    expect(index.turns[1]).toBe(second);
    expect(index.turns[2]!.text).toBe('Three. Four.');
    expect(index.turns[2]!.draft).toBe(true);
  });

  it('moves a line whose start changed, removes retracted lines and merges the turns around them', () => {
    const index = new CaptionIndex();
    index.reset([seg('a', 1, 'One.', 'Maya'), seg('x', 3, 'Maybe.', 'Daniel', true), seg('b', 5, 'Two.', 'Maya')]);
    expect(index.turns).toHaveLength(3);
    index.apply([seg('b', 0, 'Zero.', 'Maya')], ['x']);
    expect(index.segments.map((s) => s.key)).toEqual(['b', 'a']);
    expect(texts(index.turns)).toEqual([{ speaker: 'Maya', text: 'Zero. One.', keys: ['b', 'a'] }]);
    expect(index.draftCount).toBe(0);
  });

  it('ignores removals of lines it does not hold and reports no change', () => {
    const index = new CaptionIndex();
    index.reset([seg('a', 1, 'One.')]);
    const before = index.turns;
    expect(index.apply([], ['nope']).changed).toBe(false);
    expect(index.turns).toBe(before);
  });

  it('sorts a snapshot that arrives out of order and keeps one line per key', () => {
    const index = new CaptionIndex();
    index.reset([seg('b', 5, 'late'), seg('a', 1, 'early'), seg('b', 5, 'late, again')]);
    expect(index.segments.map((s) => s.text)).toEqual(['early', 'late, again']);
  });

  it('after any sequence of updates, equals a full sort and grouping of the same lines', () => {
    // A fixed seed, so a failing sequence can be replayed.
    const random = mulberry32(42);
    const speakers = ['Maya', 'Daniel', 'Priya', null];
    const index = new CaptionIndex();
    const truth = new Map<string, CaptionView>();
    index.reset([]);
    for (let step = 0; step < 600; step++) {
      const upserted: CaptionView[] = [];
      const removed: string[] = [];
      for (let n = Math.floor(random() * 4); n >= 0; n--) {
        const key = `k${Math.floor(random() * 120)}`;
        if (random() < 0.15) {
          removed.push(key);
          continue;
        }
        const words = 'alpha beta gamma delta epsilon zeta eta theta'.split(' ');
        const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]).join(' ');
        upserted.push(
          seg(
            key,
            Math.floor(random() * 300),
            random() < 0.05 ? '   ' : text,
            speakers[Math.floor(random() * speakers.length)]!,
            random() < 0.3,
          ),
        );
      }
      // A key is either upserted or removed in one delta, as the core sends it.
      const up = upserted.filter((s) => !removed.includes(s.key));
      for (const k of removed) truth.delete(k);
      for (const s of up) truth.set(s.key, s);
      index.apply(up, removed);
    }
    const expected = [...truth.values()].sort(compareRendered);
    expect(index.segments.map((s) => s.key)).toEqual(expected.map((s) => s.key));
    expect(texts(index.turns)).toEqual(texts(groupTurns(expected)));
    expect(index.draftCount).toBe(expected.filter((s) => s.draft).length);
  });
});

describe('caption timeline', () => {
  const index = new CaptionIndex();
  index.reset([seg('a', 0, 'One.', 'Maya'), seg('b', 60, 'Two.', 'Daniel'), seg('c', 600, 'Three.', 'Priya')]);

  it('places a gap marker by time between the turns around it', () => {
    const timeline = buildTimeline(index.turns, [{ from: T0 + 120_000, to: T0 + 300_000 }]);
    expect(timeline.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => timeline.at(i)?.kind)).toEqual(['turn', 'turn', 'gap', 'turn']);
    expect(timeline.rowOfTurn(2)).toBe(3);
    expect(timeline.rowOfTurn(1)).toBe(1);
  });

  it('puts gaps after the last caption at the end, in order', () => {
    const timeline = buildTimeline(index.turns, [
      { from: T0 + 900_000, to: null },
      { from: T0 + 700_000, to: T0 + 800_000 },
    ]);
    const rows = Array.from({ length: timeline.count }, (_, i) => timeline.at(i));
    expect(rows.map((r) => (r?.kind === 'gap' ? r.gap.from - T0 : r?.key))).toEqual(['a', 'b', 'c', 700_000, 900_000]);
  });
});

describe('find in captions', () => {
  const lines = [seg('a', 1, 'The Picker ships first.'), seg('b', 3, 'Costs (roughly) $5? pickers.'), seg('c', 5, 'Nothing here.')];

  it('finds every occurrence, ignoring case, with offsets into the shown text', () => {
    expect(findMatches(lines, 'picker')).toEqual([
      { key: 'a', segmentIndex: 0, start: 4, end: 10 },
      { key: 'b', segmentIndex: 1, start: 20, end: 26 },
    ]);
  });

  it('treats the query as plain text, never as a pattern', () => {
    expect(findMatches(lines, '(roughly) $5?')).toHaveLength(1);
    expect(findMatches(lines, '.*')).toEqual([]);
    expect(findMatches(lines, '   ')).toEqual([]);
  });

  it('splits a line into text and marks, the current match told apart', () => {
    const marks = marksByKey(findMatches([seg('a', 1, 'picker, picker')], 'PICKER'));
    expect(highlightParts('picker, picker', marks.get('a'), 1)).toEqual([
      { text: 'picker', mark: 'match' },
      { text: ', ', mark: 'none' },
      { text: 'picker', mark: 'current' },
    ]);
    expect(highlightParts('<b>x</b>', undefined, 0)).toEqual([{ text: '<b>x</b>', mark: 'none' }]);
  });

  it('counts matches for the person and caps a runaway search', () => {
    expect(matchCountText(0, -1)).toBe('No matches');
    expect(matchCountText(12, 2)).toBe('3 of 12');
    const many = Array.from({ length: 700 }, (_, i) => seg(`k${i}`, i, 'a a'));
    expect(findMatches(many, 'a')).toHaveLength(MAX_MATCHES);
    expect(matchCountText(MAX_MATCHES, 0)).toBe(`1 of ${MAX_MATCHES}+`);
  });
});
