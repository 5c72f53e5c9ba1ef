import { isolate } from '../../../shared/bidi';
import type { ServerMeetings } from '../meetings/serverNaming';
import { trayContent } from '../meetings/serverNaming';

/**
 * The tray's quick actions as data: what each entry says, whether it can be pressed, and what it
 * does. The core turns actions into calls (connections/sessions.ts); the Electron adapter turns
 * entries into a Menu (main/shell/trayView.ts). Kept free of both so it is tested on its own.
 */

export type TrayAction =
  /** Sends a bot to `link`, or, when null, to the meeting link the clipboard holds at the click. */
  | { kind: 'send'; link: string | null }
  | { kind: 'focus'; serverId: string; meetingId: number }
  | { kind: 'stop'; serverId: string; meetingId: number }
  | { kind: 'overlay'; serverId: string; meetingId: number };

export type TrayEntry =
  { kind: 'separator' } | { kind: 'item'; label: string; enabled: boolean; action: TrayAction } | { kind: 'info'; label: string };

/**
 * What the clipboard was last seen to hold: a meeting link (with the meeting's name and the server
 * Launch would send it from, named when there are several), nothing of use, or not read yet (the
 * OS gave no moment to read it before the menu opened), when the entry reads it at the click.
 */
export type ClipboardOffer =
  { state: 'unknown' } | { state: 'none' } | { state: 'link'; link: string; meeting: string; serverLabel: string | null };

export interface TrayMenuInput {
  /** The meetings in flight per connected server, in the person's order of servers. */
  groups: readonly ServerMeetings[];
  clipboard: ClipboardOffer;
  /** At least one server is connected, so a bot can be sent. */
  canSend: boolean;
  /** Scheduled bots coming up, already worded (`trayUpcomingLabel`), soonest first. */
  upcoming?: readonly string[];
}

export const SEND_FROM_CLIPBOARD = 'Send bot to the meeting link on the clipboard';

function sendEntry(clipboard: ClipboardOffer): TrayEntry | null {
  if (clipboard.state === 'none') return null;
  if (clipboard.state === 'unknown')
    return { kind: 'item', label: SEND_FROM_CLIPBOARD, enabled: true, action: { kind: 'send', link: null } };
  const from = clipboard.serverLabel === null ? '' : ` from ${isolate(clipboard.serverLabel)}`;
  return {
    kind: 'item',
    label: `Send bot to ${isolate(clipboard.meeting)}${from}`,
    enabled: true,
    action: { kind: 'send', link: clipboard.link },
  };
}

/**
 * The menu: the clipboard's meeting first (the quick action), then each bot in flight with its
 * state (pressing it shows the meeting), a Stop under it and, while it transcribes, the caption
 * overlay. The state line keeps the words the tray always used (`trayContent`), so the tooltip, the
 * menu and the notifications agree.
 */
export function trayMenuModel({ groups, clipboard, canSend, upcoming = [] }: TrayMenuInput): TrayEntry[] {
  const entries: TrayEntry[] = [];
  const send = canSend ? sendEntry(clipboard) : null;
  if (send) entries.push(send);
  const { lines } = trayContent(groups);
  const meetings = groups.flatMap((g) => g.meetings.map((m) => ({ group: g, meeting: m })));
  if (send && meetings.length > 0) entries.push({ kind: 'separator' });
  meetings.forEach(({ group, meeting }, i) => {
    const line = lines[i]!;
    const who = group.label === null ? isolate(meeting.name) : `${isolate(group.label)} · ${isolate(meeting.name)}`;
    const ref = { serverId: group.serverId, meetingId: meeting.id };
    entries.push({ kind: 'item', label: line.label, enabled: true, action: { kind: 'focus', ...ref } });
    // A bot already asked to leave cannot be stopped twice; the line says "Stopping".
    entries.push({
      kind: 'item',
      label: `Stop the bot in ${who}`,
      enabled: meeting.status !== 'stopping',
      action: { kind: 'stop', ...ref },
    });
    if (meeting.status === 'active')
      entries.push({ kind: 'item', label: `Open caption overlay for ${who}`, enabled: true, action: { kind: 'overlay', ...ref } });
  });
  // Coming up: lines to read, not to press (the server sends these bots by itself).
  if (upcoming.length > 0) {
    if (entries.length > 0) entries.push({ kind: 'separator' });
    entries.push({ kind: 'info', label: 'Coming up' });
    for (const label of upcoming) entries.push({ kind: 'info', label });
  }
  return entries;
}
