import { describe, expect, it } from 'vitest';
import { parseVexaTimestamp } from '../../../shared/vexa/time';
import { mulberry32 } from '../../support/random';

describe('parseVexaTimestamp', () => {
  const noonUtc = Date.UTC(2025, 5, 27, 10, 17, 5, 493);

  it('reads a naive G1/G2 timestamp as UTC, not local time', () => {
    expect(parseVexaTimestamp('2025-06-27T10:17:05.493417')).toBe(noonUtc);
    expect(parseVexaTimestamp('2025-06-27 10:17:05.493417')).toBe(noonUtc);
  });

  it('honours Z and +00:00 (G3 REST, G1 WS frames) and other offsets', () => {
    expect(parseVexaTimestamp('2025-06-27T10:17:05.493Z')).toBe(noonUtc);
    expect(parseVexaTimestamp('2025-06-27T10:17:05.493417+00:00')).toBe(noonUtc);
    expect(parseVexaTimestamp('2025-06-27T12:17:05.493+02:00')).toBe(noonUtc);
    expect(parseVexaTimestamp('2025-06-27T05:47:05.493-0430')).toBe(noonUtc);
  });

  it('accepts epoch seconds and epoch milliseconds, as numbers or digit strings', () => {
    expect(parseVexaTimestamp(1751019425.493)).toBe(noonUtc);
    expect(parseVexaTimestamp(noonUtc)).toBe(noonUtc);
    expect(parseVexaTimestamp('1751019425')).toBe(Date.UTC(2025, 5, 27, 10, 17, 5));
  });

  it('handles dates without a time and timestamps without seconds', () => {
    expect(parseVexaTimestamp('2024-01-01')).toBe(Date.UTC(2024, 0, 1));
    expect(parseVexaTimestamp('2024-01-01T12:00')).toBe(Date.UTC(2024, 0, 1, 12));
  });

  it('returns null for nothing and for nonsense', () => {
    for (const v of [null, undefined, '', '   ', 'soon', {}, [], true, Number.NaN, 0, -5]) {
      expect(parseVexaTimestamp(v)).toBeNull();
    }
  });

  it('agrees with the platform date parser across centuries, leap days and month ends', () => {
    const random = mulberry32(7);
    const next = (n: number): number => Math.floor(random() * n);
    const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
    const cases = [
      '1600-02-29T00:00:00Z',
      '1900-02-28T23:59:59Z',
      '2000-02-29T12:00:00Z',
      '2024-12-31T23:59:59.999Z',
      '2100-03-01T00:00:00Z',
    ];
    for (let i = 0; i < 2000; i++) {
      const stamp = `${pad(1601 + next(800), 4)}-${pad(1 + next(12))}-${pad(1 + next(28))}T${pad(next(24))}:${pad(next(60))}:${pad(next(60))}.${pad(next(1000), 3)}Z`;
      cases.push(stamp);
    }
    for (const stamp of cases) expect(parseVexaTimestamp(stamp), stamp).toBe(Date.parse(stamp));
    // Day overflow rolls on, as Date.UTC does.
    expect(parseVexaTimestamp('2025-02-30T00:00:00Z')).toBe(Date.UTC(2025, 1, 30));
  });
});
