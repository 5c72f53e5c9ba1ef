import { RTL_CHAR } from '../../../shared/bidi';

export { RTL_CHAR };
const LETTER = /\p{L}/u;

/** The direction of the first strongly directional character (Unicode bidi rule P2), or null. */
export function baseDirection(text: string): 'ltr' | 'rtl' | null {
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'ltr';
    if (c < 0x80) continue;
    if (RTL_CHAR.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
  }
  return null;
}

export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}
