import { levelsFor, mirrored, pairLevels, visualOrder } from './bidiLines';
import { hasRtl } from './direction';
import { measure, type LoadedFace, type Weight } from './pdfFonts';

/*
 * Paragraph layout for the PDF: font fallback per character, line breaking by measured width,
 * and bidi reordering (Unicode UAX #9 levels from bidi-js, rule L2 per line). pdfkit draws each
 * visual piece; fontkit shapes Arabic (joining forms, lam-alef) and reverses right-to-left runs
 * itself, so a right-to-left piece is handed over in logical order.
 */

export interface Span {
  text: string;
  weight: Weight;
  color: string;
}

export interface Piece {
  text: string;
  face: LoadedFace;
  color: string;
  width: number;
  /** Shape the whole piece at once (right-to-left script); otherwise pdfkit lays it out word by word. */
  shaped: boolean;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

/** Returns the face for a character at a weight; null when no bundled font has it. */
export type FaceLookup = (cp: number, weight: Weight) => LoadedFace | null;

// Marks, joiners, variation selectors, skin tones, keycaps and tags belong to the character before them.
const CLINGS = /^[\p{M}\u200C\u200D\uFE00-\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}]$/u;
/** Format characters that show nothing: dropped when no font has them, rather than drawn as a box. */
const INVISIBLE = /^[\u200B-\u200F\u2060-\u206F\uFE00-\uFE0F\u{E0000}-\u{E0FFF}]$/u;
const NEUTRAL = /^[\s\p{P}\p{S}\p{N}]$/u;
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

const coverage = new WeakMap<LoadedFace, Map<number, boolean>>();

function covers(face: LoadedFace, cp: number): boolean {
  let known = coverage.get(face);
  if (!known) coverage.set(face, (known = new Map()));
  let has = known.get(cp);
  if (has === undefined) known.set(cp, (has = face.font.hasGlyphForCodePoint(cp)));
  return has;
}

interface Styled {
  text: string;
  faces: LoadedFace[];
  colors: string[];
}

/** Joins spans and picks a face per UTF-16 index; characters no font has become U+FFFD. */
function style(spans: readonly Span[], faceOf: FaceLookup): Styled {
  let text = '';
  const faces: LoadedFace[] = [];
  const colors: string[] = [];
  for (const span of spans) {
    let prev: LoadedFace | null = null;
    for (let ch of span.text) {
      const cp = ch.codePointAt(0) ?? 0xfffd;
      let face: LoadedFace | null = null;
      // Spaces, digits and punctuation stay in the font of the text around them (one shaped Arabic run).
      const letter = (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
      if (prev && !letter && (cp < 0x80 || CLINGS.test(ch) || NEUTRAL.test(ch)) && covers(prev, cp)) face = prev;
      else if (cp >= 0x1f3fb && cp <= 0x1f3ff && prev)
        continue; // a skin tone the emoji font cannot apply draws as a blank
      else face = faceOf(cp, span.weight);
      if (!face && INVISIBLE.test(ch)) continue;
      if (!face && prev && CLINGS.test(ch)) face = prev;
      if (!face) {
        ch = '\uFFFD';
        face = faceOf(0xfffd, span.weight);
        if (!face) continue;
      }
      for (let i = 0; i < ch.length; i++) {
        faces.push(face);
        colors.push(span.color);
      }
      text += ch;
      prev = face;
    }
  }
  return { text, faces, colors };
}

/** Advance width of a left-to-right run the way pdfkit lays it out: word by word, each with its trailing space. */
function runWidth(face: LoadedFace, text: string, size: number, shaped: boolean): number {
  if (shaped) return measure(face, text, size);
  let w = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 32) {
      w += measure(face, text.slice(last, i + 1), size);
      last = i + 1;
    }
  }
  if (last < text.length) w += measure(face, text.slice(last), size);
  return w;
}

function spanWidth(s: Styled, start: number, end: number, size: number): number {
  if (end <= start) return 0;
  const first = s.faces[start];
  if (first && first === s.faces[end - 1]) {
    let same = true;
    for (let i = start + 1; i < end - 1 && same; i++) same = s.faces[i] === first;
    if (same) return runWidth(first, s.text.slice(start, end), size, false);
  }
  let w = 0;
  let from = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || s.faces[i] !== s.faces[from]) {
      const face = s.faces[from];
      if (face) w += runWidth(face, s.text.slice(from, i), size, false);
      from = i;
    }
  }
  return w;
}

interface Unit {
  start: number;
  end: number;
  width: number;
  /** Width of the unit's trailing spaces, dropped at the end of a line. */
  trail: number;
}

function hasWide(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 0x1100 && WIDE.test(text.slice(i, i + 2))) return true;
  return false;
}

/** Break opportunities: after spaces, around wide (CJK) characters, anywhere inside a word too long for a line. */
function units(s: Styled, size: number, maxWidth: number): Unit[] {
  const out: Unit[] = [];
  const text = s.text;
  const n = text.length;
  for (let start = 0; start < n;) {
    let core = start;
    while (core < n && text.charCodeAt(core) !== 32) core++;
    let end = core;
    while (end < n && text.charCodeAt(end) === 32) end++;
    const trail = end > core ? spanWidth(s, core, end, size) : 0;
    // Wide text breaks between its characters anyway: measuring the whole run first would shape a
    // CJK sentence (one run without spaces, seldom seen twice) only to measure it again piece by piece.
    const wide = hasWide(text, start, core);
    const coreWidth = wide ? Infinity : spanWidth(s, start, core, size);
    if (coreWidth <= maxWidth) {
      out.push({ start, end, width: coreWidth + trail, trail });
    } else {
      for (const g of graphemes.segment(text.slice(start, core))) {
        const gs = start + g.index;
        const ge = gs + g.segment.length;
        const w = spanWidth(s, gs, ge, size);
        out.push(ge === core ? { start: gs, end, width: w + trail, trail } : { start: gs, end: ge, width: w, trail: 0 });
      }
    }
    start = end;
  }
  return out;
}

function piecesOf(s: Styled, levels: Uint8Array | null, start: number, end: number, size: number, lineWidth: number): Piece[] {
  const pieces: Piece[] = [];
  const make = (from: number, to: number, odd: boolean): void => {
    const face = s.faces[from];
    if (!face) return;
    const logical = s.text.slice(from, to);
    const shaped = odd && hasRtl(logical);
    const text = odd && !shaped ? mirrored(logical) : logical;
    // A line that is one left-to-right piece was just measured word by word; most lines are.
    const whole = !odd && from === start && to === end;
    pieces.push({ text, face, color: s.colors[from] ?? '#000000', width: whole ? lineWidth : runWidth(face, text, size, shaped), shaped });
  };
  if (!levels) {
    let from = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || s.faces[i] !== s.faces[from] || s.colors[i] !== s.colors[from]) {
        make(from, i, false);
        from = i;
      }
    }
    return pieces;
  }
  const order = visualOrder(levels, start, end);
  let runStart = 0;
  for (let k = 1; k <= order.length; k++) {
    const a = order[k - 1] ?? 0;
    const b = order[k];
    const odd = (levels[a] ?? 0) % 2 === 1;
    const continues =
      b !== undefined &&
      s.faces[b] === s.faces[a] &&
      s.colors[b] === s.colors[a] &&
      (levels[b] ?? 0) % 2 === (odd ? 1 : 0) &&
      b === a + (odd ? -1 : 1);
    if (continues) continue;
    const first = order[runStart] ?? 0;
    make(Math.min(first, a), Math.max(first, a) + 1, odd);
    runStart = k;
  }
  return pieces;
}

export interface ParagraphInput {
  /** Kept together as a left-to-right isolate at the start (stamp, speaker). */
  head: readonly Span[];
  body: readonly Span[];
  rtl: boolean;
  size: number;
  width: number;
}

export function layoutParagraph(p: ParagraphInput, faceOf: FaceLookup): Line[] {
  const head = style(p.head, faceOf);
  const body = style(p.body, faceOf);
  const s: Styled = { text: head.text + body.text, faces: [...head.faces, ...body.faces], colors: [...head.colors, ...body.colors] };
  const levels = levelsFor(head.text, body.text, p.rtl);
  pairLevels(s.text, levels);
  const lines: Line[] = [];
  let lineStart = -1;
  let lineEnd = 0;
  let width = 0;
  let trail = 0;
  const flush = (): void => {
    if (lineStart < 0) return;
    let end = lineEnd;
    while (end > lineStart && s.text.charCodeAt(end - 1) === 32) end--;
    const pieces = piecesOf(s, levels, lineStart, end, p.size, width - trail);
    lines.push({ pieces, width: width - trail });
    lineStart = -1;
  };
  for (const u of units(s, p.size, p.width)) {
    if (lineStart >= 0 && width + u.width - u.trail > p.width) flush();
    if (lineStart < 0) {
      lineStart = u.start;
      width = 0;
    }
    lineEnd = u.end;
    width += u.width;
    trail = u.trail;
  }
  flush();
  return lines;
}
