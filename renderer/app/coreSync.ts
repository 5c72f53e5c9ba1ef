import type { AppState } from '../../shared/ipc/models';
import type { TypedApi } from '../../shared/ipc/bridge';
import { announce } from '../features/announcer/store';
import { useAppStore } from '../features/app/store';
import { useConnectionStore } from '../features/connection/store';
import { useSettingsStore } from '../features/settings/store';
import type { Link } from '../platform/api';

/**
 * The one place that listens to the core: pushed `app:state` events and the link status feed
 * the feature stores, which never talk to each other.
 */

export function applyAppState(state: AppState): void {
  const { connection, settings, ...info } = state;
  useAppStore.getState().setInfo(info);
  useConnectionStore.getState().setView(connection);
  useSettingsStore.getState().setTheme(settings.theme);
}

async function fetchState(api: TypedApi): Promise<void> {
  const result = await api.invoke('app:getState');
  if (result.ok) applyAppState(result.value);
}

export function startCoreSync(api: TypedApi, link: Link): () => void {
  const initial = link.status();
  useAppStore.getState().setLink(initial);
  const offState = api.on('app:state', applyAppState);
  const offLink = link.onStatus((status) => {
    const previous = useAppStore.getState().link;
    useAppStore.getState().setLink(status);
    if (status === 'lost') announce("Lost the connection to the app's core.");
    if (status === 'open') {
      if (previous === 'lost') announce("Reconnected to the app's core.");
      void fetchState(api);
    }
  });
  if (initial === 'open' || initial === 'connecting') void fetchState(api);
  return () => {
    offState();
    offLink();
  };
}
