import { shape, type LoadedFace } from './pdfFonts';
import type { Piece } from './pdfText';

/*
 * Draws laid-out pieces into a pdfkit document. pdfkit's own `text()` lays every piece out again
 * (word by word, array concatenation per word) and writes each fragment as its own content chunk
 * inside a save/transform/restore; for a long transcript that is most of the PDF's cost. This
 * writer emits the same operators pdfkit would (the same glyphs, kerning and text positions, in
 * the same subset font) from the runs the layout already shaped, encodes each distinct word once
 * per document, and writes a page's text as one chunk. Pieces it cannot express as a plain run of
 * glyphs (shaped right-to-left text, marks positioned by the font) still go through `text()`.
 *
 * It relies on the parts of pdfkit 0.20's embedded font that `text()` itself uses: `id`, `ref()`,
 * `subset`, `widths` and `unicode` (the last two feed the font's width table and ToUnicode map).
 */

interface EmbeddedFont {
  id: string;
  /** 1000 / unitsPerEm: PDF text space is in thousandths of the font size. */
  scale: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface PdfkitInternals {
  _font: EmbeddedFont;
  page: { fonts: Record<string, unknown> };
  addContent(data: string | Uint8Array): unknown;
}

/** pdfkit's number format: rounded to six decimals. */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function colorOperator(color: string): string {
  const hex = parseInt(color.length === 4 ? color.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3').slice(1) : color.slice(1), 16);
  const parts = [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((c) => num(c / 255));
  return `${parts.join(' ')} rg`;
}

/** A byte of a literal string: the delimiters, the escape and line ends are escaped, the rest is raw. */
function literalByte(byte: number): string {
  switch (byte) {
    case 0x28:
      return '\\(';
    case 0x29:
      return '\\)';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    default:
      return String.fromCharCode(byte);
  }
}

/**
 * A glyph's two-byte code (Identity-H) as literal-string characters: half the size of pdfkit's hex
 * strings, which halves what the page's compression has to read.
 */
function glyphCode(gid: number): string {
  return literalByte(gid >> 8) + literalByte(gid & 0xff);
}

interface FontState {
  face: LoadedFace;
  font: EmbeddedFont;
  /** Glyph id in the subset -> its two-byte code as literal-string characters, for this document. */
  codes: string[];
  /** Word (with its trailing space) -> TJ array elements; null when the word needs `text()`. */
  words: Map<string, string | null>;
  /** `glyph id:code points` -> the subset glyph that reads back as those characters. */
  meanings: Map<string, number>;
}

export class PdfTextWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly internals: PdfkitInternals;
  private readonly fonts = new Map<string, FontState>();
  private readonly colors = new Map<string, string>();
  private parts: string[] = [];
  private color = '';

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.internals = doc as unknown as PdfkitInternals;
  }

  /** Ends the page's text and starts a new page. */
  newPage(): void {
    this.flush();
    this.doc.addPage();
    // A new page starts with a fresh graphics state, so the fill colour must be set again.
    this.color = '';
  }

  /** Draws a piece with its left edge at x and its baseline at y (pdfkit's top-down coordinates). */
  draw(piece: Piece, x: number, baseline: number, size: number): void {
    if (piece.text.length === 0) return;
    const state = this.fontFor(piece.face);
    this.setColor(piece.color);
    const tj = piece.shaped ? null : this.encode(state, piece.text);
    if (tj === null) {
      this.drawWithPdfkit(piece, x, baseline, size);
      return;
    }
    // The page's resources name every font drawn on it (pdfkit's text() does the same).
    this.internals.page.fonts[state.font.id] ??= state.font.ref();
    // The page's transform is flipped (y down), so the text matrix flips back to upright glyphs.
    this.parts.push(`BT\n1 0 0 -1 ${num(x)} ${num(baseline)} Tm\n/${state.font.id} ${num(size)} Tf\n[${tj}] TJ\nET`);
  }

  /** Writes the text drawn since the last flush into the page. */
  flush(): void {
    if (this.parts.length === 0) return;
    // Latin-1 keeps every character a single byte (glyph codes are raw bytes).
    this.internals.addContent(Buffer.from(`${this.parts.join('\n')}\n`, 'latin1'));
    this.parts = [];
  }

  private fontFor(face: LoadedFace): FontState {
    let state = this.fonts.get(face.key);
    if (!state) {
      // pdfkit 0.20 accepts a parsed fontkit font as a font source, so each file is parsed once per process.
      this.doc.registerFont(face.key, face.pdfFont as unknown as Uint8Array);
      this.doc.font(face.key);
      state = { face, font: this.internals._font, codes: [], words: new Map(), meanings: new Map() };
      this.fonts.set(face.key, state);
    }
    return state;
  }

  private setColor(color: string): void {
    if (color === this.color) return;
    let op = this.colors.get(color);
    if (!op) this.colors.set(color, (op = colorOperator(color)));
    this.parts.push(op);
    this.color = color;
  }

  /** TJ array elements for a left-to-right run, laid out word by word like pdfkit's `text()`. */
  private encode(state: FontState, text: string): string | null {
    const out: string[] = [];
    let last = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) continue;
      const end = Math.min(i + 1, text.length);
      if (end > last) {
        const word = this.word(state, text.slice(last, end));
        if (word === null) return null;
        if (word) out.push(word);
      }
      last = end;
    }
    return out.join(' ');
  }

  private word(state: FontState, text: string): string | null {
    const known = state.words.get(text);
    if (known !== undefined) return known;
    const { face, font, codes } = state;
    const run = shape(face, text);
    let elements = '';
    let pending = '';
    let ok = true;
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i]!;
      const pos = run.positions[i]!;
      if (pos.xOffset || pos.yOffset) {
        ok = false;
        break;
      }
      const gid = font.subset.includeGlyph(glyph.id);
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= glyph.codePoints;
      pending += codes[gid] ??= glyphCode(gid);
      const adjust = (pos.xAdvance - glyph.advanceWidth) * font.scale;
      if (adjust !== 0) {
        elements += `${elements ? ' ' : ''}(${pending}) ${num(-adjust)}`;
        pending = '';
      }
    }
    if (pending) elements += `${elements ? ' ' : ''}(${pending})`;
    const result = ok ? elements : null;
    state.words.set(text, result);
    return result;
  }

  private drawWithPdfkit(piece: Piece, x: number, baseline: number, size: number): void {
    if (piece.shaped) {
      this.drawShaped(piece, x, baseline, size);
      return;
    }
    this.flush();
    this.doc.font(piece.face.key).fontSize(size);
    this.doc.text(piece.text, x, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      textWidth: piece.width,
    } as PDFKit.Mixins.TextOptions);
  }

  /**
   * A shaped run (right-to-left scripts, marks the font positions), glyph by glyph in visual
   * order, each with a code whose ToUnicode entry spells the letter it draws. Text extractors
   * (poppler's pdftotext, pdf.js, Acrobat) read glyphs in visual order and put right-to-left text
   * back in logical order themselves. An `ActualText` span instead would be read by poppler as
   * left-to-right and come out reversed, and pdf.js ignores it.
   */
  private drawShaped(piece: Piece, x: number, baseline: number, size: number): void {
    const state = this.fontFor(piece.face);
    this.internals.page.fonts[state.font.id] ??= state.font.ref();
    const run = shape(piece.face, piece.text);
    const unit = size / piece.face.font.unitsPerEm;
    const ops: string[] = [`BT\n/${state.font.id} ${num(size)} Tf`];
    let pen = x;
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i]!;
      const pos = run.positions[i]!;
      const code = this.meaningCode(state, glyph.id, glyph.advanceWidth, glyph.codePoints);
      // The page's y axis points down; the font's y offsets point up.
      ops.push(`1 0 0 -1 ${num(pen + pos.xOffset * unit)} ${num(baseline - pos.yOffset * unit)} Tm\n(${code}) Tj`);
      pen += pos.xAdvance * unit;
    }
    ops.push('ET');
    this.parts.push(ops.join('\n'));
  }

  /**
   * The glyph's code for these characters. Fonts share one glyph between letters (Noto Sans Arabic
   * draws ب, ت, ث and ن from one dotless base plus dots), but a code maps to one text in the
   * ToUnicode map: a glyph that must spell different letters is added to the subset once per
   * spelling, so that each code reads back as the letter it stands for.
   */
  private meaningCode(state: FontState, glyphId: number, advance: number, codePoints: readonly number[]): string {
    const { font, codes } = state;
    const key = `${glyphId}:${codePoints.join(',')}`;
    let gid = state.meanings.get(key);
    if (gid === undefined) {
      gid = font.subset.includeGlyph(glyphId);
      const known = font.unicode[gid];
      if (known !== undefined && known.join(',') !== codePoints.join(',')) {
        const subset = font.subset as unknown as { glyphs: number[] };
        subset.glyphs.push(glyphId);
        gid = subset.glyphs.length - 1;
      }
      font.widths[gid] ??= advance * font.scale;
      font.unicode[gid] ??= [...codePoints];
      state.meanings.set(key, gid);
    }
    return (codes[gid] ??= glyphCode(gid));
  }
}
