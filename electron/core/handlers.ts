import { UserFacingError, type HandlerTable } from '../../shared/ipc/dispatch';
import type { AppState, ServerConnectionView } from '../../shared/ipc/models';
import { looksLikeMeetingLink } from '../../shared/meeting-link';
import { createAdminHandlers, type AdminHandlerDeps } from './admin/handlers';
import { createBotHandlers } from './botHandlers';
import { createWatchWordHandlers } from './watchWords/watchHandlers';
import type { Connections } from './connections/connections';
import { notConnected } from './connections/serverConnection';
import type { Sessions } from './connections/sessions';
import type { DemoService } from './demo';
import { createDesktopHandlers } from './desktop/loginItem';
import type { LoginItems } from './desktop/ports';
import type { AppPaths, Clipboard, ExternalOpener, Logger, OverlayWindows } from './ports';
import type { Library, LibraryMeeting, OutboxService } from './cache';
import { createServerHandlers } from './serverHandlers';
import { createParticipantHandlers } from './participants/handlers';
import { DEMO_SERVER_ID } from '../../shared/serverLabel';
import type { TranscriptService } from './share/transcriptService';
import type { SettingsStore } from './settings';
import type { UpdateHandlers } from './updates/handlers';
import type { ShortcutHandlerTable } from './shortcuts';
import type { PlanningHandlerTable } from './planning/handlers';
import type { RecordingHandlerTable } from './recordingHandlers';
import type { createMcpHandlers } from './mcpSettings';
import type { McpHttpHandlers } from './mcpHttp';
import type { createSpeakerHandlers } from './speakers/handlers';

export interface HandlerDeps {
  state(): AppState;
  views(): ServerConnectionView[];
  connections: Connections;
  sessions: Sessions;
  demo: DemoService;
  settings: SettingsStore;
  opener: ExternalOpener;
  clipboard: Clipboard;
  overlays: OverlayWindows;
  library: Library;
  outbox: OutboxService;
  transcripts(): TranscriptService;
  paths: AppPaths;
  logger: Logger;
  emitState(): void;
  emitChanged(change: { serverId: string | null; meetingIds: number[] | null }): void;
  admin: AdminHandlerDeps;
  /** How late live captions are and were (core/live/captionDelay.ts). */
  captionDelay?: Pick<HandlerTable, 'live:captionDelay' | 'meetings:captionDelay'>;
  /** `links:take` (core/links/coreLinks.ts). */
  links: Pick<HandlerTable, 'links:take'>;
  loginItems: LoginItems;
  updates: UpdateHandlers;
  shortcuts: ShortcutHandlerTable;
  /** Coming up and calendars (core/planning/handlers.ts). */
  planning: PlanningHandlerTable;
  recordings: RecordingHandlerTable;
  /** Settings → AI tools (mcpSettings.ts). */
  mcp: ReturnType<typeof createMcpHandlers> & McpHttpHandlers;
  /** Speaker corrections (speakers/handlers.ts). */
  speakers: ReturnType<typeof createSpeakerHandlers>;
  /** Removes the offline copies of a deleted meeting's recordings. */
  forgetKeptRecordings(meeting: { serverId: string; remoteId: number }): Promise<unknown>;
}

/**
 * The one handler table both transports serve. Inputs arrive already validated. The library,
 * search, notes and export read the cache and never need a connection; what only a server can do
 * is sent to the meeting's own server, and a server that is not connected is named in the refusal.
 */
export function createHandlers(d: HandlerDeps): HandlerTable {
  const { sessions, connections } = d;
  /** Sends the outbox of one server, if it is connected, and announces the result. */
  const replay = (serverId: string, meetingId: number): void => {
    const s = sessions.get(serverId);
    if (s) void s.sync.replayOutbox().then(() => d.emitChanged({ serverId, meetingIds: [meetingId] }));
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
    ...createServerHandlers({ connections, demo: d.demo, views: d.views, playDemoSample: () => playDemoSample(d) }),
    ...createDesktopHandlers({ loginItems: d.loginItems, settings: d.settings, logger: d.logger, emitState: d.emitState }),
    ...d.updates,
    ...createBotHandlers({ connections, sessions, opener: d.opener, overlays: d.overlays, logger: d.logger }),
    ...createParticipantHandlers({ library: d.library, connections, logger: d.logger }),
    'clipboard:meetingLink': async () => {
      // Only a meeting link goes back to the window; the clipboard may hold anything else, a key included.
      const text = (await d.clipboard.readText().catch(() => '')).trim();
      return { text: text && text.length <= 4000 && looksLikeMeetingLink(text) ? text : null };
    },
    'clipboard:writeText': async ({ text }) => {
      await d.clipboard.writeText(text);
      return null;
    },
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
    'export:hasChat': async ({ ref }) => d.transcripts().hasChat(ref),
    'export:save': async ({ ref, format, options }) => d.transcripts().save(ref, format, options),
    'export:copy': async ({ ref, as, options }) => d.transcripts().copy(ref, as, options),
    'share:create': async ({ ref, ttlSeconds }) => d.transcripts().share(ref, ttlSeconds),
    'handoff:open': async ({ ref, tool }) => d.transcripts().handoff(ref, tool, d.settings.settings.aiPrompts[tool] ?? ''),
    'library:list': async (filter) => d.library.list(filter),
    'library:open': async ({ id, around }) => {
      const meeting = await d.library.meeting(id);
      if (!meeting) throw new UserFacingError('not_found', 'This meeting is no longer in the library.');
      const s = sessions.get(meeting.serverId);
      // The cached copy paints at once; fresher details and the transcript follow as an event.
      if (s) {
        // Announce only a real change: the window re-opens the meeting on the event.
        void s.sync
          .openMeeting(id)
          .then((outcome) => {
            if (outcome.meeting && contentOf(outcome.meeting) !== contentOf(meeting))
              d.emitChanged({ serverId: meeting.serverId, meetingIds: [id] });
          })
          .catch((e: unknown) => d.logger.debug('Refreshing a meeting failed', { error: String(e) }));
      }
      const window = around === undefined ? null : await d.library.transcriptAround(id, around, AROUND_LINES);
      return {
        meeting,
        ...(window && window.before + window.after > 0
          ? { segments: window.segments, window: { before: window.before, after: window.after } }
          : { segments: window?.segments ?? (await d.library.transcript(id))?.segments ?? [] }),
        timeline: await d.library.timeline(id),
        edits: await d.outbox.list({ meetingId: id, finished: 'standing' }),
      };
    },
    'library:segments': async ({ id }) => {
      const transcript = await d.library.transcript(id);
      if (!transcript) throw new UserFacingError('not_found', 'This meeting is no longer in the library.');
      return { segments: transcript.segments };
    },
    'library:search': async ({ query, filters, limit, offset }) => d.library.search(query, filters, { limit, offset }),
    'library:edit': async ({ id, patch }) => {
      // Kept on this computer at once; sent when the meeting's server is connected (now or later).
      const edit = await d.outbox.edit(id, patch);
      d.emitChanged({ serverId: edit.serverId, meetingIds: [id] });
      replay(edit.serverId, id);
      return edit;
    },
    'library:resolveEdit': async ({ editId, choice }) => {
      const edit = await d.outbox.resolve(editId, choice);
      if (edit) {
        d.emitChanged({ serverId: edit.serverId, meetingIds: [edit.meetingId] });
        replay(edit.serverId, edit.meetingId);
      }
      return edit;
    },
    'library:delete': async ({ id, where }) => {
      let outcome = null;
      const meeting = await d.library.meeting(id);
      if (where === 'server') {
        if (!meeting) throw new UserFacingError('not_found', 'This meeting is no longer in the library.');
        const s = sessions.get(meeting.serverId);
        if (!s)
          throw notConnected(
            connections.get(meeting.serverId)?.label ?? 'Its server',
            'delete it there (delete it from this computer only instead)',
          );
        outcome = await s.sync.deleteFromServer(id);
      }
      if (where === 'local') await d.library.deleteLocal(id);
      // Audio kept for offline listening is part of the meeting a person deleted.
      if (meeting?.remoteId != null) await d.forgetKeptRecordings({ serverId: meeting.serverId, remoteId: meeting.remoteId });
      d.emitChanged({ serverId: null, meetingIds: [id] });
      return outcome?.serverKept ? outcome : null;
    },
    'library:sync': async ({ serverId, full }) => {
      if (serverId !== undefined) return sessions.require(serverId, 'read its meetings').sync.run({ full });
      // Every connected server on its own; the answer is the current server's state.
      const states = await Promise.all(sessions.all().map(async (s) => ({ id: s.serverId, state: await s.sync.run({ full }) })));
      return states.find((s) => s.id === connections.current?.id)?.state ?? states[0]?.state ?? null;
    },
    'library:cancelTranscripts': async (input) => {
      const serverId = input?.serverId;
      for (const s of serverId === undefined ? sessions.all() : [sessions.get(connections.require(serverId).id)])
        s?.sync.cancelTranscripts();
      return null;
    },
    'library:syncState': async (input) => {
      const c = connections.resolve(input?.serverId ?? undefined);
      return (c && sessions.get(c.id)?.sync.state()) ?? null;
    },
    'cache:stats': async () => d.library.stats(),
    'cache:clear': async () => {
      const open = sessions.all();
      // A download writing into the rows being removed would fail halfway; the syncs below restart it.
      for (const s of open) s.sync.cancelTranscripts();
      await d.library.clear();
      await connections.forgetRemoved();
      d.emitChanged({ serverId: null, meetingIds: null });
      // Connected servers' meetings come back at once; the others' when they are connected.
      for (const s of open) void s.sync.runFresh({ full: true });
      return d.library.stats();
    },
    ...createAdminHandlers(d.admin),
    ...d.links,
    ...(d.captionDelay ?? noCaptionDelay),
    ...d.shortcuts,
    ...d.planning,
    ...d.recordings,
    ...d.mcp,
    ...createWatchWordHandlers(sessions),
    ...d.speakers,
    'shell:openFolder': async ({ which }) => {
      await d.opener.openFolder(which === 'data' ? d.paths.data : d.paths.logs);
      return null;
    },
  };
}

/**
 * Segments either side of a search hit that `library:open` answers first: more than the tallest
 * window shows around it, a small answer for a 20,000-line meeting; the rest follows when asked.
 */
const AROUND_LINES = 120;

/**
 * What the window shows of a meeting; the sync timestamps alone are not a change worth a reload.
 * `statusSeenAt` is one of them: every read from the server stamps it, and the window words it
 * ("as of …") only for a server that is not connected, never the one this refresh just read.
 */
function contentOf(m: LibraryMeeting): string {
  const { lastSyncedAt: _a, transcriptSyncedAt: _b, statusSeenAt: _c, ...shown } = m;
  return JSON.stringify(shown);
}

/** The sample meeting the demo plays: a Google Meet code the demo's simulator answers like any meeting. */
export const DEMO_SAMPLE_LINK = 'https://meet.google.com/vxa-demo-mtg';
const DEMO_SAMPLE_NOTICE = 'demo-sample-played';

/**
 * The first demo sends a bot to a sample meeting by itself, so a newcomer sees the point within a
 * minute without inventing a link: the bot joins, waits in the lobby (the alert), is admitted
 * and captions appear. Later demos leave the choice to the person. A failure here only costs the
 * sample; the demo itself is connected.
 */
async function playDemoSample(d: Pick<HandlerDeps, 'sessions' | 'settings' | 'logger'>): Promise<void> {
  if (d.settings.noticeSeen(DEMO_SAMPLE_NOTICE)) return;
  try {
    await d.sessions.launch({ link: DEMO_SAMPLE_LINK, serverId: DEMO_SERVER_ID, botName: 'Vexa demo bot' });
    d.settings.markNoticeSeen(DEMO_SAMPLE_NOTICE);
  } catch (e) {
    d.logger.warn('The demo could not play its sample meeting', { error: e });
  }
}

/** Cores built without caption delays (some tests) answer that nothing was measured. */
const noCaptionDelay: Pick<HandlerTable, 'live:captionDelay' | 'meetings:captionDelay'> = {
  'live:captionDelay': async () => null,
  'meetings:captionDelay': async () => null,
};
