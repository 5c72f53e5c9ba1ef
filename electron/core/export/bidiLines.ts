import bidiFactory from 'bidi-js';
import { hasRtl } from './direction';

/** Bidi for PDF lines: Unicode UAX #9 embedding levels from bidi-js, reordering (rule L2) per line. */
const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function levelsFor(head: string, body: string, rtl: boolean): Uint8Array | null {
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
export function visualOrder(levels: Uint8Array, start: number, end: number): number[] {
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
    for (let i = 0; i < order.length;) {
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

export function mirrored(text: string): string {
  const parts = [...graphemes.segment(text)].map((g) => g.segment).reverse();
  return parts.map((g) => (g.length === 1 ? (bidi.getMirroredCharacter(g) ?? g) : g)).join('');
}

/** Keeps the two halves of a surrogate pair at one level, so no piece splits a character. */
export function pairLevels(text: string, levels: Uint8Array | null): void {
  if (!levels) return;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) levels[i] = levels[i - 1] ?? 0;
  }
}
