/**
 * The answer to an HTTP `Range` header for a body of `total` bytes (RFC 9110 §14): one byte range,
 * inclusive; a list of ranges is answered with its first, as Vexa's own `/raw` does. Anything that
 * is not a byte range is ignored (the whole body, 200); a range that starts past the end is a 416.
 */
export type ByteRange = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const SPEC = /^\s*(\d*)\s*-\s*(\d*)\s*$/;

export function parseByteRange(header: string | null | undefined, total: number): ByteRange {
  if (!header) return { kind: 'whole' };
  const trimmed = header.trim();
  if (!/^bytes\s*=/i.test(trimmed)) return { kind: 'whole' };
  const first = trimmed.slice(trimmed.indexOf('=') + 1).split(',')[0] ?? '';
  const m = SPEC.exec(first);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return total === 0 ? { kind: 'unsatisfiable' } : { kind: 'part', start: Math.max(0, total - suffix), end: total - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? total - 1 : Math.min(Number(m[2]), total - 1);
  if (start >= total) return { kind: 'unsatisfiable' };
  if (end < start) return { kind: 'whole' };
  return { kind: 'part', start, end };
}

/** `Content-Range` for a part, or the size alone for a 416. */
export function contentRange(range: ByteRange, total: number): string | null {
  if (range.kind === 'part') return `bytes ${range.start}-${range.end}/${total}`;
  if (range.kind === 'unsatisfiable') return `bytes */${total}`;
  return null;
}
