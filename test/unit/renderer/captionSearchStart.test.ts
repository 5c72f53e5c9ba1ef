import { describe, expect, it } from 'vitest';
import { startingMatch } from '../../../renderer/features/captions/useCaptionSearch';

describe('where find starts', () => {
  it('reads a finished transcript from its first match, a running meeting from its newest', () => {
    expect(startingMatch(5, 'first')).toBe(0);
    expect(startingMatch(5, 'latest')).toBe(4);
    expect(startingMatch(0, 'first')).toBe(-1);
  });
});
