import { api } from '../../platform/api';
import { useLibraryStore } from './store';

export async function loadMeetings(serverId: string | null): Promise<void> {
  const { started, finished } = useLibraryStore.getState();
  started(serverId);
  const result = await api.invoke('meetings:list');
  finished(serverId, result.ok ? { meetings: result.value } : { error: result.message });
}
