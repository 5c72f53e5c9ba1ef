import { isolate } from '../../../shared/bidi';
import type { TrayState } from '../ports';
import type { TrackedMeeting } from './tracker';
import { trayItemLabel } from './trayText';

/**
 * Naming the server in what the OS shows (notifications, the tray) once the app knows more than
 * one: "Lab server: The bot is waiting in the lobby". With one server everything reads as it
 * always did. Labels are the person's own text, isolated so a right-to-left label cannot reorder
 * the app's words around it.
 */

/** The server's label when more than one server is in the list (removed ones do not count), else null. */
export function serverNameToShow(servers: ReadonlyArray<{ id: string; label: string; removed: boolean }>, serverId: string): string | null {
  const listed = servers.filter((s) => !s.removed);
  if (listed.length < 2) return null;
  return listed.find((s) => s.id === serverId)?.label ?? null;
}

/** A notification's title, naming the server when there is one to name. */
export function titled(title: string, serverLabel: string | null): string {
  return serverLabel === null ? title : `${isolate(serverLabel)}: ${title}`;
}

export interface ServerMeetings {
  serverId: string;
  /** Null when the server need not be named (one server). */
  label: string | null;
  /** Its meetings in flight, in the order the tray lists them. */
  meetings: readonly TrackedMeeting[];
}

export interface TrayLine {
  label: string;
  serverId: string;
  meetingId: number;
}

/** "Lab", "Lab and Cloud", "Lab, Cloud and Home". */
function listOf(labels: string[]): string {
  const named = labels.map(isolate);
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

const waiting = (m: TrackedMeeting) => m.status === 'awaiting_admission' || m.status === 'needs_help';

/** The tray across every server: the most urgent state, a tooltip, and one line per meeting in flight. */
export function trayContent(groups: readonly ServerMeetings[]): { state: TrayState; tooltip: string; lines: TrayLine[] } {
  const where = (pick: (m: TrackedMeeting) => boolean): string => {
    const labels = groups.filter((g) => g.label !== null && g.meetings.some(pick)).map((g) => g.label!);
    return labels.length ? ` on ${listOf(labels)}` : '';
  };
  const all = groups.flatMap((g) => g.meetings);
  const lobby = all.filter(waiting).length;
  const live = all.filter((m) => m.status === 'active').length;
  const state: TrayState = lobby ? 'attention' : live ? 'active' : 'idle';
  const tooltip = lobby
    ? `Vexa Companion: ${lobby === 1 ? 'a bot is' : `${lobby} bots are`} waiting to be admitted${where(waiting)}`
    : live
      ? `Vexa Companion: transcribing ${live === 1 ? 'a meeting' : `${live} meetings`}${where((m) => m.status === 'active')}`
      : 'Vexa Companion';
  const lines = groups.flatMap((g) =>
    g.meetings.map((m) => ({
      label: g.label === null ? trayItemLabel(m.name, m.status) : `${isolate(g.label)} · ${trayItemLabel(m.name, m.status)}`,
      serverId: g.serverId,
      meetingId: m.id,
    })),
  );
  return { state, tooltip, lines };
}
