import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { ExportError, type FontFileReader } from './types';
import { shape, type ShapedRun } from './pdfShape';
import { woffToSfnt } from './woff';

export { shape, type ShapedRun };

/*
 * PDF fonts: open Noto fonts from the `@fontsource/*` packages (SIL OFL). Fontsource splits each
 * family into files by Unicode range (`unicode.json`), which lets an export load only the files
 * its text needs: a Latin transcript reads one 17 KB file, a Chinese one the few 50 KB slices
 * that hold its characters. pdfkit then embeds only the glyphs used (subsetting).
 * Families are tried in this order for each character; the first file whose range holds the
 * character and whose font has a glyph for it wins.
 */
interface FamilySpec {
  pkg: string;
  /** Subsets of `unicode.json` to use; `null` for all of them (the numbered slices of CJK and emoji). */
  subsets: readonly string[] | null;
}

export const FONT_FAMILIES: readonly FamilySpec[] = [
  { pkg: 'noto-sans', subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese', 'devanagari'] },
  { pkg: 'noto-sans-arabic', subsets: ['arabic'] },
  { pkg: 'noto-sans-hebrew', subsets: ['hebrew'] },
  { pkg: 'noto-sans-thai', subsets: ['thai'] },
  { pkg: 'noto-sans-sc', subsets: null },
  { pkg: 'noto-sans-kr', subsets: null },
  { pkg: 'noto-emoji', subsets: null },
];

export type Weight = 400 | 700;

export interface LoadedFace {
  /** Unique per file, e.g. `noto-sans-sc-4-700`; the name the face is registered under in a PDF. */
  key: string;
  font: fontkit.Font;
  /** What pdfkit is given: the font, with shaping results kept across documents. */
  pdfFont: fontkit.Font;
  unitsPerEm: number;
  /** Shaped runs by text, in font units. */
  runs: Map<string, ShapedRun>;
}

/** A run as pdfkit expects it: its own position objects (pdfkit scales them in place). */
class RunCopy {
  readonly glyphs: fontkit.Glyph[];
  readonly positions: fontkit.GlyphPosition[];
  constructor(run: ShapedRun) {
    this.glyphs = run.glyphs;
    this.positions = run.positions.map((p) => ({ ...p }));
  }
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

/**
 * pdfkit shapes every word again in each document; the font it is given answers from the shaped
 * runs kept here instead, so a word is shaped once per app session.
 */
function cachingFont(face: { font: fontkit.Font; runs: Map<string, ShapedRun> }): fontkit.Font {
  const wrapper = Object.create(face.font) as fontkit.Font;
  (wrapper as { layout: unknown }).layout = (text: string, features?: unknown) =>
    features === undefined || (Array.isArray(features) && features.length === 0)
      ? new RunCopy(shape(face, text))
      : face.font.layout(text, features as string[]);
  return wrapper;
}

const requireFromHere = createRequire(import.meta.url);

/** Reads from the installed `@fontsource/*` packages. */
export const readInstalledFont: FontFileReader = async (pkg, path) => {
  let file: string;
  try {
    file = requireFromHere.resolve(`@fontsource/${pkg}/${path}`);
  } catch {
    throw new ExportError(
      'font_unavailable',
      'The fonts for PDF export are missing from this installation. Reinstall the app or export another format.',
    );
  }
  return new Uint8Array(await readFile(file));
};

type Ranges = Map<number, string[]>;

function parseRanges(css: string, subset: string, into: Ranges): void {
  for (const part of css.split(',')) {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m?.[1]) continue;
    const lo = parseInt(m[1], 16);
    const hi = m[2] ? parseInt(m[2], 16) : lo;
    for (let cp = lo; cp <= hi; cp++) {
      const list = into.get(cp);
      if (list) list.push(subset);
      else into.set(cp, [subset]);
    }
  }
}

/** Fontsource names slice `[4]` of noto-sans-sc `noto-sans-sc-4-400-normal.woff`. */
function faceName(pkg: string, subset: string, weight: Weight): string {
  const slice = /^\[(\d+)\]$/.exec(subset);
  return `${pkg}-${slice ? slice[1] : subset}-${weight}`;
}

/** A font file as fontkit reads it; a damaged or unexpected one is an error a person can act on. */
function parseFont(bytes: Uint8Array, path: string): fontkit.Font {
  const damaged = (): ExportError =>
    new ExportError(
      'font_unavailable',
      `The PDF font ${path} is damaged in this installation. Reinstall the app or export another format.`,
    );
  let font: ReturnType<typeof fontkit.create>;
  try {
    const sfnt = woffToSfnt(bytes);
    font = fontkit.create(Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength));
  } catch {
    throw damaged();
  }
  if (!('layout' in font)) throw damaged();
  return font;
}

/** Finds, loads and caches the font files a text needs. One per font reader, shared by exports. */
export class FontLibrary {
  private readonly ranges = new Map<string, Promise<Ranges>>();
  private readonly faces = new Map<string, Promise<LoadedFace>>();
  private readonly chosen = new Map<string, LoadedFace | null>();

  constructor(private readonly read: FontFileReader) {}

  private rangesOf(family: FamilySpec): Promise<Ranges> {
    let p = this.ranges.get(family.pkg);
    if (!p) {
      p = this.read(family.pkg, 'unicode.json').then((bytes) => {
        const table = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
        const ranges: Ranges = new Map();
        for (const [subset, css] of Object.entries(table)) {
          if (family.subsets === null || family.subsets.includes(subset)) parseRanges(css, subset, ranges);
        }
        return ranges;
      });
      p.catch(() => this.ranges.delete(family.pkg));
      this.ranges.set(family.pkg, p);
    }
    return p;
  }

  private face(pkg: string, subset: string, weight: Weight): Promise<LoadedFace> {
    const key = faceName(pkg, subset, weight);
    const path = `files/${key}-normal.woff`;
    let p = this.faces.get(path);
    if (!p) {
      p = this.read(pkg, path).then((bytes) => {
        const font = parseFont(bytes, path);
        const runs = new Map<string, ShapedRun>();
        return { key, font, pdfFont: cachingFont({ font, runs }), unitsPerEm: font.unitsPerEm, runs };
      });
      p.catch(() => this.faces.delete(path));
      this.faces.set(path, p);
    }
    return p;
  }

  /** The face for a character, or null when no bundled font has it. */
  async resolve(cp: number, weight: Weight): Promise<LoadedFace | null> {
    const id = `${cp}:${weight}`;
    const known = this.chosen.get(id);
    if (known !== undefined) return known;
    let found: LoadedFace | null = null;
    for (const family of FONT_FAMILIES) {
      const subsets = (await this.rangesOf(family)).get(cp);
      if (!subsets) continue;
      for (const subset of subsets) {
        const face = await this.face(family.pkg, subset, weight);
        if (face.font.hasGlyphForCodePoint(cp)) {
          found = face;
          break;
        }
      }
      if (found) break;
    }
    this.chosen.set(id, found);
    return found;
  }

  /** Resolves every character first, so that layout can run synchronously afterwards. */
  async prepare(chars: Iterable<number>, weight: Weight): Promise<Map<number, LoadedFace | null>> {
    const out = new Map<number, LoadedFace | null>();
    for (const cp of chars) if (!out.has(cp)) out.set(cp, await this.resolve(cp, weight));
    return out;
  }
}

const libraries = new WeakMap<FontFileReader, FontLibrary>();

export function fontLibrary(read: FontFileReader = readInstalledFont): FontLibrary {
  let lib = libraries.get(read);
  if (!lib) {
    lib = new FontLibrary(read);
    libraries.set(read, lib);
  }
  return lib;
}

/** Advance width of `text` in points, with the font's shaping and kerning. */
export function measure(face: LoadedFace, text: string, size: number): number {
  return (shape(face, text).advanceWidth * size) / face.unitsPerEm;
}
