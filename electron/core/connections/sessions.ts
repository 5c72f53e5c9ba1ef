import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { BotSlotsView, LaunchTargetView, TrackedMeetingView } from '../../../shared/ipc/models';
import type { LaunchInput } from '../meetings/botService';
import { serverNameToShow, trayContent } from '../meetings/serverNaming';
import type { TrackedMeeting } from '../meetings/tracker';
import type { Clipboard, OverlayWindows, TrayMenuItem, TrayView } from '../ports';
import { clipboardMeeting, trayActionRunner, trayItems, type ClipboardOffer } from '../desktop/trayActions';
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
  /** The caption overlay, opened from the tray for a live meeting. */
  overlays?: OverlayWindows;
  /** Something shown in the server list changed (bots in flight, and so the free slots). */
  onListChanged(): void;
  /** The tray's "Coming up" lines (core/planning), soonest first. */
  upcoming?(): readonly string[];
}

/**
 * One `ServerSession` per connected server, held by server id and opened or closed as servers
 * connect, change key or generation, and disconnect. Here the servers meet: the followed meetings
 * of all of them, one tray, and where a new bot goes.
 */
export class Sessions {
  private readonly byId = new Map<string, ServerSession>();
  private closed = false;
  /** The clipboard as last read for the tray's quick action. */
  private clipboardOffer: ClipboardOffer = { state: 'unknown' };
  private readonly runTrayAction = trayActionRunner({
    sessions: this,
    notify: (request) => this.d.notifier.notify(request),
    readClipboard: () => this.d.clipboard.readText(),
    openOverlay: (meetingId, serverId) => this.d.overlays?.open(meetingId, serverId) ?? Promise.resolve('panel' as const),
    focus: (serverId, meetingId) => this.d.emit('ui:focusMeeting', { serverId, meetingId }),
    serverName: (serverId) => serverNameToShow(this.names(), serverId),
    now: () => this.d.clock.now(),
    warn: (message, fields) => this.d.logger.warn(message, fields),
  });

  constructor(private readonly d: SessionsDeps) {
    d.tray.onWillOpen?.(() => void this.checkClipboard());
    this.drawTray();
  }

  /** Reads the clipboard for the tray; the menu is drawn again only when what it offers changed. */
  async checkClipboard(): Promise<void> {
    const text = await this.d.clipboard.readText().catch(() => null);
    const offer = this.offerFor(text);
    const before = this.clipboardOffer;
    this.clipboardOffer = offer;
    if (JSON.stringify(before) !== JSON.stringify(offer) && !this.closed) this.drawTray();
  }

  private offerFor(text: string | null): ClipboardOffer {
    if (text === null) return { state: 'unknown' };
    const link = text.trim();
    const meeting = clipboardMeeting(link);
    if (!meeting) return { state: 'none' };
    const target = this.launchTarget(link).serverId;
    return { state: 'link', link, meeting, serverLabel: target ? serverNameToShow(this.names(), target) : null };
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

  private drawTray(): void {
    const names = this.names();
    const groups = this.all().map((s) => ({
      serverId: s.serverId,
      label: serverNameToShow(names, s.serverId),
      meetings: s.bots.tracker.active(),
    }));
    const { state, tooltip } = trayContent(groups);
    // The clipboard's link names its server as it is now: servers come and go between reads.
    const offer = this.clipboardOffer.state === 'link' ? this.offerFor(this.clipboardOffer.link) : this.clipboardOffer;
    const upcoming = this.d.upcoming?.() ?? [];
    const items: TrayMenuItem[] = trayItems({ groups, clipboard: offer, canSend: groups.length > 0, upcoming }, this.runTrayAction);
    this.d.tray.update(state, tooltip, items);
  }

  /** Scheduled bots changed: the tray's lines follow. */
  redrawTray(): void {
    if (!this.closed) this.drawTray();
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
