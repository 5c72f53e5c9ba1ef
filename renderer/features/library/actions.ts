import { api } from '../../platform/api';
import { useLibraryStore } from './store';

export async function loadMeetings(serverId: string | null): Promise<void> {
  const { setState } = useLibraryStore.getState();
  setState({ status: 'loading' }, serverId);
  const result = await api.invoke('meetings:list');
  // A server switch while the request was in flight makes this answer stale.
  if (useLibraryStore.getState().serverId !== serverId) return;
  setState(result.ok ? { status: 'ready', meetings: result.value } : { status: 'error', message: result.message }, serverId);
}
