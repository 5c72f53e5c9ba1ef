import { describe, expect, it } from 'vitest';
import { audioTimeOf, lineAtTime, recordingOffset } from '../../../renderer/features/recordings/lineAtTime';

const lines = [
  { key: 'a', start: 1, end: 4 },
  { key: 'b', start: 5, end: 9 },
  { key: 'c', start: 8, end: 12 },
  { key: 'd', start: 20, end: 22 },
];

describe('the line heard at a moment of the recording', () => {
  it('is the line that started last and still lasts', () => {
    expect(lineAtTime(lines, 1)).toBe('a');
    expect(lineAtTime(lines, 3.9)).toBe('a');
    expect(lineAtTime(lines, 6)).toBe('b');
    expect(lineAtTime(lines, 8.5)).toBe('c');
    expect(lineAtTime(lines, 21)).toBe('d');
  });

  it('is none before the first line, in a silence and after the last', () => {
    expect(lineAtTime(lines, 0.5)).toBeNull();
    expect(lineAtTime(lines, 4.5)).toBeNull();
    expect(lineAtTime(lines, 15)).toBeNull();
    expect(lineAtTime(lines, 30)).toBeNull();
    expect(lineAtTime([], 3)).toBeNull();
  });

  it('an overlapped line still lasting is found when the later one ended', () => {
    const overlapping = [
      { key: 'long', start: 0, end: 10 },
      { key: 'short', start: 2, end: 3 },
    ];
    expect(lineAtTime(overlapping, 5)).toBe('long');
  });

  it('counts the recording from its first sample: a recording that starts 2 s into the session', () => {
    expect(lineAtTime(lines, 4, 2)).toBe('b');
    expect(audioTimeOf({ start: 5 }, 2)).toBe(3);
    expect(audioTimeOf({ start: 1 }, 2)).toBe(0);
  });

  it('the offset comes from the capture instant and a line’s absolute start', () => {
    expect(recordingOffset(10_000 + 2_000, { start: 5, absoluteStart: 15_000 })).toBe(2);
    expect(recordingOffset(null, { start: 5, absoluteStart: 15_000 })).toBe(0);
    expect(recordingOffset(12_000, undefined)).toBe(0);
  });
});
