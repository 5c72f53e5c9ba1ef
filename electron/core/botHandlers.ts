import { UserFacingError, type Handler } from '../../shared/ipc/dispatch';
import type { ChannelName } from '../../shared/ipc/contract';
import type { LiveStateView, RunningBotView } from '../../shared/ipc/models';
import { helpScreenUrl } from '../../shared/meetings/health';
import type { Connections } from './connections/connections';
import { withServer, type Sessions } from './connections/sessions';
import type { ExternalOpener, Logger, OverlayWindows } from './ports';

type BotChannel =
  | 'bots:launch'
  | 'bots:launchTarget'
  | 'bots:stop'
  | 'bots:config'
  | 'bots:dismiss'
  | 'bots:tracked'
  | 'bots:refresh'
  | 'bots:running'
  | 'bots:slots'
  | 'meetings:openLink'
  | 'meetings:openHelp'
  | 'live:state'
  | 'live:reconnectNow'
  | 'live:open'
  | 'live:earlier'
  | 'live:painted'
  | 'overlay:open';

export type BotHandlerTable = { [C in BotChannel & ChannelName]: Handler<C> };

export interface BotHandlerDeps {
  connections: Connections;
  sessions: Sessions;
  opener: ExternalOpener;
  overlays: OverlayWindows;
  logger: Logger;
}

type OnServer = { serverId?: string } | null | undefined;

/** Sending bots and following them, on the server each request names (else the current one). */
export function createBotHandlers({ connections, sessions, opener, overlays, logger }: BotHandlerDeps): BotHandlerTable {
  const idle = (serverId: string | null): LiveStateView => ({
    serverId,
    status: 'idle',
    retryAt: null,
    attempt: 0,
    dropped: 0,
    message: null,
  });
  const followed = (serverId: string | undefined, meetingId: number, action: string) => {
    const s = sessions.require(serverId, action);
    const m = s.bots.tracker.get(meetingId);
    return { s, m };
  };

  return {
    'bots:launch': async (input) => sessions.launch(input),
    'bots:launchTarget': async ({ link }) => sessions.launchTarget(link),
    'bots:stop': async ({ serverId, meetingId }) => {
      const s = sessions.require(serverId, 'stop its bot');
      return withServer(s.serverId, await s.bots.stop(meetingId));
    },
    'bots:config': async ({ serverId, meetingId, language, task }) => {
      const { s, m } = followed(serverId, meetingId, 'change its bot');
      if (!m) throw new UserFacingError('not_found', 'This meeting is no longer in the list.');
      // "auto" is how the form says "detect the language"; the server takes no value for it.
      await s.bots.configure(m, { ...(language && language !== 'auto' ? { language } : {}), ...(task ? { task } : {}) });
      return null;
    },
    'bots:dismiss': async ({ serverId, meetingId }) => {
      // A finished meeting of a server that went away since can still be dismissed: nothing is left to follow.
      const c = connections.resolve(serverId);
      if (c) sessions.get(c.id)?.bots.dismiss(meetingId);
      return null;
    },
    'bots:tracked': async (input: OnServer) => {
      const serverId = input?.serverId;
      if (serverId !== undefined) connections.require(serverId);
      return sessions.tracked(serverId);
    },
    'bots:refresh': async (input: OnServer) => {
      const serverId = input?.serverId;
      if (serverId !== undefined) {
        await sessions.require(serverId, 'read its bots').bots.refresh();
        return sessions.tracked(serverId);
      }
      const all = sessions.all();
      if (all.length === 0) throw new UserFacingError('not_connected', 'Connect to a Vexa server first (or try the demo).');
      // Each server on its own: one that cannot be reached does not keep the others' statuses back.
      const results = await Promise.allSettled(all.map((s) => s.bots.refresh()));
      const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      if (failed.length === all.length) throw failed[0];
      for (const e of failed) logger.debug('Status refresh failed', { error: String(e) });
      return sessions.tracked();
    },
    'bots:running': async (input: OnServer) => {
      const s = sessions.require(input?.serverId, 'list its running bots');
      return (await s.bots.running()).map((b): RunningBotView => ({
        serverId: s.serverId,
        meetingId: b.meetingId,
        platform: b.platform,
        nativeMeetingId: b.nativeMeetingId,
        status: b.status,
        createdAt: b.createdAt ?? b.startTime,
        meetingUrl: b.meetingUrl,
      }));
    },
    'bots:slots': async (input: OnServer) => {
      const serverId = input?.serverId;
      if (serverId !== undefined) {
        const s = sessions.require(serverId, 'count its bots');
        return sessions.slots(s.serverId) ? [sessions.slots(s.serverId)!] : [];
      }
      return sessions.all().flatMap((s) => sessions.slots(s.serverId) ?? []);
    },
    'meetings:openLink': async ({ serverId, meetingId }) => {
      const { m } = followed(serverId, meetingId, 'open the meeting');
      if (!m?.meetingUrl)
        throw new UserFacingError(
          'no_link',
          'The app does not know the address of this meeting. Open it from your calendar or the invitation.',
        );
      await opener.openUrl(m.meetingUrl);
      return null;
    },
    'meetings:openHelp': async ({ serverId, meetingId }) => {
      const { s, m } = followed(serverId, meetingId, 'open the bot’s screen');
      const url = helpScreenUrl(connections.get(s.serverId)?.record?.url ?? '', m?.help?.screen ?? null);
      if (!url) throw new UserFacingError('no_link', 'The server offers no view of the bot’s screen for this meeting.');
      await opener.openUrl(url);
      return null;
    },
    'live:state': async (input: OnServer) => {
      const c = connections.resolve(input?.serverId);
      return (c && sessions.get(c.id)?.liveState) ?? idle(c?.id ?? null);
    },
    'live:reconnectNow': async (input: OnServer) => {
      if (input?.serverId === undefined) {
        if (sessions.all().length === 0) throw new UserFacingError('not_connected', 'Connect to a Vexa server first (or try the demo).');
        sessions.reconnectAll();
        const current = connections.current;
        return (current && sessions.get(current.id)?.liveState) ?? idle(current?.id ?? null);
      }
      const s = sessions.require(input.serverId, 'reconnect its live connection');
      s.hub.reconnectNow();
      return s.liveState;
    },
    'live:open': async ({ serverId, meetingId, newest }) => {
      const { s, m } = followed(serverId, meetingId, 'follow this meeting live');
      if (!m) throw new UserFacingError('not_found', 'This meeting is not followed live. Open it from the library instead.');
      const snapshot = await s.transcripts.open(meetingId, m.platform, m.nativeId, newest);
      if (!snapshot)
        throw new UserFacingError('unavailable', 'This meeting has ended and its server did not answer. Open it from the library instead.');
      return { ...snapshot, serverId: s.serverId };
    },
    'live:earlier': async ({ serverId, meetingId, before }) => {
      const { s, m } = followed(serverId, meetingId, 'follow this meeting live');
      if (!m) throw new UserFacingError('not_found', 'This meeting is not followed live. Open it from the library instead.');
      const earlier = await s.transcripts.earlier(meetingId, m.platform, m.nativeId, before);
      if (!earlier)
        throw new UserFacingError(
          'unavailable',
          'The earlier captions could not be read: the server did not answer. Open the meeting from the library instead.',
        );
      return { ...earlier, serverId: s.serverId };
    },
    // A server that went away meanwhile has nothing left to push.
    'live:painted': async ({ serverId }) => {
      sessions.get(serverId)?.transcripts.acknowledge();
      return null;
    },
    'overlay:open': async ({ serverId, meetingId }) => {
      const c = connections.resolve(serverId);
      if (!c) throw new UserFacingError('not_connected', 'Connect to a Vexa server first (or try the demo).');
      return { mode: await overlays.open(meetingId, c.id) };
    },
  };
}
