import type { RunningBotView, TrackedMeetingView } from '../../../shared/ipc/models';
import { trackedFor } from './running';
import { keyOfTracked, type MeetingKey } from '../../app/meetingKey';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { useBotsStore, type MeetingTask } from './store';

/**
 * Bot intents, each sent to the meeting's own server. The core pushes the new list as
 * `bots:changed` after each of them; applying the returned meeting at once keeps the card from
 * waiting on that event.
 */

type Followed = Pick<TrackedMeetingView, 'serverId' | 'id'>;

const keyOf = (meeting: Followed): MeetingKey => ({ serverId: meeting.serverId, meetingId: meeting.id });
const target = (meeting: Followed) => ({ serverId: meeting.serverId, meetingId: meeting.id });

async function withTask(meeting: Followed, task: MeetingTask, work: () => Promise<string | null>): Promise<boolean> {
  const { setBusy, setError } = useBotsStore.getState();
  const key = keyOf(meeting);
  setBusy(key, task);
  setError(key, null);
  try {
    const failure = await work();
    if (failure) setError(key, failure);
    return failure === null;
  } finally {
    setBusy(key, null);
  }
}

export async function loadTracked(): Promise<void> {
  const result = await api.invoke('bots:tracked');
  if (result.ok) useBotsStore.getState().setMeetings(result.value);
}

export function stopMeeting(meeting: Pick<TrackedMeetingView, 'serverId' | 'id' | 'name'>): Promise<boolean> {
  return withTask(meeting, 'stop', async () => {
    const result = await api.invoke('bots:stop', target(meeting));
    if (!result.ok) return result.message;
    useBotsStore.getState().upsert(result.value);
    announce(`Stopping the bot in ${meeting.name}.`);
    return null;
  });
}

export function dismissMeeting(meeting: Followed): Promise<boolean> {
  return withTask(meeting, 'dismiss', async () => {
    const result = await api.invoke('bots:dismiss', target(meeting));
    if (!result.ok) return result.message;
    useBotsStore.getState().remove(keyOf(meeting));
    return null;
  });
}

export function openMeeting(meeting: Followed): Promise<boolean> {
  return withTask(meeting, 'open', async () => {
    const result = await api.invoke('meetings:openLink', target(meeting));
    return result.ok ? null : result.message;
  });
}

/** One server's own list of running bots (`GET /bots/status`). */
export async function loadRunning(serverId: string): Promise<void> {
  const { setRunning } = useBotsStore.getState();
  setRunning(serverId, { loading: true, error: null });
  const result = await api.invoke('bots:running', { serverId });
  setRunning(serverId, result.ok ? { loading: false, bots: result.value } : { loading: false, error: result.message });
}

function matches(meeting: TrackedMeetingView, bot: RunningBotView): boolean {
  return trackedFor([meeting], bot) !== undefined;
}

/**
 * Stops a bot from a server's running list. `bots:stop` needs a meeting the core follows, so a
 * bot sent from elsewhere is first brought into the list with `bots:refresh` of that server.
 */
export async function stopRunningBot(bot: RunningBotView): Promise<string | null> {
  const find = () => useBotsStore.getState().meetings.find((m) => matches(m, bot) && m.status !== 'completed' && m.status !== 'failed');
  let meeting = find();
  if (!meeting) {
    const refreshed = await api.invoke('bots:refresh', { serverId: bot.serverId });
    if (!refreshed.ok) return refreshed.message;
    useBotsStore.getState().setServerMeetings(bot.serverId, refreshed.value);
    meeting = find();
  }
  if (!meeting) return 'This bot is no longer running on the server.';
  const stopped = await stopMeeting(meeting);
  await loadRunning(bot.serverId);
  return stopped ? null : (useBotsStore.getState().errors[keyOfTracked(meeting)] ?? 'The bot could not be stopped.');
}

/**
 * Finds the followed meeting for a platform and meeting id on one server (any server when none is
 * named), asking the core to look again if needed.
 */
export async function findMeeting(platform: string, nativeId: string, serverId?: string): Promise<TrackedMeetingView | null> {
  const pick = (list: TrackedMeetingView[]) => {
    const same = list.filter(
      (m) => m.platform === platform && m.nativeId === nativeId && (serverId === undefined || m.serverId === serverId),
    );
    return same.find((m) => m.status !== 'completed' && m.status !== 'failed') ?? same[0] ?? null;
  };
  const known = pick(useBotsStore.getState().meetings);
  if (known) return known;
  const refreshed = await api.invoke('bots:refresh', serverId ? { serverId } : {});
  if (!refreshed.ok) return null;
  if (serverId) useBotsStore.getState().setServerMeetings(serverId, refreshed.value);
  else useBotsStore.getState().setMeetings(refreshed.value);
  return pick(refreshed.value);
}
