import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { useUpdatesStore } from './store';

/** Update intents; the core decides and pushes `updates:state` as things move. */

export async function loadUpdates(): Promise<void> {
  const result = await api.invoke('updates:get');
  if (result.ok) useUpdatesStore.getState().setView(result.value);
}

export async function checkForUpdates(): Promise<string | null> {
  const result = await api.invoke('updates:check');
  if (!result.ok) return result.message;
  useUpdatesStore.getState().setView(result.value);
  return null;
}

export async function setUpdatesEnabled(enabled: boolean): Promise<string | null> {
  const result = await api.invoke('updates:configure', { enabled });
  if (!result.ok) return result.message;
  useUpdatesStore.getState().setView(result.value);
  announce(enabled ? 'Updates are on.' : 'Updates are off.');
  return null;
}

/** An empty address goes back to the feed built into the app. */
export async function saveFeed(feedUrl: string): Promise<string | null> {
  const result = await api.invoke('updates:configure', { feedUrl: feedUrl.trim() === '' ? null : feedUrl });
  if (!result.ok) return result.message;
  useUpdatesStore.getState().setView(result.value);
  announce(result.value.settings.feedUrl ? 'Update feed saved.' : 'Using the built-in update feed.');
  return null;
}

/** `confirm`: the meetings whose bots are live, to ask about before restarting. */
export async function restartToUpdate(confirmLive: boolean): Promise<{ confirm: string[] } | { error: string } | null> {
  const result = await api.invoke('updates:restart', { confirmLive });
  if (!result.ok) return { error: result.message };
  if (result.value.outcome === 'confirm') return { confirm: result.value.liveMeetings };
  announce('Restarting to install the update.');
  return null;
}
