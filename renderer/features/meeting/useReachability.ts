import type { LibraryMeetingView } from '../../../shared/ipc/library';
import { useConnectionStore } from '../connection/store';
import { offlineBadge } from '../library/describe';
import { useLibraryStore } from '../library/store';
import { useLiveStore } from '../live/store';
import type { EditContext } from './describe';

export interface Reachability extends EditContext {
  /** The core can refresh this meeting from its server now. */
  reachable: boolean;
  connectedServerId: string | null;
}

/** Whether the meeting's server can be reached: it is the connected one and the app is not working offline. */
export function useReachability(meeting: Pick<LibraryMeetingView, 'serverId'>): Reachability {
  const connectedServerId = useConnectionStore((s) => s.view?.server?.id ?? null);
  const sync = useLibraryStore((s) => s.sync[meeting.serverId] ?? null);
  const live = useLiveStore((s) => s.state);
  const otherServer = meeting.serverId !== connectedServerId;
  const offline = otherServer || offlineBadge(sync, live) !== null;
  return { otherServer, offline, reachable: !offline, connectedServerId };
}
