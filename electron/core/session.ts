import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { LaunchDefaults, LiveStateView } from '../../shared/ipc/models';
import type { LiveTimings } from './app';
import { parseHealthFrame } from '../../shared/meetings/health';
import type { Library, OutboxService } from './cache';
import { SyncService } from './cache/syncService';
import type { CaptionDelays, CaptionDelayTracker } from './live/captionDelay';
import { LiveHub } from './live/liveHub';
import type { Resolver } from './net/guardedLookup';
import { LiveTranscripts } from './live/liveTranscripts';
import { BotService } from './meetings/botService';
import type { HealthMemory } from './meetings/healthMemory';
import { LibraryFollower, trackedToMeeting } from './meetings/libraryFollower';
import type { Clock, Logger, Notifier } from './ports';
import type { ServerRecord } from './servers';
import type { VexaClient } from './vexa';
import type { WatchWordSettings } from '../../shared/watchWords/settings';
import { WatchWordAlerts } from './watchWords/watchWordAlerts';

/** What every session shares: the app's ports, settings and library. */
export interface SessionShared {
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  doNotDisturb(): boolean;
  /** Settings → Watch words, read on every confirmed batch so a change applies to running meetings at once. */
  watchWords(): WatchWordSettings;
  launchDefaults(): LaunchDefaults;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  timings?: LiveTimings;
  resolveHost?: Resolver;
  library: Library;
  outbox: OutboxService;
  /** Health problems kept across a restart (meetings/healthMemory.ts). */
  healthMemory?: HealthMemory;
  /** How late each live meeting's captions are (live/captionDelay.ts). */
  captionDelays?: CaptionDelays;
}

/** One server's part: its record, its key (for the live socket only) and its client. */
export interface SessionDeps extends SessionShared {
  server: ServerRecord;
  apiKey: string;
  identity: string;
  client: VexaClient;
  /** The server's label while more than one server is known, for alerts; else null. */
  serverName(): string | null;
  /** The followed meetings changed (the sessions redraw the tray and push the list). */
  onTracked(): void;
  /** The server refused a launch for its bot limit and named it. */
  onLimit(limit: number): void;
  /** The live connection opened: the server is reachable. */
  onReachable(): void;
}

/**
 * Everything that lives as long as one connection to one server: the live socket, the bots, the
 * live transcripts and the sync. Every event it sends carries the server's id, and nothing in it
 * reaches another server's session: a frame from this socket is applied here or dropped.
 */
export class ServerSession {
  private constructor(
    readonly identity: string,
    readonly serverId: string,
    readonly hub: LiveHub,
    readonly bots: BotService,
    readonly transcripts: LiveTranscripts,
    readonly sync: SyncService,
    readonly watch: WatchWordAlerts,
    private readonly delays: CaptionDelayTracker | null = null,
  ) {}

  static open(d: SessionDeps): ServerSession {
    const server = d.server;
    let bots: BotService | null = null;
    const watch = new WatchWordAlerts({
      serverId: server.id,
      clock: d.clock,
      logger: d.logger,
      notifier: d.notifier,
      doNotDisturb: d.doNotDisturb,
      settings: d.watchWords,
      meetingName: (meetingId) => bots?.tracker.get(meetingId)?.name ?? null,
      serverName: d.serverName,
      openLine: (meetingId, lineKey) => d.emit('ui:focusMeeting', { serverId: server.id, meetingId, lineKey }),
      speakerName: (meetingId, line) => d.library.speakers.names()(server.id, meetingId).resolve(line).name,
    });
    // Declared before the bots: a bot's status reaches the library as it changes.
    const follower: LibraryFollower = new LibraryFollower({
      library: d.library,
      serverId: server.id,
      logger: d.logger,
      onChanged: (meetingIds) => d.emit('library:changed', { serverId: server.id, meetingIds }),
      onEnded: () => void sync.runFresh(),
    });
    const sync = new SyncService({
      library: d.library,
      outbox: d.outbox,
      serverId: server.id,
      client: d.client,
      clock: d.clock,
      logger: d.logger,
      events: {
        syncState: (state) => d.emit('library:sync', state),
        progress: () => d.emit('library:sync', sync.state()),
        changed: (change) => d.emit('library:changed', change),
      },
    });
    const delays = d.captionDelays?.forServer(server.id) ?? null;
    const transcripts = new LiveTranscripts({
      client: d.client,
      clock: d.clock,
      logger: d.logger,
      onDelta: (delta) => {
        d.emit('live:segments', { ...delta, serverId: server.id });
        // Lines being transcribed again end an in-band health problem (no audio, engine down).
        if (delta.upserted.some((s) => !s.draft && s.source !== 'chat')) bots?.tracker.clearHealth(delta.meetingId);
      },
      // Every confirmed line said live goes into the offline library as it arrives, written before
      // this returns: close() flushes the last batch through here just before the cache closes.
      onConfirmed: (meetingId, segments) => {
        watch.onConfirmed(meetingId, segments);
        const m = bots?.tracker.get(meetingId);
        if (!m) return false;
        try {
          const localId = d.library.storeLive(server.id, trackedToMeeting(m), segments);
          d.emit('library:changed', { serverId: server.id, meetingIds: [localId] });
          return true;
        } catch (e) {
          d.logger.error('Could not store live captions', { error: String(e) });
          return false;
        }
      },
      onLinesSeen: (meetingId, lines, frame, at) => delays?.linesSeen(meetingId, lines, frame, at),
      ackTimeoutMs: d.timings?.ackTimeoutMs,
      // The meeting's last lines are written: give the cache's free pages back to the disk now
      // rather than keep the file at its peak size.
      onReleased: () => d.library.reclaimFreePages(),
    });
    const hub = new LiveHub({
      baseUrl: server.url,
      apiKey: d.apiKey,
      clock: d.clock,
      logger: d.logger,
      backoffBaseMs: d.timings?.backoffBaseMs,
      backoffMaxMs: d.timings?.backoffMaxMs,
      resolveHost: d.resolveHost,
      onStatus: (u) => bots?.onStatus(u),
      onState: (state) => {
        bots?.onLiveState(state);
        if (state.status !== 'connected') transcripts.onDisconnected();
        d.emit('live:state', { ...state, serverId: server.id });
      },
      onOpen: (reconnect) => {
        d.onReachable();
        delays?.connected();
        void bots?.refresh().catch((e: unknown) => d.logger.debug('Status refresh failed', { error: String(e) }));
        if (reconnect) {
          void transcripts.onReconnected();
          void sync.run();
        }
      },
      onOtherFrame: (frame) => {
        const health = parseHealthFrame(frame);
        if (health) {
          bots?.tracker.applyHealth(health);
          return;
        }
        transcripts.onFrame(frame);
      },
    });
    bots = new BotService({
      serverId: server.id,
      client: d.client,
      generation: server.generation,
      capabilities: server.capabilities,
      hub,
      clock: d.clock,
      logger: d.logger,
      notifier: d.notifier,
      serverName: d.serverName,
      doNotDisturb: d.doNotDisturb,
      launchDefaults: d.launchDefaults,
      onChange: (meetings) => {
        follower.follow(meetings);
        for (const m of meetings) {
          transcripts.follow(m.id, m.platform, m.nativeId);
          delays?.follow(m.id);
          if (m.status === 'completed' || m.status === 'failed') {
            void transcripts.onMeetingEnded(m.id);
            delays?.ended(m.id);
          }
        }
        d.onTracked();
      },
      onFocusMeeting: (meetingId) => d.emit('ui:focusMeeting', { serverId: server.id, meetingId }),
      onLimit: d.onLimit,
      pollMs: d.timings?.pollMs,
      ...(d.healthMemory ? { healthMemory: d.healthMemory } : {}),
    });
    hub.start();
    void sync.run();
    return new ServerSession(d.identity, server.id, hub, bots, transcripts, sync, watch, delays);
  }

  get liveState(): LiveStateView {
    return { ...this.hub.state, serverId: this.serverId };
  }

  /** Confirmed captions still gathered for the next push are stored first, so a quit loses none. */
  close(): void {
    this.watch.close();
    this.transcripts.flush();
    this.sync.close();
    this.transcripts.close();
    this.delays?.close();
    this.bots.close();
    this.hub.close();
  }
}
