import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { ShortcutAction } from '../../../shared/ipc/shortcutSettings';
import { looksLikeMeetingLink } from '../../../shared/meeting-link';
import { isVexaError } from '../../../shared/vexa/errors';
import { serverNameToShow, titled } from '../meetings/serverNaming';
import type { Clipboard, Clock, NotificationRequest, Notifier, OverlayWindows } from '../ports';

/** A meeting of one server, as the window names it. */
export interface MeetingInView {
  serverId: string;
  meetingId: number;
}

export type OverlayToggle =
  { kind: 'close' } | { kind: 'open'; meeting: TrackedMeetingView } | { kind: 'tell'; title: string; body: string };

const isLive = (m: TrackedMeetingView) => m.status === 'active';

/**
 * What the overlay shortcut does: an open overlay closes; otherwise it opens for the live meeting
 * the window shows, else for the only live meeting; with none (or several and none in view) the
 * person is told what to do.
 */
export function overlayToggle(input: {
  overlayOpen: boolean;
  inView: MeetingInView | null;
  followed: readonly TrackedMeetingView[];
  keys: string;
}): OverlayToggle {
  if (input.overlayOpen) return { kind: 'close' };
  const live = input.followed.filter(isLive);
  const { inView } = input;
  const shown = inView ? live.find((m) => m.serverId === inView.serverId && m.id === inView.meetingId) : undefined;
  if (shown) return { kind: 'open', meeting: shown };
  const [only, ...more] = live;
  if (only && more.length === 0) return { kind: 'open', meeting: only };
  if (only)
    return {
      kind: 'tell',
      title: 'Which meeting’s captions?',
      body: `${live.length} meetings are live. Open the one you want on the Live screen, then press ${input.keys} again.`,
    };
  return {
    kind: 'tell',
    title: 'No live meeting',
    body: 'The caption overlay shows a meeting while its bot is transcribing. Send a bot, and press the keys again once it is in the meeting.',
  };
}

export interface ShortcutActionDeps {
  clipboard: Clipboard;
  /** Sends a bot from the server Launch would offer for the link (`bots:launchTarget`). */
  launch(link: string): Promise<TrackedMeetingView>;
  /** The server a bot for this link would go to, for naming it in a refusal. */
  launchTargetOf(link: string): string | null;
  followed(): TrackedMeetingView[];
  servers(): ReadonlyArray<{ id: string; label: string; removed: boolean }>;
  notifier: Notifier;
  overlays: OverlayWindows;
  overlayOpen(): boolean;
  inView(): MeetingInView | null;
  /** The keys of an action as the person reads them, for "press … again". */
  keysOf(action: ShortcutAction): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The desktop shell brings its window to the front; the browser harness has none. */
  showApp(): void;
  clock: Clock;
}

/** What each shortcut does. The person pressed the keys, so each answers (a notification) even under Do Not Disturb. */
export function createShortcutActions(d: ShortcutActionDeps): Record<ShortcutAction, () => Promise<void>> {
  const notify = (request: Omit<NotificationRequest, 'id'>): void => d.notifier.notify({ id: `shortcut-${d.clock.now()}`, ...request });
  const serverName = (serverId: string | null) => (serverId ? serverNameToShow(d.servers(), serverId) : null);

  return {
    async sendBot() {
      // Only a meeting link is used; the clipboard may hold anything else, a key included, which is never shown.
      const text = (await d.clipboard.readText().catch(() => '')).trim();
      if (!looksLikeMeetingLink(text)) {
        notify({
          title: 'No meeting link on the clipboard',
          body: `Copy the meeting’s link (Google Meet, Microsoft Teams, Zoom or Jitsi), then press ${d.keysOf('sendBot')} again.`,
        });
        return;
      }
      try {
        const meeting = await d.launch(text);
        notify({
          serverId: meeting.serverId,
          meetingId: meeting.id,
          title: titled('Bot sent', serverName(meeting.serverId)),
          body: `${meeting.name}: the bot is on its way. You will hear when it waits in the lobby.`,
          onClick: () => d.emit('ui:focusMeeting', { serverId: meeting.serverId, meetingId: meeting.id }),
        });
      } catch (e) {
        const message = e instanceof UserFacingError ? e.message : isVexaError(e) ? e.userMessage : 'The bot could not be sent.';
        notify({ title: titled('No bot was sent', serverName(d.launchTargetOf(text))), body: message });
      }
    },
    async toggleOverlay() {
      const choice = overlayToggle({
        overlayOpen: d.overlayOpen(),
        inView: d.inView(),
        followed: d.followed(),
        keys: d.keysOf('toggleOverlay'),
      });
      if (choice.kind === 'tell') return notify({ title: choice.title, body: choice.body });
      if (choice.kind === 'close') {
        await d.overlays.close();
        d.emit('overlay:changed', { overlay: null });
        return;
      }
      const { serverId, id } = choice.meeting;
      const mode = await d.overlays.open(id, serverId);
      d.emit('overlay:changed', { overlay: { serverId, meetingId: id, mode } });
    },
    async showApp() {
      d.showApp();
    },
  };
}
