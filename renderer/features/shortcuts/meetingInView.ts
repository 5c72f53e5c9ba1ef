import type { TypedApi } from '../../../shared/ipc/bridge';
import { useLiveStore } from '../live/store';
import { useNavigationStore } from '../navigation/store';

type InView = { serverId: string; meetingId: number } | null;

/** The meeting the Live screen shows, if it is the screen in view. */
function meetingInView(): InView {
  if (useNavigationStore.getState().screen !== 'live') return null;
  const selected = useLiveStore.getState().selected;
  return selected ? { serverId: selected.serverId, meetingId: selected.meetingId } : null;
}

/**
 * Tells the core which live meeting the window shows, so the overlay shortcut acts on it (the
 * core works out whether it is live). Returns the unsubscribe function.
 */
export function reportMeetingInView(api: Pick<TypedApi, 'invoke'>): () => void {
  let last: string | null = null;
  const report = () => {
    const now = meetingInView();
    const key = JSON.stringify(now);
    if (key === last) return;
    last = key;
    void api.invoke('shortcuts:meetingInView', now);
  };
  report();
  const offs = [useNavigationStore.subscribe(report), useLiveStore.subscribe(report)];
  return () => {
    for (const off of offs) off();
  };
}
