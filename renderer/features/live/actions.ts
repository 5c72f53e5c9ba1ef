import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { languageName } from '../launch/describe';
import { useNavigationStore } from '../navigation/store';
import { useLiveStore } from './store';

/** Live screen intents: which meeting fills it, the overlay, the bot's settings, reconnecting. */

export function showLiveCaptions(meetingId: number): void {
  useLiveStore.getState().select(meetingId);
  useNavigationStore.getState().go('live');
}

export function showAllLiveMeetings(): void {
  useLiveStore.getState().select(null);
}

export async function reconnectLive(): Promise<void> {
  const result = await api.invoke('live:reconnectNow');
  if (result.ok) useLiveStore.getState().setState(result.value);
}

/** Returns null on success, else a sentence for the person. */
export async function openOverlay(meeting: Pick<TrackedMeetingView, 'id' | 'name'>): Promise<string | null> {
  const result = await api.invoke('overlay:open', { meetingId: meeting.id });
  if (!result.ok) return result.message;
  useLiveStore.getState().setOverlay({ meetingId: meeting.id, mode: result.value.mode });
  announce(
    result.value.mode === 'window'
      ? `Caption overlay for ${meeting.name} opened in its own window, on top of other windows.`
      : `Caption overlay for ${meeting.name} opened.`,
  );
  return null;
}

/** The overlay window asks the desktop shell for a size that fits its text; nothing to do if it cannot. */
export async function requestOverlaySize(size: { width: number; height: number }): Promise<void> {
  await api.invoke('overlay:resize', size);
}

export async function closeOverlay(): Promise<void> {
  useLiveStore.getState().setOverlay(null);
  await api.invoke('overlay:close');
}

export interface BotConfigChange {
  language?: string;
  task?: 'transcribe' | 'translate';
}

/** Returns null on success, else the server's reason in words for the person. */
export async function configureBot(meeting: Pick<TrackedMeetingView, 'id' | 'name'>, change: BotConfigChange): Promise<string | null> {
  const result = await api.invoke('bots:config', { meetingId: meeting.id, ...change });
  if (!result.ok) return result.message;
  const what =
    change.language !== undefined
      ? change.language === 'auto'
        ? 'detect the language'
        : `transcribe ${languageName(change.language)}`
      : change.task === 'translate'
        ? 'translate into English'
        : 'transcribe in the language spoken';
  announce(`The bot in ${meeting.name} will now ${what}.`);
  return null;
}
