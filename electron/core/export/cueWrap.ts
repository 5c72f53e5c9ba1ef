/*
 * Subtitle line wrapping: display widths in columns and greedy breaking between words, between
 * any two characters of wide (CJK) text, and inside a word too long for a line. A long meeting
 * wraps tens of thousands of lines, so the common cases take shortcuts that give the same lines
 * as the general rule: a plain line (every character below U+0300, words apart by one space) is
 * cut into slices of itself, and a wide word whose characters can each only be a grapheme of their
 * own is split by code unit instead of through `Intl.Segmenter`.
 */

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const ZERO_WIDTH = /^[\p{M}\u200B-\u200F\u2060-\u206F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

/**
 * Characters that are a grapheme of their own whatever stands beside them (Unicode's grapheme
 * break property `Other`: no marks, joiners, variation selectors, Hangul jamo, regional
 * indicators or prepended characters), so between any two of them is a grapheme boundary (UAX #29
 * rule GB999). A unit test checks every one of them against `Intl.Segmenter`.
 */
export const OWN_GRAPHEMES =
  /^[\u0021-\u007E\u00A1-\u00AC\u00AE-\u02FF\u3001-\u3029\u3031-\u303C\u3041-\u3096\u309B-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uF900-\uFAFF\uFF01-\uFF60]*$/;

/** Columns of a character: East Asian wide characters and emoji two, marks and format characters none. */
function columns(ch: string): number {
  return ch.charCodeAt(0) < 0x300 ? 1 : ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
}

/** Columns + 1 per UTF-16 code unit outside surrogate pairs, learnt on first sight (0: not yet known). */
const bmpColumns = new Uint8Array(0x10000);
const astralColumns = new Map<number, number>();

function unitColumns(code: number): number {
  let known = bmpColumns[code] ?? 0;
  if (known === 0) bmpColumns[code] = known = columns(String.fromCharCode(code)) + 1;
  return known - 1;
}

/** Display width in columns: East Asian wide characters and emoji count two, marks nothing. */
export function displayWidth(text: string): number {
  let w = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x300) {
      w++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        let known = astralColumns.get(cp);
        if (known === undefined) astralColumns.set(cp, (known = columns(String.fromCodePoint(cp))));
        w += known;
        i++;
        continue;
      }
    }
    w += unitColumns(code);
  }
  return w;
}

/** Wrapped lines and the display width of each. */
export interface Wrapped {
  lines: string[];
  widths: number[];
}

/**
 * A line of characters below U+0300 whose words stand one space apart, none longer than the first
 * line: every character is one column and each line is a slice of the text. Null for other text.
 */
function wrapPlain(text: string, maxFor: (line: number) => number): Wrapped | null {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32 || text.includes('  ')) return null;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) >= 0x300) return null;
  const longest = maxFor(0);
  const lines: string[] = [];
  const widths: number[] = [];
  let lineStart = 0;
  let lineEnd = -1;
  for (let start = 0; start < n;) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = n;
    if (end - start > longest) return null;
    if (lineEnd < 0) lineEnd = end;
    else if (lineEnd - lineStart + 1 + (end - start) > maxFor(lines.length)) {
      lines.push(text.slice(lineStart, lineEnd));
      widths.push(lineEnd - lineStart);
      lineStart = start;
      lineEnd = end;
    } else lineEnd = end;
    start = end + 1;
  }
  lines.push(text.slice(lineStart, lineEnd));
  widths.push(lineEnd - lineStart);
  return { lines, widths };
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

interface Unit {
  text: string;
  width: number;
  /** Joined to the previous unit without a space (pieces of one word). */
  glued: boolean;
}

function units(text: string, max: number): Unit[] {
  const out: Unit[] = [];
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const width = displayWidth(word);
    if (width <= max && !WIDE.test(word)) {
      out.push({ text: word, width, glued: false });
      continue;
    }
    // Wide scripts break between any two characters; an over-long word breaks where it must.
    if (OWN_GRAPHEMES.test(word)) {
      for (let i = 0; i < word.length; i++) out.push({ text: word.charAt(i), width: unitColumns(word.charCodeAt(i)), glued: i > 0 });
      continue;
    }
    let first = true;
    for (const { segment } of graphemes.segment(word)) {
      out.push({ text: segment, width: displayWidth(segment), glued: !first });
      first = false;
    }
  }
  return out;
}

/**
 * Greedy line wrapping; `maxFor(i)` is the width allowed for line i. Words are joined by one
 * space; a unit that does not fit starts the next line.
 */
export function wrapLines(text: string, maxFor: (line: number) => number): Wrapped {
  const plain = wrapPlain(text, maxFor);
  if (plain) return plain;
  const lines: string[] = [];
  const widths: number[] = [];
  let cur = '';
  let curWidth = 0;
  for (const u of units(text, maxFor(0))) {
    const max = maxFor(lines.length);
    const sep = cur === '' || u.glued ? '' : ' ';
    if (cur !== '' && curWidth + sep.length + u.width > max) {
      lines.push(cur);
      widths.push(curWidth);
      cur = u.text;
      curWidth = u.width;
      continue;
    }
    cur += sep + u.text;
    curWidth += sep.length + u.width;
  }
  if (cur !== '') {
    lines.push(cur);
    widths.push(curWidth);
  }
  return { lines, widths };
}
