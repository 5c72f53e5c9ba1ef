import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { MeetingKey } from '../../app/meetingKey';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { languageName } from '../launch/describe';
import { useNavigationStore } from '../navigation/store';
import { useLiveStore } from './store';

/** Live screen intents: which meeting fills it, the overlay, the bot's settings, reconnecting. */

export function showLiveCaptions(meeting: MeetingKey): void {
  useLiveStore.getState().select({ serverId: meeting.serverId, meetingId: meeting.meetingId });
  useNavigationStore.getState().go('live');
}

export function showAllLiveMeetings(): void {
  useLiveStore.getState().select(null);
}

/** "Reconnect now" for one server's live connection; null on success, else a sentence for the person. */
export async function reconnectLive(serverId: string | null): Promise<string | null> {
  const result = await api.invoke('live:reconnectNow', serverId ? { serverId } : {});
  if (!result.ok) return result.message;
  useLiveStore.getState().setState(result.value);
  return null;
}

/** Returns null on success, else a sentence for the person. */
export async function openOverlay(meeting: Pick<TrackedMeetingView, 'serverId' | 'id' | 'name'>): Promise<string | null> {
  const result = await api.invoke('overlay:open', { serverId: meeting.serverId, meetingId: meeting.id });
  if (!result.ok) return result.message;
  useLiveStore.getState().setOverlay({ serverId: meeting.serverId, meetingId: meeting.id, mode: result.value.mode });
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
export async function configureBot(
  meeting: Pick<TrackedMeetingView, 'serverId' | 'id' | 'name'>,
  change: BotConfigChange,
): Promise<string | null> {
  const result = await api.invoke('bots:config', { serverId: meeting.serverId, meetingId: meeting.id, ...change });
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
