import type { TypedApi } from '../../../shared/ipc/bridge';
import { useNavigationStore } from './store';

/** The desktop shell's menu asks for a screen (Settings…, Cmd/Ctrl+,): the window shows it. */
export function followShellNavigation(api: Pick<TypedApi, 'on'>): () => void {
  return api.on('ui:navigate', ({ screen }) => useNavigationStore.getState().go(screen));
}
