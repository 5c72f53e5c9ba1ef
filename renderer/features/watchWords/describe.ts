import type { WatchHitView } from '../../../shared/ipc/watchWords';
import { cleanWatchWord, MAX_WATCH_WORDS, sameWatchWord } from '../../../shared/watchWords/match';

/** Watch words in words: what the Settings card and the hits list say. */

export type HitState = WatchHitView['state'];

/** A typed word as it is kept, or what is wrong with it. */
export function checkWatchWord(text: string, words: readonly string[]): { ok: true; value: string } | { ok: false; message: string } {
  const word = cleanWatchWord(text);
  if (!word) return { ok: false, message: 'A watch word needs at least one letter or digit.' };
  if (words.some((w) => sameWatchWord(w, word))) return { ok: false, message: `“${word}” is already watched.` };
  if (words.length >= MAX_WATCH_WORDS) return { ok: false, message: `At most ${MAX_WATCH_WORDS} watch words: remove one first.` };
  return { ok: true, value: word };
}

/** A hit's alert in words, beside its line in the list. */
export function hitStateText(state: HitState | undefined): string | null {
  switch (state) {
    case 'alerted':
      return 'notified';
    case 'quiet':
      return 'not notified: Do not disturb';
    case 'history':
      return 'said before the app followed the meeting';
    case 'waiting':
      return 'notifying…';
    default:
      return null;
  }
}
