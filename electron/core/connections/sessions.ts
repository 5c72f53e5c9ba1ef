import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { BotSlotsView, LaunchTargetView, TrackedMeetingView } from '../../../shared/ipc/models';
import { isVexaError } from '../../../shared/vexa/errors';
import type { LaunchInput } from '../meetings/botService';
import { serverNameToShow, titled, trayContent } from '../meetings/serverNaming';
import type { TrackedMeeting } from '../meetings/tracker';
import type { Clipboard, TrayMenuItem, TrayView } from '../ports';
import { ServerSession, type SessionShared } from '../session';
import type { SettingsStore } from '../settings';
import { StorageError } from '../storageNotice';
import { botSlots } from './botSlots';
import type { Connections } from './connections';
import { chooseLaunchTarget, launchTargetMessage, linkFacts, rememberLaunch } from './launchTarget';
import { notConnected } from './serverConnection';

export interface SessionsDeps extends SessionShared {
  connections: Connections;
  settings: SettingsStore;
  tray: TrayView;
  clipboard: Clipboard;
  /** Something shown in the server list changed (bots in flight, and so the free slots). */
  onListChanged(): void;
}

/**
 * One `ServerSession` per connected server, held by server id and opened or closed as servers
 * connect, change key or generation, and disconnect. Here the servers meet: the followed meetings
 * of all of them, one tray, and where a new bot goes.
 */
export class Sessions {
  private readonly byId = new Map<string, ServerSession>();
  private closed = false;

  constructor(private readonly d: SessionsDeps) {
    this.drawTray();
  }

  get(serverId: string): ServerSession | undefined {
    return this.byId.get(serverId);
  }

  all(): ServerSession[] {
    return this.d.connections
      .list()
      .map((c) => this.byId.get(c.id))
      .filter((s): s is ServerSession => s !== undefined);
  }

  /** The session of the named (else the current) server, or a sentence naming the server that is not connected. */
  require(serverId: string | undefined, action: string): ServerSession {
    const c = this.d.connections.resolve(serverId);
    if (!c) throw new UserFacingError('not_connected', 'Connect to a Vexa server first (or try the demo).');
    const s = this.byId.get(c.id);
    if (!s) throw notConnected(c.label, action);
    return s;
  }

  /** Brings the sessions in line with the connections: one per server holding its key. */
  sync(): void {
    if (this.closed) return;
    let changed = false;
    const wanted = new Set<string>();
    for (const c of this.d.connections.list()) {
      const identity = c.identity();
      const open = this.byId.get(c.id);
      if (identity) wanted.add(c.id);
      if (open && open.identity === identity) continue;
      if (open) {
        this.end(open);
        changed = true;
      }
      if (!identity) continue;
      const session = c.withKey((server, apiKey) =>
        ServerSession.open({
          ...this.d,
          server,
          apiKey,
          identity,
          client: c.client(),
          serverName: () => serverNameToShow(this.names(), c.id),
          onTracked: () => this.changed(),
          onLimit: (limit) => this.d.connections.setLimit(c.id, limit),
          onReachable: () => this.d.connections.reachable(c.id),
        }),
      );
      if (session) this.byId.set(c.id, session);
      changed = true;
    }
    for (const [id, s] of this.byId) {
      if (wanted.has(id)) continue;
      this.end(s);
      changed = true;
    }
    if (changed) this.d.emit('bots:changed', this.tracked());
    // Labels may have changed too (a server renamed, a second one added).
    this.drawTray();
  }

  /** A session ends (disconnected, new key, removed): the window learns its live connection is idle. */
  private end(s: ServerSession): void {
    s.close();
    this.byId.delete(s.serverId);
    this.d.emit('live:state', { serverId: s.serverId, status: 'idle', retryAt: null, attempt: 0, dropped: 0, message: null });
  }

  private names() {
    return this.d.connections.list().map((c) => ({ id: c.id, label: c.label, removed: c.status === 'removed' }));
  }

  private changed(): void {
    this.d.emit('bots:changed', this.tracked());
    this.drawTray();
    this.d.onListChanged();
  }

  /** The followed meetings of every server (or one), newest first. */
  tracked(serverId?: string): TrackedMeetingView[] {
    const sessions = serverId === undefined ? this.all() : [this.byId.get(serverId)].filter((s) => s !== undefined);
    return sessions
      .flatMap((s) => s.bots.tracker.list().map((m) => withServer(s.serverId, m)))
      .sort((a, b) => (b.history[0]?.at ?? 0) - (a.history[0]?.at ?? 0));
  }

  slots(serverId: string): BotSlotsView | null {
    const s = this.byId.get(serverId);
    const c = this.d.connections.get(serverId);
    return s && c ? botSlots(serverId, s.bots.tracker.active().length, c.limit) : null;
  }

  /** Where a bot for this link goes unless the person picks another server. */
  launchTarget(link: string): LaunchTargetView {
    const facts = linkFacts(link);
    const connected = this.all().map((s) => s.serverId);
    const current = this.d.connections.current?.id ?? null;
    const choice = chooseLaunchTarget({ facts, memory: this.d.settings.launchMemory, connected, current });
    const label = choice.serverId ? (this.d.connections.get(choice.serverId)?.label ?? null) : null;
    return { ...choice, ...facts, message: launchTargetMessage(choice.why, label, facts) };
  }

  /** Sends a bot from the named server, or from the one `launchTarget` offers; remembers the choice. */
  async launch(input: LaunchInput & { serverId?: string }): Promise<TrackedMeetingView> {
    const { serverId, ...request } = input;
    const target = serverId ?? this.launchTarget(request.link).serverId ?? undefined;
    if (target === undefined) throw new UserFacingError('not_connected', launchTargetMessage('none', null, linkFacts(request.link)));
    const session = this.require(target, 'send a bot from it');
    const meeting = await session.bots.launch(request);
    try {
      this.d.settings.setLaunchMemory(rememberLaunch(this.d.settings.launchMemory, session.serverId, linkFacts(request.link)));
    } catch (e) {
      // The bot is on its way; the next launch offers the current server instead.
      if (!(e instanceof StorageError)) throw e;
      this.d.logger.warn('Could not remember the server used for this meeting', { code: e.fault.code });
    }
    return withServer(session.serverId, meeting);
  }

  /** The tray's "send a bot to the link in the clipboard", to the server Launch would offer. */
  private async launchFromClipboard(): Promise<void> {
    const text = await this.d.clipboard.readText();
    try {
      const m = await this.launch({ link: text });
      this.d.emit('ui:focusMeeting', { serverId: m.serverId, meetingId: m.id });
    } catch (e) {
      const message = e instanceof UserFacingError ? e.message : isVexaError(e) ? e.userMessage : 'The bot could not be sent.';
      const target = this.launchTarget(text).serverId;
      const name = target ? serverNameToShow(this.names(), target) : null;
      this.d.notifier.notify({ id: `clipboard-${this.d.clock.now()}`, title: titled('No bot was sent', name), body: message });
    }
  }

  private drawTray(): void {
    const names = this.names();
    const groups = this.all().map((s) => ({
      serverId: s.serverId,
      label: serverNameToShow(names, s.serverId),
      meetings: s.bots.tracker.active(),
    }));
    const { state, tooltip, lines } = trayContent(groups);
    const items: TrayMenuItem[] = lines.map((l) => ({
      label: l.label,
      onClick: () => this.d.emit('ui:focusMeeting', { serverId: l.serverId, meetingId: l.meetingId }),
      opensWindow: true,
    }));
    items.push({ label: 'Send bot to the meeting link in the clipboard', onClick: () => void this.launchFromClipboard() });
    this.d.tray.update(state, tooltip, items);
  }

  /** Wake-up or network back: every waiting live connection tries now. */
  reconnectAll(): void {
    for (const s of this.byId.values()) if (s.hub.state.status !== 'connected') s.hub.reconnectNow();
  }

  close(): void {
    this.closed = true;
    for (const s of this.byId.values()) {
      try {
        s.close();
      } catch (e) {
        // The other sessions and the cache must still close.
        this.d.logger.error('Closing a live connection failed', { server: s.serverId, error: e });
      }
    }
    this.byId.clear();
  }
}

export function withServer(serverId: string, m: TrackedMeeting): TrackedMeetingView {
  return { ...m, serverId };
}
