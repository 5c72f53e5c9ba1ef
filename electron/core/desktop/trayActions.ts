import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { looksLikeMeetingLink, parseMeetingLink, platformLabel } from '../../../shared/meeting-link';
import { isVexaError } from '../../../shared/vexa/errors';
import { titled } from '../meetings/serverNaming';
import type { NotificationRequest, OverlayWindows, TrayMenuItem } from '../ports';
import { trayMenuModel, type TrayAction, type TrayMenuInput } from './trayMenu';

export type { ClipboardOffer } from './trayMenu';

/**
 * The meeting a clipboard text names, as the app names a meeting it sends a bot to (botService.ts:
 * "Google Meet · abc-defg-hij"); null unless the text is a known meeting link. The same check as
 * the window's offer of the clipboard (`clipboard:meetingLink`): anything else, a key included,
 * is never shown.
 */
export function clipboardMeeting(text: string): string | null {
  if (text === '' || text.length > 4000 || !looksLikeMeetingLink(text)) return null;
  const parsed = parseMeetingLink(text);
  return parsed.ok ? `${platformLabel(parsed.value.platform)} · ${parsed.value.nativeMeetingId}` : null;
}

/** The menu model as the TrayView port's items; each press runs its action. */
export function trayItems(input: TrayMenuInput, run: (action: TrayAction) => Promise<void>): TrayMenuItem[] {
  return trayMenuModel(input).map((e): TrayMenuItem =>
    e.kind === 'separator'
      ? { separator: true, label: '' }
      : e.kind === 'info'
        ? { label: e.label, enabled: false }
        : {
            label: e.label,
            enabled: e.enabled,
            onClick: () => void run(e.action),
            // Showing a meeting needs the window in front: after closing to the tray it is hidden.
            ...(e.action.kind === 'focus' ? { opensWindow: true } : {}),
          },
  );
}

export interface TrayActionDeps {
  sessions: {
    launch(input: { link: string }): Promise<TrackedMeetingView>;
    require(serverId: string, action: string): { bots: { stop(meetingId: number): Promise<unknown> } };
  };
  notify(request: NotificationRequest): void;
  readClipboard(): Promise<string>;
  openOverlay: OverlayWindows['open'];
  focus(serverId: string, meetingId: number): void;
  /** The server's label while there are several, else null. */
  serverName(serverId: string): string | null;
  now(): number;
  warn(message: string, fields?: Record<string, unknown>): void;
}

function reason(e: unknown, fallback: string): string {
  return e instanceof UserFacingError ? e.message : isVexaError(e) ? e.userMessage : fallback;
}

/**
 * What a tray press does. The person pressed it, so "send" sends at once, from the server Launch
 * would offer (`Sessions.launch` without a server); the tray has no page to answer on, so the
 * outcome comes back as a notification (clicking it shows the meeting). Notifications here are
 * answers to a press, not alerts, so Do Not Disturb does not hold them back.
 */
export function trayActionRunner(d: TrayActionDeps): (action: TrayAction) => Promise<void> {
  const failed = (title: string, serverId: string | null, body: string): void =>
    d.notify({ id: `tray-${d.now()}`, title: titled(title, serverId ? d.serverName(serverId) : null), body });

  const send = async (link: string | null): Promise<void> => {
    const text = link ?? (await d.readClipboard().catch(() => '')).trim();
    if (clipboardMeeting(text) === null) {
      failed(
        'No bot was sent',
        null,
        'The clipboard holds no meeting link. Copy the invitation link of a Google Meet, Teams, Zoom or Jitsi meeting, then try again.',
      );
      return;
    }
    try {
      const m = await d.sessions.launch({ link: text });
      d.notify({
        id: `tray-${d.now()}`,
        serverId: m.serverId,
        meetingId: m.id,
        title: titled('Bot sent', d.serverName(m.serverId)),
        body: `${m.name}: the bot is joining. You will be told when it waits in the lobby.`,
        onClick: () => d.focus(m.serverId, m.id),
      });
    } catch (e) {
      d.warn('A bot sent from the tray was refused', { error: String(e) });
      failed('No bot was sent', null, reason(e, 'The bot could not be sent.'));
    }
  };

  const stop = async (serverId: string, meetingId: number): Promise<void> => {
    try {
      await d.sessions.require(serverId, 'stop its bot').bots.stop(meetingId);
    } catch (e) {
      d.warn('A bot could not be stopped from the tray', { error: String(e) });
      failed('The bot was not stopped', serverId, reason(e, 'The server did not stop the bot. Try again from the app.'));
    }
  };

  const overlay = async (serverId: string, meetingId: number): Promise<void> => {
    try {
      // Where there is no overlay window of its own (the browser-served app), the page shows it.
      if ((await d.openOverlay(meetingId, serverId)) === 'panel') d.focus(serverId, meetingId);
    } catch (e) {
      d.warn('The caption overlay could not be opened from the tray', { error: String(e) });
      failed('The caption overlay did not open', serverId, reason(e, 'Open it from the meeting in the app.'));
    }
  };

  /** Resolves once the press has been answered (a notification, or nothing to say); never rejects. */
  return async (action) => {
    switch (action.kind) {
      case 'send':
        return send(action.link);
      case 'stop':
        return stop(action.serverId, action.meetingId);
      case 'overlay':
        return overlay(action.serverId, action.meetingId);
      case 'focus':
        return d.focus(action.serverId, action.meetingId);
    }
  };
}
