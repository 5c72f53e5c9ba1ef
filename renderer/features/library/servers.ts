import type { LibraryMeetingView } from '../../../shared/ipc/library';

/** Which servers' meetings the library shows, and how it names them (pure, unit-tested). */

export interface LibraryServerView {
  serverId: string;
  label: string;
  demo: boolean;
  meetings: number;
}

export type DemoFilter = 'include' | 'exclude';

/** The most servers the speaker palette tells apart; more share colours (their names still differ). */
const PALETTE = 8;

/**
 * The demo's meetings are the library while the demo is what the app is connected to; otherwise
 * they stay apart from the person's own meetings (and go with the demo).
 */
export function demoFilter(connected: { demo: boolean } | null | undefined): DemoFilter {
  return connected?.demo ? 'include' : 'exclude';
}

/**
 * The servers the library holds meetings of (from `cache:stats`), as the filter lists them: by
 * name, the demo's only when its meetings are shown.
 */
export function shownServers(
  servers: ReadonlyArray<{ serverId: string; label: string; demo: boolean; meetings: number }>,
  demo: DemoFilter,
): LibraryServerView[] {
  return servers
    .filter((s) => s.meetings > 0 && (demo === 'include' || !s.demo))
    .map(({ serverId, label, demo: isDemo, meetings }) => ({ serverId, label, demo: isDemo, meetings }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.serverId.localeCompare(b.serverId));
}

/**
 * Rows, results and the meeting page name their server only when the library holds meetings of
 * more than one: with one server nothing changes. A row shown from another server than the ones
 * listed (a meeting filtered in before the list arrived) still says where it is from.
 */
export function namesServers(servers: readonly LibraryServerView[]): boolean {
  return servers.length > 1;
}

/**
 * A colour per server (the speaker palette, legible in both themes), by the servers' order by id,
 * so two servers never share one while there are at most eight and a server keeps its colour
 * when another is added with a later id. The demo has its own.
 */
export function serverColour(serverId: string, servers: readonly LibraryServerView[]): string {
  const server = servers.find((s) => s.serverId === serverId);
  if (server?.demo) return 'demo';
  const ids = servers
    .filter((s) => !s.demo)
    .map((s) => s.serverId)
    .sort();
  const at = ids.indexOf(serverId);
  return String((at < 0 ? ids.length : at) % PALETTE);
}

/** What a screen reader says of the chip: the server a meeting is on. */
export function serverChipText(label: string): string {
  return `on ${label}`;
}

/** The filter's options: every server, then each by name with its count. */
export function serverOptions(servers: readonly LibraryServerView[]): Array<{ value: string; label: string }> {
  return [
    { value: '', label: 'All servers' },
    ...servers.map((s) => ({ value: s.serverId, label: `${s.label} (${s.meetings.toLocaleString()})` })),
  ];
}

/** Said once the list has followed the server filter. */
export function serverFilterAnnouncement(count: number, serverId: string, servers: readonly LibraryServerView[]): string {
  const meetings = `${count.toLocaleString()} ${count === 1 ? 'meeting' : 'meetings'}`;
  if (!serverId) return `Showing ${meetings} from all servers.`;
  const label = servers.find((s) => s.serverId === serverId)?.label ?? 'this server';
  return `Showing ${meetings} on ${label}.`;
}

/** The label a row shows for its server (the row's own, which the core always fills). */
export function rowServerLabel(m: Pick<LibraryMeetingView, 'serverId' | 'serverLabel'>): string {
  return m.serverLabel.trim() || m.serverId;
}
