import { describe, expect, it } from 'vitest';
import { matchParticipant, matchParticipants } from '../../../electron/core/cache/participantMatch';

describe('matching participants by name', () => {
  it('matches whole words, and the last one by its first letters while typing, ignoring case and accents', () => {
    expect(matchParticipant('Ingrid Bergström', ['bergstrom'], false)).toEqual([
      { text: 'Ingrid ', match: false },
      { text: 'Bergström', match: true },
    ]);
    expect(matchParticipant('Ingrid Bergström', ['ingrid', 'berg'], true)).toEqual([
      { text: 'Ingrid', match: true },
      { text: ' ', match: false },
      { text: 'Bergström', match: true },
    ]);
    expect(matchParticipant('Ingrid Bergström', ['berg'], false)).toBeNull();
    expect(matchParticipant('Ingrid Bergström', ['ingrid', 'okafor'], true)).toBeNull();
    expect(matchParticipant('Ingrid', [], true)).toBeNull();
  });

  it('returns the first participant who matches', () => {
    expect(matchParticipants(['Maya Lindqvist', 'Daniel Okafor'], ['dan'], true)?.find((p) => p.match)?.text).toBe('Daniel');
    expect(matchParticipants(['Maya Lindqvist'], ['dan'], true)).toBeNull();
  });
});
