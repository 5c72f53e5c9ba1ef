import { describe, expect, it } from 'vitest';
import { contentRange, parseByteRange } from '../../../electron/core/recordings/byteRange';

// RFC 9110 §14.1.2 byte ranges, as a media element sends them; a list is answered with its first
// range, as Vexa's own /raw does (core/meetings/.../recordings/router.py `_parse_range`).
describe('parseByteRange', () => {
  it('reads a start and an end, inclusive, clamped to the last byte', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
  });

  it('reads an open end (what a seek sends) and a suffix', () => {
    expect(parseByteRange('bytes=500-', 1000)).toEqual({ kind: 'part', start: 500, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
  });

  it('answers a range past the end as unsatisfiable, with the size in Content-Range', () => {
    const r = parseByteRange('bytes=1000-', 1000);
    expect(r).toEqual({ kind: 'unsatisfiable' });
    expect(contentRange(r, 1000)).toBe('bytes */1000');
    expect(parseByteRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('serves the whole body for no header, another unit, garbage or a reversed range', () => {
    for (const h of [null, undefined, '', 'items=0-1', 'bytes=abc', 'bytes=-', 'bytes=5-3'])
      expect(parseByteRange(h, 1000)).toEqual({ kind: 'whole' });
  });

  it('takes the first of several ranges and tolerates spaces and case', () => {
    expect(parseByteRange('Bytes = 10-19, 30-39', 100)).toEqual({ kind: 'part', start: 10, end: 19 });
    expect(contentRange({ kind: 'part', start: 10, end: 19 }, 100)).toBe('bytes 10-19/100');
  });
});
