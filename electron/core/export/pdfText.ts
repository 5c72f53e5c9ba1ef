import bidiFactory from 'bidi-js';
import { hasRtl } from './direction';
import { measure, type LoadedFace, type Weight } from './pdfFonts';

/*
 * Paragraph layout for the PDF: font fallback per character, line breaking by measured width,
 * and bidi reordering (Unicode UAX #9 levels from bidi-js, rule L2 per line). pdfkit draws each
 * visual piece; fontkit shapes Arabic (joining forms, lam-alef) and reverses right-to-left runs
 * itself, so a right-to-left piece is handed over in logical order.
 */

const bidi = bidiFactory();

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
const NEUTRAL = /^[\s\p{P}\p{S}\p{N}]$/u;
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
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
      if (prev && (cp < 0x80 ? covers(prev, cp) : CLINGS.test(ch) || (NEUTRAL.test(ch) && covers(prev, cp)))) face = prev;
      else face = faceOf(cp, span.weight);
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

/** Break opportunities: after spaces, around wide (CJK) characters, anywhere inside a word too long for a line. */
function units(s: Styled, size: number, maxWidth: number): Unit[] {
  const out: Unit[] = [];
  const text = s.text;
  const push = (start: number, end: number): void => {
    let core = end;
    while (core > start && text.charCodeAt(core - 1) === 32) core--;
    const width = spanWidth(s, start, end, size);
    const coreWidth = core === end ? width : spanWidth(s, start, core, size);
    if (coreWidth <= maxWidth && !WIDE.test(text.slice(start, core))) {
      out.push({ start, end, width, trail: width - coreWidth });
      return;
    }
    for (const g of graphemes.segment(text.slice(start, core))) {
      const gs = start + g.index;
      const ge = gs + g.segment.length;
      const ue = ge === core ? end : ge;
      const w = spanWidth(s, gs, ue, size);
      out.push({ start: gs, end: ue, width: w, trail: ue === ge ? 0 : w - spanWidth(s, gs, ge, size) });
    }
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 32 && (i + 1 >= text.length || text.charCodeAt(i + 1) !== 32)) {
      push(start, i + 1);
      start = i + 1;
    }
  }
  if (start < text.length) push(start, text.length);
  return out;
}

function levelsFor(head: string, body: string, rtl: boolean): Uint8Array | null {
  if (!rtl && !hasRtl(head) && !hasRtl(body)) return null;
  const levels = new Uint8Array(head.length + body.length);
  // The head (stamp and speaker) is a left-to-right isolate, so a right-to-left paragraph keeps it whole.
  if (head) {
    const h = bidi.getEmbeddingLevels(head, 'ltr').levels;
    for (let i = 0; i < head.length; i++) levels[i] = (h[i] ?? 0) + (rtl ? 2 : 0);
    // The space after the head separates it from the body, so it sits outside the isolate.
    for (let i = head.length - 1; i >= 0 && head.charCodeAt(i) === 32; i--) levels[i] = rtl ? 1 : 0;
  }
  if (body) {
    const b = bidi.getEmbeddingLevels(body, rtl ? 'rtl' : 'ltr').levels;
    levels.set(b.subarray(0, body.length), head.length);
  }
  return levels;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every run at or above it. */
function visualOrder(levels: Uint8Array, start: number, end: number): number[] {
  const order: number[] = [];
  let max = 0;
  let minOdd = 255;
  for (let i = start; i < end; i++) {
    order.push(i);
    const l = levels[i] ?? 0;
    if (l > max) max = l;
    if (l % 2 === 1 && l < minOdd) minOdd = l;
  }
  for (let level = max; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < order.length; ) {
      if ((levels[order[i] ?? 0] ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (levels[order[j] ?? 0] ?? 0) >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}

function mirrored(text: string): string {
  const parts = [...graphemes.segment(text)].map((g) => g.segment).reverse();
  return parts.map((g) => (g.length === 1 ? (bidi.getMirroredCharacter(g) ?? g) : g)).join('');
}

function piecesOf(s: Styled, levels: Uint8Array | null, start: number, end: number, size: number): Piece[] {
  const pieces: Piece[] = [];
  const make = (from: number, to: number, odd: boolean): void => {
    const face = s.faces[from];
    if (!face) return;
    const logical = s.text.slice(from, to);
    const shaped = odd && hasRtl(logical);
    const text = odd && !shaped ? mirrored(logical) : logical;
    pieces.push({ text, face, color: s.colors[from] ?? '#000000', width: runWidth(face, text, size, shaped), shaped });
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

/** Keeps the two halves of a surrogate pair at one level, so no piece splits a character. */
function pairLevels(text: string, levels: Uint8Array | null): void {
  if (!levels) return;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) levels[i] = levels[i - 1] ?? 0;
  }
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
    lines.push({ pieces: piecesOf(s, levels, lineStart, end, p.size), width: width - trail });
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
