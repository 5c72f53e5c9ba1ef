import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import type { OverlayWindows } from '../ports';

const ENDED: ReadonlySet<TrackedMeetingView['status']> = new Set(['completed', 'failed']);

/**
 * The caption overlay, however it was opened (the Live screen, the tray, the global shortcut),
 * closes when its meeting ends: it has nothing more to show, and an always-on-top window left
 * behind would cover the app's own buttons and the person's other windows for nothing.
 */
export function followOverlay(overlays: OverlayWindows): {
  overlays: OverlayWindows;
  observe<E extends EventName>(event: E, payload: EventPayload<E>): void;
} {
  let showing: { meetingId: number; serverId: string } | null = null;
  return {
    overlays: {
      async open(meetingId, serverId) {
        const mode = await overlays.open(meetingId, serverId);
        showing = { meetingId, serverId };
        return mode;
      },
      async close() {
        showing = null;
        await overlays.close();
      },
      resize: (size) => overlays.resize(size),
      ...(overlays.isOpen ? { isOpen: () => overlays.isOpen?.() ?? false } : {}),
    },
    observe(event, payload) {
      if (event !== 'bots:changed' || !showing) return;
      const shown = showing;
      const meeting = (payload as TrackedMeetingView[]).find((m) => m.id === shown.meetingId && m.serverId === shown.serverId);
      if (!meeting || !ENDED.has(meeting.status)) return;
      showing = null;
      void overlays.close();
    },
  };
}
