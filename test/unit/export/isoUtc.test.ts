import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../electron/core/export/prepare';
import { isoUtc, wallClock } from '../../../electron/core/export/time';
import { mulberry32 } from '../../support/random';

describe('isoUtc', () => {
  it('writes exactly what Date#toISOString writes, fractions, negative times and far years included', () => {
    const random = mulberry32(3);
    const values = [0, -0, 1, -1, 0.9, -0.9, 1.5, 86_399_999.7, -86_400_000, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, -8.64e15];
    for (let i = 0; i < 20_000; i++) values.push((random() - 0.5) * 2 * 8.64e15, Date.UTC(2026, 7, 20) + random() * 3 * 86_400_000);
    for (const ms of values) expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
  });

  it('fails as toISOString does for a time no Date can hold', () => {
    for (const ms of [Number.NaN, Infinity, 8.64e15 + 1]) expect(() => isoUtc(ms)).toThrow(RangeError);
  });

  it('keeps the UTC wall clock as it was', () => {
    const clock = wallClock('UTC');
    expect(clock.format(Date.UTC(2026, 7, 20, 23, 59, 59, 999))).toBe('2026-08-20 23:59:59');
    expect(clock.parts(Date.UTC(2026, 0, 1, 0, 0, 0))).toEqual({ date: '2026-01-01', time: '00:00:00' });
  });
});

describe('cleanText', () => {
  it('gives the same line with and without its shortcut for text with nothing to clean', () => {
    const slow = (v: string): string =>
      v
        .replace(/[ \t]*[\n\r\v\f\u0085\u2028\u2029][\s]*/g, ' ')
        .replace(/\t/g, ' ')
        .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]/g, '')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
        .trim();
    const samples = [
      '  plain words  ',
      '\u00A0nbsp\u3000',
      'tab\there',
      'line\r\nbreak',
      'nel\u0085x',
      'ls\u2028ps\u2029',
      'bom\uFEFF',
      'c1\u0090',
      'emoji 👩‍💻',
      'lone \uD800 x',
      '\uDC00',
      'bell\u0007',
    ];
    for (const s of samples) expect(cleanText(s)).toBe(slow(s));
  });
});
