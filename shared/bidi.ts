/**
 * Keeping text from a server (meeting names, speakers, notes) from reordering the app's own words
 * around it. Unicode's bidi algorithm (UAX #9) lets one character such as RIGHT-TO-LEFT OVERRIDE
 * (U+202E) reverse everything after it in the same paragraph; an isolate (FSI U+2068 … PDI U+2069,
 * or an HTML `<bdi>`) confines it. A stray PDI inside the text would close the isolate around it
 * early (the browser's `<bdi>` included), so the text is balanced before it is isolated.
 */

const FSI = '\u2068';
const PDI = '\u2069';
const INITIATORS = new Set(['\u2066', '\u2067', '\u2068']);
const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const POP_FORMATTING = '\u202C';

/** Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). */
const EXPLICIT = /[\u202A-\u202E\u2066-\u2069]/;
/** Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms. */
export const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

export function hasBidiControls(text: string): boolean {
  return EXPLICIT.test(text);
}

/**
 * The text with every PDI that closes nothing inside it dropped, and every isolate, embedding or
 * override it opens closed at its end: it can sit inside an isolate without ending it. Text with
 * no explicit controls comes back unchanged.
 */
export function balanceBidi(text: string): string {
  return balanceBidiParts([text])[0] ?? '';
}

/** `balanceBidi` over text shown in pieces (a search snippet with its matches marked), in order. */
export function balanceBidiParts(parts: readonly string[]): string[] {
  if (!parts.some((p) => EXPLICIT.test(p))) return [...parts];
  // The open initiators, innermost last: an isolate initiator, or an embedding/override.
  const open: Array<'isolate' | 'embedding'> = [];
  const out = parts.map((part) => {
    let kept = '';
    for (const ch of part) {
      if (INITIATORS.has(ch)) open.push('isolate');
      else if (EMBEDDINGS.has(ch)) open.push('embedding');
      else if (ch === PDI) {
        const at = open.lastIndexOf('isolate');
        if (at < 0) continue;
        // A PDI also ends the embeddings opened inside its isolate (UAX #9 X6a).
        open.length = at;
      } else if (ch === POP_FORMATTING) {
        if (open.at(-1) !== 'embedding') continue;
        open.pop();
      }
      kept += ch;
    }
    return kept;
  });
  let closers = '';
  for (let i = open.length - 1; i >= 0; i--) closers += open[i] === 'isolate' ? PDI : POP_FORMATTING;
  if (out.length > 0) out[out.length - 1] += closers;
  return out;
}

/**
 * For text joined into one string with the app's own words (OS notifications, the tray menu,
 * plain-text exports, sentences in the window): FSI … PDI around it where it could reorder them,
 * i.e. when it holds right-to-left letters or explicit controls; other text is returned as it is.
 */
export function isolate(text: string): string {
  if (!EXPLICIT.test(text) && !RTL_CHAR.test(text)) return text;
  return `${FSI}${balanceBidi(text)}${PDI}`;
}

/** Like `isolate`, but only for text with explicit controls: right-to-left text stays byte for byte. */
export function isolateControls(text: string): string {
  return EXPLICIT.test(text) ? `${FSI}${balanceBidi(text)}${PDI}` : text;
}
