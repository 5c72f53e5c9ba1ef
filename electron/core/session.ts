import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { LaunchDefaults } from '../../shared/ipc/models';
import type { LiveTimings } from './app';
import type { ConnectionService } from './connection';
import { LiveHub } from './live/liveHub';
import { LiveTranscripts } from './live/liveTranscripts';
import { BotService } from './meetings/botService';
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
}

/** Everything that lives as long as one connection to one server: the live socket and the bots. */
export class ServerSession {
  readonly identity: string;
  readonly hub: LiveHub;
  readonly bots: BotService;
  readonly transcripts: LiveTranscripts;

  private constructor(identity: string, hub: LiveHub, bots: BotService, transcripts: LiveTranscripts) {
    this.identity = identity;
    this.hub = hub;
    this.bots = bots;
    this.transcripts = transcripts;
  }

  static open(d: SessionDeps): ServerSession | null {
    return d.connection.withActiveKey((server, apiKey) => {
      let bots: BotService | null = null;
      const transcripts = new LiveTranscripts({
        client: d.connection.client(),
        clock: d.clock,
        logger: d.logger,
        onDelta: (delta) => d.emit('live:segments', delta),
      });
      const hub = new LiveHub({
        baseUrl: server.url,
        apiKey,
        clock: d.clock,
        logger: d.logger,
        backoffBaseMs: d.timings?.backoffBaseMs,
        backoffMaxMs: d.timings?.backoffMaxMs,
        onStatus: (u) => bots?.onStatus(u),
        onState: (state) => {
          bots?.onLiveState(state);
          if (state.status !== 'connected') transcripts.onDisconnected();
          d.emit('live:state', state);
        },
        onOpen: (reconnect) => {
          void bots?.refresh().catch((e: unknown) => d.logger.debug('Status refresh failed', { error: String(e) }));
          if (reconnect) void transcripts.onReconnected();
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
          for (const m of meetings) transcripts.follow(m.id, m.platform, m.nativeId);
          d.emit('bots:changed', meetings);
        },
        onFocusMeeting: (meetingId) => d.emit('ui:focusMeeting', { meetingId }),
        pollMs: d.timings?.pollMs,
      });
      hub.start();
      return new ServerSession(ServerSession.identityOf(server), hub, bots, transcripts);
    });
  }

  static identityOf(server: { id: string; url: string; generation: string; keyLabel: string | null }): string {
    return `${server.id}|${server.url}|${server.generation}|${server.keyLabel ?? ''}`;
  }

  close(): void {
    this.transcripts.close();
    this.bots.close();
    this.hub.close();
  }
}
