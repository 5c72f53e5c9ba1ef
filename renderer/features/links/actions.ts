import type { TypedApi } from '../../../shared/ipc/bridge';
import type { LinkRequest } from '../../../shared/ipc/links';
import type { Link } from '../../platform/api';
import { announce } from '../announcer/store';
import { useLaunchStore } from '../launch/store';
import { openMeeting } from '../meeting/actions';
import { useNavigationStore } from '../navigation/store';
import { useLinksStore } from './store';

/**
 * What a `vexa://` link asks of the window. A join link only fills Launch in and puts the focus on
 * the link field: the bot goes when the person presses Enter or Send, so a web page that opens
 * the link cannot send bots by itself.
 */
export function applyLinkRequest(request: LinkRequest): void {
  const navigation = useNavigationStore.getState();
  if (request.kind === 'join') {
    useLinksStore.getState().dismiss();
    useLaunchStore.getState().setLink(request.link);
    useLaunchStore.getState().requestLinkFocus();
    navigation.go('launch');
    announce('A meeting link from a Vexa link is filled in on Launch. Press Enter to send a bot to it.');
  } else if (request.kind === 'meeting') {
    useLinksStore.getState().dismiss();
    navigation.go('library');
    openMeeting(request.meetingId, { serverId: request.serverId });
  } else {
    useLinksStore.getState().refused(request.message);
  }
}

/** Takes the links waiting in the core and acts on each, oldest first. */
export async function takeLinks(api: Pick<TypedApi, 'invoke'>): Promise<void> {
  const result = await api.invoke('links:take');
  if (!result.ok) return;
  for (const request of result.value) applyLinkRequest(request);
}

/**
 * The main window takes links when it starts (a link may have started the app), whenever the
 * core says one waits, and after its connection to the core comes back (the event may have been
 * sent while it was down). The caption overlay does not call this, so it never takes a link.
 */
export function followLinks(api: Pick<TypedApi, 'invoke' | 'on'>, link: Pick<Link, 'status' | 'onStatus'>): () => void {
  const take = (): void => void takeLinks(api);
  const offs = [
    api.on('links:waiting', take),
    link.onStatus((status) => {
      if (status === 'open') take();
    }),
  ];
  if (link.status() === 'open') take();
  return () => {
    for (const off of offs) off();
  };
}
