import bidiFactory from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { balanceBidi, balanceBidiParts, isolate, isolateControls } from '../../../shared/bidi';

// Checked with bidi-js, an implementation of the Unicode bidi algorithm (UAX #9): the app's words
// around a server-supplied name must keep their level (0, left to right) whatever the name holds.
const bidi = bidiFactory();

const RLO = '\u202E';
const PDI = '\u2069';
const HOSTILE = [
  `Budget ${RLO}review`,
  `Budget ${PDI}${RLO}review`,
  `${PDI}${PDI}\u202B\u2067review`,
  `Budget \u2067review`,
  `\u202C${PDI}\u202Dx`,
  'דנה כהן',
  'اجتماع 2026',
];

/** The levels of the app's own words before and after the name in one sentence. */
function appTextLevels(name: string): number[] {
  const before = 'Delete “';
  const after = '” and 12 lines? Yes';
  const text = `${before}${name}${after}`;
  const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
  const at = (from: number, to: number) => Array.from(levels.subarray(from, to));
  return [...at(0, before.length), ...at(text.length - after.length, text.length)];
}

describe('isolating a name among the app’s words', () => {
  it.each(HOSTILE)('keeps the words around %j in their order', (name) => {
    expect(appTextLevels(isolate(name)).every((l) => l === 0)).toBe(true);
  });

  it('would reorder them without isolation (the test can see the harm)', () => {
    expect(appTextLevels(`Budget ${RLO}review`).some((l) => l !== 0)).toBe(true);
    expect(appTextLevels(`Budget ${PDI}${RLO}review`).some((l) => l !== 0)).toBe(true);
  });

  it('leaves left-to-right text without controls as it is', () => {
    expect(isolate('June release planning')).toBe('June release planning');
    expect(isolateControls('דנה כהן')).toBe('דנה כהן');
    expect(isolateControls(`a${RLO}b`)).toBe(`\u2068a${RLO}b\u202C${PDI}`);
  });
});

describe('balancing', () => {
  it('drops a PDI that closes nothing and closes what is left open', () => {
    expect(balanceBidi(`${PDI}a${RLO}b`)).toBe(`a${RLO}b\u202C`);
    expect(balanceBidi('\u2067a\u202Eb')).toBe(`\u2067a\u202Eb\u202C${PDI}`);
    expect(balanceBidi(`\u2067a${PDI}b${PDI}`)).toBe(`\u2067a${PDI}b`);
    expect(balanceBidi('\u202Ca\u2067\u202Cb')).toBe(`a\u2067b${PDI}`);
  });

  it.each(HOSTILE)('leaves nothing open in %j', (name) => {
    const text = `x${balanceBidi(name)}y`;
    const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
    expect(levels[text.length - 1]).toBe(0);
  });
});

describe('balancing text shown in pieces', () => {
  it('carries what is open from one piece to the next and closes it after the last', () => {
    expect(balanceBidiParts(['a\u2067b', `c${PDI}d${PDI}`, `e${RLO}f`])).toEqual(['a\u2067b', `c${PDI}d`, `e${RLO}f\u202C`]);
    expect(balanceBidiParts(['plain', 'text'])).toEqual(['plain', 'text']);
  });
});
