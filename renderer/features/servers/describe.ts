import type {
  BotSlotsView,
  LaunchTargetView,
  LiveStateView,
  ServerColour,
  ServerConnectionView,
  ServerStatus,
} from '../../../shared/ipc/models';
import { platformLabel } from '../../../shared/meeting-link';
import type { BadgeTone } from '../../app/theme/Badge';
import { generationLabel } from '../connection/describe';

/** Words and decisions about several servers: pure, so they are unit-tested. */

type Named = Pick<ServerConnectionView, 'id' | 'label' | 'status'>;

/**
 * Meetings, cards and alerts name their server only once the app knows more than one (a server
 * removed with its meetings kept still names them in the library, not here): with one server
 * nothing changes.
 */
export function namesServers(servers: readonly Pick<ServerConnectionView, 'status'>[]): boolean {
  return servers.filter((s) => s.status !== 'removed').length > 1;
}

/** The label to say for a server while the app names servers; null while it does not. */
export function serverNameFor(servers: readonly Named[], serverId: string): string | null {
  if (!namesServers(servers)) return null;
  return servers.find((s) => s.id === serverId)?.label ?? null;
}

/** What a screen reader hears of a server chip, within the card or banner it belongs to. */
export function serverChipText(label: string): string {
  return `on ${label}`;
}

/** A server holding its key, with a live connection and sync: one that can send a bot. */
export function canSendFrom(server: Pick<ServerConnectionView, 'status'>): boolean {
  return server.status === 'connected' || server.status === 'error';
}

/** A server is connected, or being checked: the app is not offline. */
export function anyServerUp(servers: readonly Pick<ServerConnectionView, 'status'>[]): boolean {
  return servers.some((s) => canSendFrom(s) || s.status === 'connecting');
}

export function sendingServers<T extends Pick<ServerConnectionView, 'status'>>(servers: readonly T[]): T[] {
  return servers.filter(canSendFrom);
}

export const serverStatusWords: Record<ServerStatus, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  key_needed: 'Key needed',
  error: 'Cannot reach it',
  disconnected: 'Disconnected',
  removed: 'Removed, meetings kept',
};

export function serverStatusTone(status: ServerStatus): BadgeTone {
  switch (status) {
    case 'connected':
      return 'success';
    case 'connecting':
      return 'info';
    case 'key_needed':
      return 'warn';
    case 'error':
      return 'danger';
    case 'disconnected':
    case 'removed':
      return 'neutral';
  }
}

/** "v0.10 API", or a word while the first check of a restored server runs. */
export function serverGeneration(server: Pick<ServerConnectionView, 'generation'>): string {
  return server.generation ? generationLabel(server.generation) : 'Version not checked yet';
}

/** The palette the person picks from; each name draws with enough contrast in both themes (servers.css). */
export const SERVER_COLOURS: ReadonlyArray<{ value: ServerColour; name: string }> = [
  { value: 'blue', name: 'Blue' },
  { value: 'green', name: 'Green' },
  { value: 'orange', name: 'Orange' },
  { value: 'purple', name: 'Purple' },
  { value: 'red', name: 'Red' },
  { value: 'teal', name: 'Teal' },
  { value: 'pink', name: 'Pink' },
  { value: 'grey', name: 'Grey' },
];

/**
 * The colour a server is drawn in: the person's choice, else one of the palette by its place in
 * the list, so servers differ at a glance before anyone picks (the demo keeps the demo colour).
 */
export function serverColour(server: Pick<ServerConnectionView, 'colour' | 'position' | 'demo'>): ServerColour | 'demo' {
  if (server.colour) return server.colour;
  if (server.demo) return 'demo';
  return SERVER_COLOURS[server.position % SERVER_COLOURS.length]!.value;
}

/** "3 of 5 bots free", "No bot free (5 running)", "2 bots running, limit not known"; null without a count. */
export function slotsText(slots: BotSlotsView | null | undefined): string | null {
  if (!slots) return null;
  if (slots.limit === null || slots.free === null) {
    return slots.running === 0 ? 'No bot running' : `${slots.running} ${slots.running === 1 ? 'bot' : 'bots'} running`;
  }
  if (slots.free === 0) return `No bot free (${slots.running} of ${slots.limit} running)`;
  return `${slots.free} of ${slots.limit} ${slots.limit === 1 ? 'bot' : 'bots'} free`;
}

/**
 * The server Launch sends from: the person's pick while it can still send, else the server the
 * core offers for the link, else the current server, else the first that can send.
 */
export function launchServer(
  servers: readonly Pick<ServerConnectionView, 'id' | 'status'>[],
  picked: string | null,
  target: Pick<LaunchTargetView, 'serverId'> | null,
  currentServerId: string | null,
): string | null {
  const usable = sendingServers(servers).map((s) => s.id);
  for (const id of [picked, target?.serverId ?? null, currentServerId]) if (id && usable.includes(id)) return id;
  return usable[0] ?? null;
}

/** Why the offered server is offered, short, beside it ("Last used for Microsoft Teams links"); null when there is nothing to say. */
export function launchReason(target: Pick<LaunchTargetView, 'why' | 'platform' | 'domain'> | null): string | null {
  if (!target) return null;
  switch (target.why) {
    case 'link-domain':
      return target.domain ? `Last used for links on ${target.domain}` : null;
    case 'platform':
      return target.platform ? `Last used for ${platformLabel(target.platform)} links` : null;
    case 'current':
      return 'The server you are working with';
    case 'first':
    case 'none':
      return null;
  }
}

export interface LiveSummary {
  label: string;
  tone: BadgeTone;
  /** One line per server, for the tooltip and the list under the indicator. */
  lines: Array<{ serverId: string; label: string; text: string; canReconnect: boolean }>;
  ticking: boolean;
}

function liveWords(state: LiveStateView | undefined, now: number): { text: string; up: boolean; canReconnect: boolean; ticking: boolean } {
  const wait = state?.retryAt ? Math.max(0, Math.ceil((state.retryAt - now) / 1000)) : null;
  switch (state?.status) {
    case 'connected':
      return { text: 'Connected', up: true, canReconnect: false, ticking: false };
    case 'connecting':
    case undefined:
    case 'idle':
      return { text: 'Connecting…', up: false, canReconnect: false, ticking: false };
    case 'reconnecting':
      return { text: wait ? `Reconnecting in ${wait} s` : 'Reconnecting…', up: false, canReconnect: true, ticking: true };
    case 'offline':
      return { text: `Offline${wait ? `, next attempt in ${wait} s` : ''}`, up: false, canReconnect: true, ticking: wait !== null };
    case 'unauthorized':
      return { text: 'Key refused', up: false, canReconnect: false, ticking: false };
  }
}

/**
 * The top bar's live indicator once more than one server sends a bot: how many of them are live
 * ("Connected: 2 of 3 servers"), and each server's state. Null with one server or none (the one-server
 * indicator says it as before).
 */
export function liveSummary(
  servers: readonly Pick<ServerConnectionView, 'id' | 'label' | 'status'>[],
  states: Readonly<Record<string, LiveStateView>>,
  now: number,
): LiveSummary | null {
  const sending = sendingServers(servers);
  if (sending.length < 2) return null;
  const words = sending.map((s) => ({ server: s, ...liveWords(states[s.id], now) }));
  const up = words.filter((w) => w.up).length;
  const tone: BadgeTone = up === sending.length ? 'success' : up === 0 ? 'danger' : 'warn';
  return {
    label: up === sending.length ? `Connected: all ${sending.length} servers` : `Connected: ${up} of ${sending.length} servers`,
    tone,
    lines: words.map((w) => ({ serverId: w.server.id, label: w.server.label, text: w.text, canReconnect: w.canReconnect })),
    ticking: words.some((w) => w.ticking),
  };
}

/** The tooltip of the summary: one sentence per server. */
export function liveSummaryDetail(summary: LiveSummary): string {
  return summary.lines.map((l) => `${l.label}: ${l.text}.`).join(' ');
}

/** The order after moving one server up (-1) or down (+1); the same order when it cannot move. */
export function moveServer(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

export interface OfflineNotice {
  /** The server to reconnect first, or null when none can be (every one was removed). */
  server: { id: string; label: string; status: ServerStatus } | null;
  text: string;
}

/**
 * What the window says while no server is connected (null while one is, or is being checked):
 * the server to reconnect first (the one waiting for its key, the current one, else the first in
 * the list), and a sentence naming it (the core's reason where it gave one).
 */
export function offlineNotice(
  servers: readonly (Pick<ServerConnectionView, 'id' | 'label' | 'status' | 'demo'> & { error?: ServerConnectionView['error'] })[],
  currentServerId: string | null,
): OfflineNotice | null {
  if (anyServerUp(servers)) return null;
  const candidates = servers.filter((s) => !s.demo && (s.status === 'key_needed' || s.status === 'disconnected'));
  const pick =
    candidates.find((s) => s.status === 'key_needed' && s.id === currentServerId) ??
    candidates.find((s) => s.status === 'key_needed') ??
    candidates.find((s) => s.id === currentServerId) ??
    candidates[0];
  const library = 'Your library, search, notes and exports work on this computer.';
  if (!pick) return { server: null, text: `No server is connected. ${library}` };
  // The core's sentence says why (kept for the last session only, refused: revoked perhaps) and names the server.
  const why =
    pick.status === 'key_needed' ? (pick.error?.message ?? `${pick.label} needs its API key again.`) : `${pick.label} is disconnected.`;
  return { server: { id: pick.id, label: pick.label, status: pick.status }, text: `${why} ${library}` };
}

/** Servers waiting for their key while another one is connected: each is named once, above the screens. */
export function keyNeededElsewhere<T extends Pick<ServerConnectionView, 'status'>>(servers: readonly T[]): T[] {
  if (!servers.some(canSendFrom)) return [];
  return servers.filter((s) => s.status === 'key_needed');
}

/**
 * What fills the window: the app itself while a server is connected (or being checked), and also
 * while none is if the library holds meetings of the person's own servers (offline is not
 * locked: the library, search, notes and export work without a server); otherwise the start
 * screen. `libraryMeetings` null (not counted yet) trusts the servers the app knows.
 */
export function opensApp(
  connection: { status: string; server: object | null },
  servers: readonly Pick<ServerConnectionView, 'status' | 'demo'>[],
  libraryMeetings: number | null,
): boolean {
  if (connection.server !== null && connection.status !== 'none') return true;
  if (anyServerUp(servers)) return true;
  const known = servers.some((s) => !s.demo);
  return libraryMeetings === null ? known : libraryMeetings > 0;
}
