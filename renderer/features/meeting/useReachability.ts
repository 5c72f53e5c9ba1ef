import type { LibraryMeetingView } from '../../../shared/ipc/library';
import { useConnectionStore } from '../connection/store';
import { useLibraryStore } from '../library/store';
import { useLiveStore } from '../live/store';
import type { EditContext } from './describe';

export interface Reachability extends EditContext {
  /** The core can refresh this meeting from its server now. */
  reachable: boolean;
  connectedServerId: string | null;
}

/** Whether the meeting's server can be reached: it is the connected one, and neither sync nor the live connection is down. */
export function useReachability(meeting: Pick<LibraryMeetingView, 'serverId'>): Reachability {
  const connectedServerId = useConnectionStore((s) => s.view?.server?.id ?? null);
  const syncPhase = useLibraryStore((s) => s.sync[meeting.serverId]?.phase ?? null);
  const liveStatus = useLiveStore((s) => s.state?.status ?? null);
  const otherServer = meeting.serverId !== connectedServerId;
  const offline = otherServer || syncPhase === 'offline' || liveStatus === 'reconnecting' || liveStatus === 'offline';
  return { otherServer, offline, reachable: !offline, connectedServerId };
}
