import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { LaunchDefaults } from '../../shared/ipc/models';
import type { LiveTimings } from './app';
import type { ConnectionService } from './connection';
import type { Library, OutboxService } from './cache';
import { SyncService } from './cache/syncService';
import { LiveHub } from './live/liveHub';
import type { Resolver } from './net/guardedLookup';
import { LiveTranscripts } from './live/liveTranscripts';
import { BotService } from './meetings/botService';
import { LibraryFollower, trackedToMeeting } from './meetings/libraryFollower';
import type { Clipboard, Clock, Logger, Notifier, TrayView } from './ports';

export interface SessionDeps {
  connection: ConnectionService;
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  tray: TrayView;
  clipboard: Clipboard;
  doNotDisturb(): boolean;
  launchDefaults(): LaunchDefaults;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  timings?: LiveTimings;
  resolveHost?: Resolver;
  library: Library;
  outbox: OutboxService;
}

/** Everything that lives as long as one connection to one server: the live socket and the bots. */
export class ServerSession {
  readonly identity: string;
  readonly hub: LiveHub;
  readonly bots: BotService;
  readonly transcripts: LiveTranscripts;
  readonly sync: SyncService;
  readonly serverId: string;

  private constructor(identity: string, serverId: string, hub: LiveHub, bots: BotService, transcripts: LiveTranscripts, sync: SyncService) {
    this.identity = identity;
    this.serverId = serverId;
    this.hub = hub;
    this.bots = bots;
    this.transcripts = transcripts;
    this.sync = sync;
  }

  static open(d: SessionDeps): ServerSession | null {
    return d.connection.withActiveKey((server, apiKey) => {
      let bots: BotService | null = null;
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
        client: d.connection.client(),
        clock: d.clock,
        logger: d.logger,
        events: {
          syncState: (state) => d.emit('library:sync', state),
          progress: () => d.emit('library:sync', sync.state()),
          changed: (change) => d.emit('library:changed', change),
        },
      });
      const transcripts = new LiveTranscripts({
        client: d.connection.client(),
        clock: d.clock,
        logger: d.logger,
        onDelta: (delta) => d.emit('live:segments', { ...delta, serverId: server.id }),
        // Every confirmed line said live goes into the offline library as it arrives, written before
        // this returns: close() flushes the last batch through here just before the cache closes.
        onConfirmed: (meetingId, segments) => {
          const m = bots?.tracker.get(meetingId);
          if (!m) return;
          try {
            const localId = d.library.storeLive(server.id, trackedToMeeting(m), segments);
            d.emit('library:changed', { serverId: server.id, meetingIds: [localId] });
          } catch (e) {
            d.logger.error('Could not store live captions', { error: String(e) });
          }
        },
        flushMs: d.timings?.flushMs,
      });
      const hub = new LiveHub({
        baseUrl: server.url,
        apiKey,
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
          void bots?.refresh().catch((e: unknown) => d.logger.debug('Status refresh failed', { error: String(e) }));
          if (reconnect) {
            void transcripts.onReconnected();
            void sync.run();
          }
        },
        onOtherFrame: (frame) => transcripts.onFrame(frame),
      });
      bots = new BotService({
        client: d.connection.client(),
        generation: server.generation,
        capabilities: server.capabilities,
        hub,
        clock: d.clock,
        logger: d.logger,
        notifier: d.notifier,
        tray: d.tray,
        clipboard: d.clipboard,
        doNotDisturb: d.doNotDisturb,
        launchDefaults: d.launchDefaults,
        onChange: (meetings) => {
          follower.follow(meetings);
          for (const m of meetings) {
            transcripts.follow(m.id, m.platform, m.nativeId);
            if (m.status === 'completed' || m.status === 'failed') void transcripts.onMeetingEnded(m.id);
          }
          d.emit(
            'bots:changed',
            meetings.map((m) => ({ ...m, serverId: server.id })),
          );
        },
        onFocusMeeting: (meetingId) => d.emit('ui:focusMeeting', { serverId: server.id, meetingId }),
        pollMs: d.timings?.pollMs,
      });
      hub.start();
      void sync.run();
      return new ServerSession(ServerSession.identityOf(server), server.id, hub, bots, transcripts, sync);
    });
  }

  static identityOf(server: { id: string; url: string; generation: string; keyLabel: string | null }): string {
    return `${server.id}|${server.url}|${server.generation}|${server.keyLabel ?? ''}`;
  }

  /** Confirmed captions still gathered for the next push are stored first, so a quit loses none. */
  close(): void {
    this.transcripts.flush();
    this.sync.close();
    this.transcripts.close();
    this.bots.close();
    this.hub.close();
  }
}
