import type * as fontkit from 'fontkit';

/*
 * Shaping for the PDF: fontkit lays text out into glyphs and positions, and every run is kept per
 * face for the session, since a long meeting repeats its words thousands of times.
 */
export interface ShapedRun {
  glyphs: fontkit.Glyph[];
  positions: fontkit.GlyphPosition[];
  advanceWidth: number;
  /** The OpenType script and direction fontkit shaped with (a run laid out by fontkit itself). */
  script?: string;
  direction?: string;
}

/** Bounded: a long-running app exports many transcripts through the same faces. */
const MAX_CACHED_RUNS = 50_000;

/** What shaping needs of a face: the font and its kept runs. */
export interface Shaper {
  font: fontkit.Font;
  runs: Map<string, ShapedRun>;
}

/** The shaped glyphs of `text` in font units, kept for the session (callers must not change them). */
export function shape(face: Shaper, text: string): ShapedRun {
  let run = face.runs.get(text);
  if (!run) {
    // A stamp is longer than a few characters; shorter runs (a space, a comma) are shaped as they are,
    // so that a font used only for other text is never checked for stamps.
    const parts = partsOf(text);
    if (parts) {
      // Kept like any run: layout measures a line's right-to-left piece and drawing shapes it again.
      run = partwiseRun(face, text, parts);
      remember(face, text, run);
      return run;
    }
    const body = text.length > 1 && text.endsWith(' ') && !text.endsWith('  ') ? text.slice(0, -1) : null;
    if (body !== null && spaceApart(face, body.slice(-1))) {
      // Layout measures and draws a word with its trailing space and without: one shaping serves both.
      run = concatRuns([shape(face, body), shape(face, ' ')]);
      remember(face, text, run);
      return run;
    }
    run = text.length > 4 && STAMP_RUN.test(text) && stampCharsIndependent(face.font) ? joinedRun(face, text) : layoutRun(face.font, text);
    remember(face, text, run);
  }
  return run;
}

function remember(face: Shaper, text: string, run: ShapedRun): void {
  if (face.runs.size >= MAX_CACHED_RUNS) face.runs.clear();
  face.runs.set(text, run);
}

/** Scripts whose fonts share glyphs between letters or combine several into one (from Hebrew on). */
const COMPLEX = /[\u0590-\u08FF\u0900-\u0DFF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * fontkit caches one glyph object per glyph id, with the characters of its first use: where a font
 * draws several letters with one glyph (Noto Sans Arabic's dotless base for ح, ج and خ, plus a
 * dot), every later use would read back as the first letter. While a run of such a script is laid
 * out, a glyph asked for with other characters comes back as a view of the cached one that carries
 * the characters it stands for here.
 */
function layoutRun(font: fontkit.Font, text: string, script?: string, direction?: string): ShapedRun {
  type GetGlyph = (id: number, codePoints?: number[]) => fontkit.Glyph;
  const f = font as unknown as { getGlyph: GetGlyph };
  if (COMPLEX.test(text)) {
    const cachedGlyph = f.getGlyph;
    f.getGlyph = function (this: unknown, id, codePoints = []) {
      const glyph = cachedGlyph.call(this, id, codePoints);
      const same = glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]);
      return codePoints.length === 0 || same ? glyph : (Object.create(glyph, { codePoints: { value: codePoints } }) as fontkit.Glyph);
    };
  }
  let r: fontkit.GlyphRun;
  try {
    r = script === undefined ? font.layout(text) : font.layout(text, [], script, undefined, direction);
  } finally {
    // The method lives on fontkit's prototype; the instance's own override goes.
    delete (f as { getGlyph?: GetGlyph }).getGlyph;
  }
  return {
    glyphs: r.glyphs,
    positions: r.positions.map((p) => ({ ...p })),
    advanceWidth: r.advanceWidth,
    script: r.script,
    direction: r.direction,
  };
}

/*
 * Every speaker turn has its own time stamp, so a long meeting brings thousands of runs that are
 * shaped once and never again. Where the font neither kerns, substitutes nor moves any pair of
 * the characters stamps are made of (checked once per font), a stamp's run is its characters'
 * runs in a row: the same glyphs and advances, without a shaping pass per stamp.
 */
const STAMP_CHARS = '0123456789:[]-./, ';
const STAMP_RUN = /^[0-9:[\]\-./, ]+$/;
const stampIndependence = new WeakMap<fontkit.Font, boolean>();

function sameRun(a: ShapedRun, b: ShapedRun): boolean {
  if (a.glyphs.length !== b.glyphs.length) return false;
  for (let i = 0; i < a.glyphs.length; i++) {
    const p = a.positions[i];
    const q = b.positions[i];
    if (a.glyphs[i]?.id !== b.glyphs[i]?.id || !p || !q) return false;
    if (p.xAdvance !== q.xAdvance || p.yAdvance !== q.yAdvance || p.xOffset !== q.xOffset || p.yOffset !== q.yOffset) return false;
  }
  return true;
}

function concatRuns(runs: readonly ShapedRun[]): ShapedRun {
  const out: ShapedRun = { glyphs: [], positions: [], advanceWidth: 0 };
  for (const r of runs) {
    out.glyphs.push(...r.glyphs);
    out.positions.push(...r.positions);
    out.advanceWidth += r.advanceWidth;
  }
  return out;
}

function stampCharsIndependent(font: fontkit.Font): boolean {
  let independent = stampIndependence.get(font);
  if (independent === undefined) {
    const single = new Map([...STAMP_CHARS].map((c) => [c, layoutRun(font, c)]));
    independent = [...STAMP_CHARS].every((a) =>
      [...STAMP_CHARS].every((b) => sameRun(layoutRun(font, a + b), concatRuns([single.get(a)!, single.get(b)!]))),
    );
    stampIndependence.set(font, independent);
  }
  return independent;
}

function joinedRun(face: Shaper, text: string): ShapedRun {
  const parts: ShapedRun[] = [];
  for (const ch of text) {
    let run = face.runs.get(ch);
    if (!run) face.runs.set(ch, (run = layoutRun(face.font, ch)));
    parts.push(run);
  }
  return concatRuns(parts);
}

/*
 * A line's right-to-left piece (Arabic, Hebrew) or run of CJK characters is seldom the same twice,
 * but its words and characters are. A space joins nothing in right-to-left scripts (it breaks
 * cursive joining), and CJK characters are set one by one, so such a run is its parts' runs, each
 * shaped with the run's script and direction and kept, in visual order (a right-to-left run's last
 * word first). Whether a font keeps the parts apart like that (no kerning or substitution across
 * them) is checked on its first runs against a whole-run shaping; a font that does not is shaped
 * run by run.
 */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const CJK_ONLY = /^[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]{2,}$/;
const CHECKED_RUNS = 12;
/** Per font: how many runs matched so far, or false once one did not. */
const partChecks = new WeakMap<fontkit.Font, number | false>();

/** The parts a run can be shaped in, in logical order; null to shape it whole. */
function partsOf(text: string): string[] | null {
  if (text.includes(' ') && RIGHT_TO_LEFT.test(text)) return text.split(/( )/).filter((w) => w !== '');
  if (CJK_ONLY.test(text)) return [...text];
  return null;
}

function partwiseRun(face: Shaper, text: string, parts: string[]): ShapedRun {
  const checks = partChecks.get(face.font) ?? 0;
  if (checks === false) return wholeRun(face, text);
  const whole = checks < CHECKED_RUNS ? layoutRun(face.font, text) : null;
  const script = whole?.script ?? scriptOf(face, parts);
  const direction = whole?.direction ?? (RIGHT_TO_LEFT.test(text) ? 'rtl' : 'ltr');
  const runs: ShapedRun[] = [];
  const partRun = (part: string): ShapedRun => {
    const key = `\u0000${script}\u0000${direction}\u0000${part}`;
    let run = face.runs.get(key);
    if (!run) remember(face, key, (run = layoutRun(face.font, part, script, direction)));
    return run;
  };
  for (const part of direction === 'rtl' ? parts.reverse() : joinKerned(parts, partRun)) runs.push(partRun(part));
  const joined = concatRuns(runs);
  if (whole) {
    const same = sameRun(whole, joined) && whole.glyphs.every((g, i) => sameChars(g.codePoints, joined.glyphs[i]?.codePoints));
    partChecks.set(face.font, same ? checks + 1 : false);
    if (!same) return whole;
  }
  return joined;
}

/**
 * CJK fonts kern a few pairs (Noto Sans SC sets a kana before 「。」 closer): characters whose pair
 * shapes differently from the two alone stay together as one part. Each pair is checked once.
 */
function joinKerned(chars: string[], partRun: (part: string) => ShapedRun): string[] {
  const out: string[] = [];
  let before = '';
  for (const ch of chars) {
    const last = out.length - 1;
    if (last >= 0 && !independent(before, ch, partRun)) out[last] += ch;
    else out.push(ch);
    before = ch;
  }
  return out;
}

function independent(a: string, b: string, partRun: (part: string) => ShapedRun): boolean {
  const pair = partRun(a + b);
  const [one, two] = [partRun(a), partRun(b)];
  return sameRun(pair, concatRuns([one, two]));
}

const spaceChecks = new WeakMap<fontkit.Font, Map<string, boolean>>();

/** Whether `ch` and a space after it shape as the two apart (no kerning or substitution between them). */
function spaceApart(face: Shaper, ch: string): boolean {
  // A lone surrogate half is no character: shape such a word whole.
  if (/[\uD800-\uDFFF]/.test(ch)) return false;
  let known = spaceChecks.get(face.font);
  if (!known) spaceChecks.set(face.font, (known = new Map()));
  let apart = known.get(ch);
  if (apart === undefined) {
    apart = sameRun(layoutRun(face.font, `${ch} `), concatRuns([layoutRun(face.font, ch), layoutRun(face.font, ' ')]));
    known.set(ch, apart);
  }
  return apart;
}

function sameChars(a: readonly number[], b: readonly number[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((c, i) => c === b[i]);
}

/** A run shaped whole, in a font whose parts are not independent. */
function wholeRun(face: Shaper, text: string): ShapedRun {
  let run = face.runs.get(text);
  if (!run) remember(face, text, (run = layoutRun(face.font, text)));
  return run;
}

/** The script fontkit would pick for the whole run: that of its first part with a script of its own. */
function scriptOf(face: Shaper, parts: readonly string[]): string {
  for (const part of parts) {
    if (part === ' ') continue;
    const key = `\u0001${part}`;
    let run = face.runs.get(key);
    if (!run) remember(face, key, (run = layoutRun(face.font, part)));
    if (run.script && run.script !== 'zzzz') return run.script;
  }
  // fontkit's own answer for a run of characters common to every script.
  return 'zzzz';
}
