import type { RunningBotView, TrackedMeetingView } from '../../../shared/ipc/models';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { useBotsStore, type MeetingTask } from './store';

/**
 * Bot intents. The core pushes the new list as `bots:changed` after each of them; applying the
 * returned meeting at once keeps the card from waiting on that event.
 */

async function withTask(meetingId: number, task: MeetingTask, work: () => Promise<string | null>): Promise<boolean> {
  const { setBusy, setError } = useBotsStore.getState();
  setBusy(meetingId, task);
  setError(meetingId, null);
  try {
    const failure = await work();
    if (failure) setError(meetingId, failure);
    return failure === null;
  } finally {
    setBusy(meetingId, null);
  }
}

export async function loadTracked(): Promise<void> {
  const result = await api.invoke('bots:tracked');
  if (result.ok) useBotsStore.getState().setMeetings(result.value);
}

export function stopMeeting(meeting: Pick<TrackedMeetingView, 'id' | 'name'>): Promise<boolean> {
  return withTask(meeting.id, 'stop', async () => {
    const result = await api.invoke('bots:stop', { meetingId: meeting.id });
    if (!result.ok) return result.message;
    useBotsStore.getState().upsert(result.value);
    announce(`Stopping the bot in ${meeting.name}.`);
    return null;
  });
}

export function dismissMeeting(meetingId: number): Promise<boolean> {
  return withTask(meetingId, 'dismiss', async () => {
    const result = await api.invoke('bots:dismiss', { meetingId });
    if (!result.ok) return result.message;
    useBotsStore.getState().remove(meetingId);
    return null;
  });
}

export function openMeeting(meetingId: number): Promise<boolean> {
  return withTask(meetingId, 'open', async () => {
    const result = await api.invoke('meetings:openLink', { meetingId });
    return result.ok ? null : result.message;
  });
}

export async function loadRunning(): Promise<void> {
  const { setRunning } = useBotsStore.getState();
  setRunning({ loading: true, error: null });
  const result = await api.invoke('bots:running');
  setRunning(result.ok ? { loading: false, bots: result.value } : { loading: false, error: result.message });
}

function matches(meeting: TrackedMeetingView, bot: RunningBotView): boolean {
  if (bot.meetingId !== null) return meeting.id === bot.meetingId;
  return meeting.platform === bot.platform && meeting.nativeId === bot.nativeMeetingId;
}

/**
 * Stops a bot from the server's running list. `bots:stop` needs a meeting the core follows, so a
 * bot sent from elsewhere is first brought into the list with `bots:refresh`.
 */
export async function stopRunningBot(bot: RunningBotView): Promise<string | null> {
  const find = () => useBotsStore.getState().meetings.find((m) => matches(m, bot) && m.status !== 'completed' && m.status !== 'failed');
  let meeting = find();
  if (!meeting) {
    const refreshed = await api.invoke('bots:refresh');
    if (!refreshed.ok) return refreshed.message;
    useBotsStore.getState().setMeetings(refreshed.value);
    meeting = find();
  }
  if (!meeting) return 'This bot is no longer running on the server.';
  const stopped = await stopMeeting(meeting);
  await loadRunning();
  return stopped ? null : (useBotsStore.getState().errors[meeting.id] ?? 'The bot could not be stopped.');
}

/** Finds the followed meeting for a platform and meeting id, asking the core to look again if needed. */
export async function findMeeting(platform: string, nativeId: string): Promise<TrackedMeetingView | null> {
  const pick = (list: TrackedMeetingView[]) => {
    const same = list.filter((m) => m.platform === platform && m.nativeId === nativeId);
    return same.find((m) => m.status !== 'completed' && m.status !== 'failed') ?? same[0] ?? null;
  };
  const known = pick(useBotsStore.getState().meetings);
  if (known) return known;
  const refreshed = await api.invoke('bots:refresh');
  if (!refreshed.ok) return null;
  useBotsStore.getState().setMeetings(refreshed.value);
  return pick(refreshed.value);
}
