import { UserFacingError, type HandlerTable } from '../../shared/ipc/dispatch';
import type { AppState, LiveStateView, RunningBotView } from '../../shared/ipc/models';
import { IpcCodes } from '../../shared/ipc/result';
import { looksLikeMeetingLink } from '../../shared/meeting-link';
import { createAdminHandlers, type AdminHandlerDeps } from './admin/handlers';
import { forgetServerSecrets } from './admin/forget';
import { DEMO_SERVER_ID, type ConnectionService } from './connection';
import type { DemoService } from './demo';
import type { AppPaths, Clipboard, ExternalOpener, Logger, OverlayWindows, SecretStore } from './ports';
import type { Library, LibraryMeeting, OutboxService } from './cache';
import type { ServerSession } from './session';
import type { TranscriptService } from './share/transcriptService';
import type { SettingsStore } from './settings';

export interface HandlerDeps {
  state(): AppState;
  connection: ConnectionService;
  demo: DemoService;
  settings: SettingsStore;
  opener: ExternalOpener;
  clipboard: Clipboard;
  overlays: OverlayWindows;
  session(): ServerSession | null;
  library: Library;
  outbox: OutboxService;
  transcripts(): TranscriptService;
  paths: AppPaths;
  logger: Logger;
  emitState(): void;
  emitChanged(change: { serverId: string | null; meetingIds: number[] | null }): void;
  admin: Omit<AdminHandlerDeps, 'connection'>;
  secrets: SecretStore;
}

/** The one handler table both transports serve. Inputs arrive already validated. */
export function createHandlers(d: HandlerDeps): HandlerTable {
  const session = (): ServerSession => {
    const s = d.session();
    if (!s) throw new UserFacingError(IpcCodes.notConnected, 'Connect to a Vexa server first (or try the demo).');
    return s;
  };
  const idleLive: LiveStateView = { status: 'idle', retryAt: null, attempt: 0, dropped: 0, message: null };

  const leaveDemo = async (): Promise<void> => {
    if (d.demo.running) await d.demo.stop();
  };

  return {
    'app:getState': async () => d.state(),
    'app:reportError': async ({ message, stack }) => {
      d.logger.error('Renderer error', { message, stack });
      return null;
    },
    'settings:update': async (patch) => {
      const next = d.settings.update(patch);
      d.emitState();
      return next;
    },
    'connection:probe': async ({ url, apiKey }) => d.connection.probe(url, apiKey),
    'connection:connect': async ({ url, apiKey, keyStorage }) => {
      const view = await d.connection.connect(url, apiKey, keyStorage);
      await leaveDemo();
      return view;
    },
    'connection:reenterKey': async ({ apiKey, keyStorage }) => {
      const view = await d.connection.reenterKey(apiKey, keyStorage);
      await leaveDemo();
      return view;
    },
    'connection:recheck': async () => d.connection.recheck(),
    'connection:disconnect': async () => {
      // Forgetting a server forgets its admin key and webhook secret with its user key, also when
      // it was only waiting for a new user key (its old one refused).
      const leaving = d.connection.activeServer?.id ?? d.connection.view().keyNeeded?.id;
      if (leaving) await forgetServerSecrets(d.secrets, leaving);
      const view = await d.connection.disconnect();
      await leaveDemo();
      return view;
    },
    'demo:start': async (input) => {
      // The demo's simulator starts afresh each time; yesterday's demo meetings would only confuse.
      await d.library.forgetServer(DEMO_SERVER_ID);
      const { url, apiKey } = await d.demo.start(input?.profile);
      try {
        return await d.connection.connect(url, apiKey, 'session', true);
      } catch (e) {
        await d.demo.stop();
        throw e;
      }
    },
    'bots:launch': async (input) => session().bots.launch(input),
    'bots:stop': async ({ meetingId }) => session().bots.stop(meetingId),
    'bots:config': async ({ meetingId, language, task }) => {
      const s = session();
      const m = s.bots.tracker.get(meetingId);
      if (!m) throw new UserFacingError('not_found', 'This meeting is no longer in the list.');
      // "auto" is how the form says "detect the language"; the server takes no value for it.
      await s.bots.configure(m, { ...(language && language !== 'auto' ? { language } : {}), ...(task ? { task } : {}) });
      return null;
    },
    'bots:dismiss': async ({ meetingId }) => {
      session().bots.dismiss(meetingId);
      return null;
    },
    'bots:tracked': async () => d.session()?.bots.tracker.list() ?? [],
    'bots:refresh': async () => {
      const s = session();
      await s.bots.refresh();
      return s.bots.tracker.list();
    },
    'bots:running': async () =>
      (await session().bots.running()).map((b): RunningBotView => ({
        meetingId: b.meetingId,
        platform: b.platform,
        nativeMeetingId: b.nativeMeetingId,
        status: b.status,
        createdAt: b.createdAt ?? b.startTime,
        meetingUrl: b.meetingUrl,
      })),
    'clipboard:meetingLink': async () => {
      // Only a meeting link goes back to the window; the clipboard may hold anything else, a key included.
      const text = (await d.clipboard.readText().catch(() => '')).trim();
      return { text: text && text.length <= 4000 && looksLikeMeetingLink(text) ? text : null };
    },
    'clipboard:writeText': async ({ text }) => {
      await d.clipboard.writeText(text);
      return null;
    },
    'meetings:openLink': async ({ meetingId }) => {
      const m = session().bots.tracker.get(meetingId);
      if (!m?.meetingUrl)
        throw new UserFacingError(
          'no_link',
          'The app does not know the address of this meeting. Open it from your calendar or the invitation.',
        );
      await d.opener.openUrl(m.meetingUrl);
      return null;
    },
    'live:state': async () => d.session()?.hub.state ?? idleLive,
    'live:reconnectNow': async () => {
      const s = session();
      s.hub.reconnectNow();
      return s.hub.state;
    },
    'live:open': async ({ meetingId }) => {
      const s = session();
      const m = s.bots.tracker.get(meetingId);
      if (!m) throw new UserFacingError('not_found', 'This meeting is not followed live. Open it from the library instead.');
      return s.transcripts.open(meetingId, m.platform, m.nativeId);
    },
    'overlay:open': async ({ meetingId }) => ({ mode: await d.overlays.open(meetingId) }),
    'overlay:close': async () => {
      await d.overlays.close();
      return null;
    },
    'overlay:resize': async (size) => {
      await d.overlays.resize(size);
      return null;
    },
    'export:preview': async ({ ref, format, options }) => d.transcripts().preview(ref, format, options),
    'export:speakers': async ({ ref }) => d.transcripts().speakers(ref),
    'export:save': async ({ ref, format, options }) => d.transcripts().save(ref, format, options),
    'export:copy': async ({ ref, as, options }) => d.transcripts().copy(ref, as, options),
    'share:create': async ({ ref, ttlSeconds }) => d.transcripts().share(ref, ttlSeconds),
    'handoff:open': async ({ ref, tool }) => d.transcripts().handoff(ref, tool, d.settings.settings.aiPrompts[tool] ?? ''),
    'library:list': async (filter) => d.library.list(filter),
    'library:open': async ({ id }) => {
      const meeting = await d.library.meeting(id);
      if (!meeting) throw new UserFacingError('not_found', 'This meeting is no longer in the library.');
      const s = d.session();
      // The cached copy paints at once; fresher details and the transcript follow as an event.
      if (s && s.serverId === meeting.serverId) {
        // Announce only a real change: the window re-opens the meeting on the event.
        void s.sync
          .openMeeting(id)
          .then((outcome) => {
            if (outcome.meeting && contentOf(outcome.meeting) !== contentOf(meeting))
              d.emitChanged({ serverId: meeting.serverId, meetingIds: [id] });
          })
          .catch((e: unknown) => d.logger.debug('Refreshing a meeting failed', { error: String(e) }));
      }
      return {
        meeting,
        segments: (await d.library.transcript(id))?.segments ?? [],
        timeline: await d.library.timeline(id),
        edits: await d.outbox.list({ meetingId: id, finished: 'standing' }),
      };
    },
    'library:search': async ({ query, filters, limit, offset }) => d.library.search(query, filters, { limit, offset }),
    'library:edit': async ({ id, patch }) => {
      const edit = await d.outbox.edit(id, patch);
      d.emitChanged({ serverId: edit.serverId, meetingIds: [id] });
      const s = d.session();
      if (s && s.serverId === edit.serverId)
        void s.sync.replayOutbox().then(() => d.emitChanged({ serverId: edit.serverId, meetingIds: [id] }));
      return edit;
    },
    'library:resolveEdit': async ({ editId, choice }) => {
      const edit = await d.outbox.resolve(editId, choice);
      const s = d.session();
      if (edit) {
        d.emitChanged({ serverId: edit.serverId, meetingIds: [edit.meetingId] });
        if (s && s.serverId === edit.serverId)
          void s.sync.replayOutbox().then(() => d.emitChanged({ serverId: edit.serverId, meetingIds: [edit.meetingId] }));
      }
      return edit;
    },
    'library:delete': async ({ id, where }) => {
      const outcome = where === 'server' ? await session().sync.deleteFromServer(id) : null;
      if (where === 'local') await d.library.deleteLocal(id);
      d.emitChanged({ serverId: null, meetingIds: [id] });
      return outcome?.serverKept ? outcome : null;
    },
    'library:sync': async (input) => (d.session() ? await session().sync.run({ full: input?.full }) : null),
    'library:cancelTranscripts': async () => {
      d.session()?.sync.cancelTranscripts();
      return null;
    },
    'library:syncState': async () => d.session()?.sync.state() ?? null,
    'cache:stats': async () => d.library.stats(),
    'cache:clear': async () => {
      const s = d.session();
      // A download writing into the rows being removed would fail halfway; the sync below restarts it.
      s?.sync.cancelTranscripts();
      await d.library.clear();
      d.emitChanged({ serverId: null, meetingIds: null });
      // The connected server's meetings come back at once; other servers' when they are connected.
      if (s) void s.sync.runFresh({ full: true });
      return d.library.stats();
    },
    ...createAdminHandlers({ ...d.admin, connection: d.connection }),
    'shell:openFolder': async ({ which }) => {
      await d.opener.openFolder(which === 'data' ? d.paths.data : d.paths.logs);
      return null;
    },
  };
}

/** What the window shows of a meeting; the sync timestamps alone are not a change worth a reload. */
function contentOf(m: LibraryMeeting): string {
  const { lastSyncedAt: _a, transcriptSyncedAt: _b, ...shown } = m;
  return JSON.stringify(shown);
}
