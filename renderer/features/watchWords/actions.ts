import { cleanWatchWord, MAX_WATCH_WORDS, sameWatchWord } from '../../../shared/watchWords/match';
import type { WatchHitView } from '../../../shared/ipc/watchWords';
import type { WatchWordSettings } from '../../../shared/watchWords/settings';
import type { MeetingKey } from '../../app/meetingKey';
import { api } from '../../platform/api';
import { useSettingsStore } from '../settings/store';

/** The list shows the change at once; a refusal from the core puts it back and says why. */
export async function saveWatchWords(next: WatchWordSettings): Promise<string | null> {
  const { watchWords: previous, setSettings } = useSettingsStore.getState();
  setSettings({ watchWords: next });
  const result = await api.invoke('settings:update', { watchWords: next });
  if (result.ok) {
    setSettings({ watchWords: result.value.watchWords });
    return null;
  }
  setSettings({ watchWords: previous });
  return result.message;
}

/** A typed word as it is kept, or what is wrong with it. */
export function checkWatchWord(text: string, words: readonly string[]): { ok: true; value: string } | { ok: false; message: string } {
  const word = cleanWatchWord(text);
  if (!word) return { ok: false, message: 'A watch word needs at least one letter or digit.' };
  if (words.some((w) => sameWatchWord(w, word))) return { ok: false, message: `“${word}” is already watched.` };
  if (words.length >= MAX_WATCH_WORDS) return { ok: false, message: `At most ${MAX_WATCH_WORDS} watch words: remove one first.` };
  return { ok: true, value: word };
}

export type HitState = WatchHitView['state'];

/** How the core alerted each watch-word line of a live meeting (empty when it cannot say). */
export async function readHitStates(meeting: MeetingKey): Promise<Record<string, HitState>> {
  const result = await api.invoke('watchWords:hits', { serverId: meeting.serverId, meetingId: meeting.meetingId });
  return result.ok ? Object.fromEntries(result.value.map((h) => [h.lineKey, h.state])) : {};
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
