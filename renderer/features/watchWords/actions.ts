import type { WatchWordSettings } from '../../../shared/watchWords/defaults';
import type { MeetingKey } from '../../app/meetingKey';
import { api } from '../../platform/api';
import { useSettingsStore } from '../settings/store';
import type { HitState } from './describe';

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

/** How the core alerted each watch-word line of a live meeting (empty when it cannot say). */
export async function readHitStates(meeting: MeetingKey): Promise<Record<string, HitState>> {
  const result = await api.invoke('watchWords:hits', { serverId: meeting.serverId, meetingId: meeting.meetingId });
  return result.ok ? Object.fromEntries(result.value.map((h) => [h.lineKey, h.state])) : {};
}
