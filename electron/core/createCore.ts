import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { UserFacingError } from '../../shared/ipc/dispatch';
import type { AppState, ServerConnectionView, StorageState } from '../../shared/ipc/models';
import { MintedTokens } from './admin/mintedTokens';
import { adminServicesByServer } from './admin/perServer';
import type { Core, CoreOptions } from './app';
import { Library, OutboxService } from './cache';
import { CACHE_TOO_NEW, openCache, openMemoryCache } from './cache/database';
import { inProcessExports, workerExports } from './export/exportRunner';
import { cachedTranscript } from './cache/exportSource';
import { createSpeakerHandlers } from './speakers/handlers';
import { correctTranscriptSpeakers } from './speakers/correctTranscript';
import { Connections } from './connections/connections';
import { DEMO_SERVER_ID } from '../../shared/serverLabel';
import { Sessions } from './connections/sessions';
import { connectionViewOf, serverView } from './connections/views';
import { DemoService } from './demo';
import { createAttentionFeed } from './desktop/attention';
import { followOverlay } from './desktop/overlayFollower';
import { unavailableLoginItems } from './desktop/ports';
import { createHandlers } from './handlers';
import { CaptionDelays } from './live/captionDelay';
import { CaptionDelayStore } from './live/captionDelayStore';
import { createPlanning, type PlanningParts } from './planning/createPlanning';
import { fileHealthMemory } from './meetings/healthMemory';
import { createLinkInbox } from './links/coreLinks';
import { createFileLogger } from './logger';
import { noSystemEvents, systemClock } from './ports';
import { redactErrors } from './redactErrors';
import { ServerRepository } from './servers';
import { SettingsStore } from './settings';
import { createShortcuts, noGlobalShortcuts } from './shortcuts';
import { knownMeetingName } from './share/meetingName';
import type { StorageFault } from './storageFault';
import { storageNotice, type StorageSubject } from './storageNotice';
import { TranscriptService } from './share/transcriptService';
import { createUpdates } from './updates/createUpdates';
import { createRecordingHandlers } from './recordingHandlers';
import { createMcpHandlers } from './mcpSettings';
import { startMcpHttp } from './mcpHttpHook';
import { serveMedia } from './recordings/mediaServer';
import { MediaTickets } from './recordings/mediaTickets';
import { OfflineRecordings } from './recordings/offlineCache';
import { RecordingService } from './recordings/recordingService';

export const CACHE_FILE = 'cache.sqlite';
export const SETTINGS_FILE = 'settings.json';

function osName(os: NodeJS.Platform): AppState['os'] {
  return os === 'darwin' || os === 'win32' || os === 'linux' ? os : 'other';
}

/**
 * Builds the core: every decision and all I/O with Vexa and SQLite, behind the handler table.
 * The transports (Electron IPC, the web harness) only carry requests and events.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createFileLogger({ dir: options.paths.logs });
  // A cache written by a newer app version is left untouched: this run works from a cache in
  // memory, and the window says why the library is empty.
  let cacheNotice: string | null = null;
  const cacheFile = join(options.paths.data, CACHE_FILE);
  const cache = (() => {
    try {
      return openCache({ file: cacheFile, logger, now: clock.now });
    } catch (e) {
      if (!(e instanceof UserFacingError) || e.code !== CACHE_TOO_NEW) throw e;
      logger.error('The cache belongs to a newer version of the app', { message: e.message });
      cacheNotice = e.message;
      return openMemoryCache({
        file: cacheFile,
        fault: { path: cacheFile, cause: 'newer-version', where: 'file', code: CACHE_TOO_NEW },
        now: clock.now,
      });
    }
  })();
  // What the disk refused besides the cache (a key, the list of servers), each kept for this run.
  const refused: Array<{ subject: StorageSubject; fault: StorageFault }> = [];
  const storageState = (): StorageState => {
    const library = cache.storage();
    const subjects = refused.map((r) => r.subject);
    if (library.mode === 'memory') {
      const message = cacheNotice
        ? `${cacheNotice} Until then, meetings are kept for this session only.`
        : storageNotice(['library', ...subjects], library, options.transport);
      return { mode: 'memory', file: library.path, cause: library.cause, message, since: library.since };
    }
    const [first] = refused;
    if (!first) return { mode: 'disk' };
    const message = storageNotice(subjects, first.fault, options.transport);
    return { mode: 'memory', file: first.fault.path, cause: first.fault.cause, message, since: null };
  };
  const settings = new SettingsStore(join(options.paths.data, SETTINGS_FILE));
  const library = new Library({ db: cache.db, file: cache.file, now: clock.now });
  const outbox = new OutboxService(library);
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const attention = options.attention ? createAttentionFeed(options.attention, () => settings.settings.doNotDisturb) : null;
  const overlay = followOverlay(options.overlays);
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    attention?.observe(event, payload);
    overlay.observe(event, payload);
    for (const l of listeners) l(event, payload);
  };

  const views = (): ServerConnectionView[] =>
    connections.list().map((c, position) => serverView(c, sessions?.slots(c.id) ?? null, position));
  const state = (): AppState => {
    const secure = options.secrets.status();
    const current = connections.current;
    return {
      version: options.version,
      os: osName(options.os),
      transport: options.transport,
      paths: { data: options.paths.data, logs: options.paths.logs, keys: options.secrets.location() },
      connection: connectionViewOf(current),
      servers: views(),
      currentServerId: current?.id ?? null,
      settings: settings.settings,
      secureStorage: { available: secure.secure, backend: secure.backend, reason: secure.reason },
      cacheNotice,
      storage: storageState(),
    };
  };
  const emitState = (): void => {
    if (listeners.size > 0) emit('app:state', state());
  };

  // Every server the app knows; one session (live socket, bots, transcripts, sync) per connected one.
  let sessions: Sessions | null = null;
  let planning: PlanningParts | null = null;
  const connections = new Connections({
    servers: new ServerRepository(cache.db),
    settings,
    secrets: options.secrets,
    library,
    logger,
    clock,
    fetch: options.fetch,
    resolveHost: options.resolveHost,
    onChange: () => {
      sessions?.sync();
      emitState();
      void planning?.service.refresh();
    },
    onStorageFault: (subject, fault) => {
      if (!refused.some((r) => r.subject === subject)) refused.push({ subject, fault });
      emitState();
    },
  });
  const captionDelays = new CaptionDelays({
    clock,
    logger,
    store: new CaptionDelayStore(library.db),
    emit: (e) => emit('live:captionDelay', e),
  });
  sessions = new Sessions({
    connections,
    settings,
    tray: options.tray,
    clipboard: options.clipboard,
    overlays: overlay.overlays,
    clock,
    logger,
    notifier: options.notifier,
    doNotDisturb: () => settings.settings.doNotDisturb,
    watchWords: () => settings.settings.watchWords,
    launchDefaults: () => settings.settings.launch,
    emit,
    timings: options.live,
    resolveHost: options.resolveHost,
    library,
    outbox,
    captionDelays,
    healthMemory: fileHealthMemory(join(options.paths.data, 'meeting-health.json'), () => clock.now()),
    onListChanged: emitState,
    upcoming: () => planning?.trayLines() ?? [],
  });
  const live = sessions;
  cache.onStorageChange(() => emitState());
  const demo = new DemoService(logger, options.demo?.timeScale);

  // A laptop waking up or a network coming back should not wait out a 30 s backoff.
  const stopWake = (options.system ?? noSystemEvents).onWake(() => live.reconnectAll());

  logger.info('Core started', { version: options.version, transport: options.transport, recoveredCache: cache.recoveredFrom });
  const restored = await connections.restore();
  if (restored.demo) {
    // The demo comes back as the user left it (its meetings too); its simulator starts fresh on a new port.
    void demo
      .start()
      .then(({ url, apiKey }) => connections.add(url, apiKey, 'session', { demo: true }))
      .catch(async (e: unknown) => {
        logger.warn('Could not restart the demo', { error: e });
        await demo.stop();
        await connections.forgetDemo().catch((forgetError: unknown) => logger.warn('Could not forget the demo', { error: forgetError }));
      });
  }

  const exports = options.exportWorker ? workerExports({ ...options.exportWorker, logger }) : inProcessExports;
  // Each request acts on its meeting's server (the ref's, else the current one); nothing here
  // throws for want of a connection: the service falls back to this computer's copy.
  const transcriptService = new TranscriptService({
    exports,
    client: (serverId) => connections.require(serverId).client(),
    capabilities: (serverId) => {
      const record = connections.get(serverId)?.record;
      if (!record) throw new UserFacingError('not_connected', 'The meeting’s server is still being checked. Try again in a moment.');
      return record.capabilities;
    },
    isConnected: (serverId) => connections.get(serverId)?.live === true,
    serverLabel: (serverId) => connections.get(serverId)?.label ?? "the meeting's server",
    cachedServersOf: (ref) => library.serversHolding(ref.platform, ref.nativeMeetingId, ref.meetingId),
    dialogs: options.dialogs,
    clipboard: options.clipboard,
    opener: options.opener,
    logger,
    activeServerId: () => connections.current?.id ?? null,
    cached: (ref, accept) => cachedTranscript(library, ref.serverId, ref.meetingId, accept),
    correctSpeakers: (ref, t) => correctTranscriptSpeakers(library.speakers, ref.serverId, ref.meetingId, t),
    meetingName: (ref) =>
      knownMeetingName(ref, {
        library,
        activeServerId: () => connections.current?.id ?? null,
        followed: (serverId, id) => live.get(serverId)?.bots.tracker.get(id)?.name ?? null,
      }),
    writeFile: (path, data) => writeFile(path, data),
    now: clock.now,
  });

  const minted = new MintedTokens(clock.now);
  const adminFor = adminServicesByServer({
    connections,
    secrets: options.secrets,
    logger,
    clock,
    minted,
    fetch: options.fetch,
    resolveHost: options.resolveHost,
  });

  const links = createLinkInbox({ connections, library, emit, logger });
  const updates = createUpdates({ options, settings, clock, logger, tracked: () => live.tracked(), emit });
  const shortcuts = createShortcuts({
    shell: options.shortcuts ?? { port: noGlobalShortcuts, showApp: () => {} },
    os: options.os,
    settings,
    connections,
    sessions: live,
    clipboard: options.clipboard,
    notifier: options.notifier,
    overlays: overlay.overlays,
    emit,
    emitState,
    clock,
    logger,
  });

  planning = createPlanning({
    connections,
    clock: options.planningClock ?? clock,
    notifier: options.notifier,
    doNotDisturb: () => settings.settings.doNotDisturb,
    emit: (view) => emit('plans:changed', view),
    onChange: () => live.redrawTray(),
    logger,
    followBots: (serverId) =>
      void live
        .get(serverId)
        ?.bots.refresh()
        .catch(() => undefined),
  });
  planning.service.start();
  // Recordings kept for offline listening live beside the cache, in the private data folder.
  const offlineRecordings = new OfflineRecordings(join(options.paths.data, 'recordings'), clock.now);
  const mediaTickets = new MediaTickets();
  const connectedClient = (serverId: string) => {
    const c = connections.get(serverId);
    return c?.live ? c.client() : null;
  };
  const recordings = new RecordingService({
    meeting: (id) => library.meeting(id),
    server: (serverId) => {
      const c = connections.get(serverId);
      return c?.record ? { label: c.label, generation: c.record.generation, capabilities: c.record.capabilities } : null;
    },
    client: connectedClient,
    cache: offlineRecordings,
    tickets: mediaTickets,
    dialogs: options.dialogs,
    logger,
    keyScopes: (serverId) => adminFor(serverId).keyScopes.current(),
  });

  const mcpHttp = startMcpHttp({ options, logger, exposed: () => settings.mcp.exposedServers });
  const handlers = redactErrors(
    createHandlers({
      state,
      views,
      connections,
      sessions: live,
      demo,
      settings,
      opener: options.opener,
      clipboard: options.clipboard,
      overlays: overlay.overlays,
      library,
      outbox,
      transcripts: () => transcriptService,
      paths: options.paths,
      logger,
      emitState,
      emitChanged: (change) => emit('library:changed', change),
      admin: { forServer: adminFor },
      links: links.handlers,
      captionDelay: captionDelays.handlers,
      loginItems: options.loginItems ?? unavailableLoginItems('This version of the app cannot start at login.'),
      updates: updates.handlers,
      shortcuts: shortcuts.handlers,
      planning: planning.handlers,
      recordings: createRecordingHandlers(recordings),
      mcp: { ...createMcpHandlers({ settings, library, launch: options.mcp ?? null, os: options.os }), ...mcpHttp.handlers },
      speakers: createSpeakerHandlers({
        library,
        outbox,
        logger,
        serverLabel: (serverId) => connections.get(serverId)?.label ?? 'this server',
        isConnected: (serverId) => connections.get(serverId)?.live === true,
        replay: (serverId, meetingIds) => {
          const s = live.get(serverId);
          if (s) void s.sync.replayOutbox().then(() => emit('library:changed', { serverId, meetingIds }));
        },
        emitChanged: (change) => emit('library:changed', change),
        emitSpeakers: (serverId) => emit('speakers:changed', { serverId }),
      }),
      forgetKeptRecordings: (meeting) => offlineRecordings.forgetMeeting(meeting),
    }),
    logger,
    (serverId) => adminFor(serverId).keyScopes.current(),
  );

  // The synchronous part comes first and holds everything that must survive the process: the OS
  // may end it right after a session-end handler returns. The simulator and the export worker
  // touch no file of the app's and die with the process anyway.
  let closed = false;
  const closeNow = (): void => {
    if (closed) return;
    closed = true;
    listeners.clear();
    stopWake();
    updates.service.close();
    shortcuts.stop();
    planning?.service.close();
    minted.clear();
    void mcpHttp.service.close();
    live.close();
    cache.close();
    logger.info('Core closed');
  };
  let closing: Promise<void> | null = null;
  return {
    handlers,
    logger,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    closeNow,
    openLink: (raw) => links.inbox.open(raw),
    serveMedia: (request) =>
      serveMedia(request, { tickets: mediaTickets, cache: offlineRecordings, client: connectedClient, logger }).catch((e: unknown) => {
        logger.warn('A recording request failed', { error: String(e) });
        return new Response('The recording could not be loaded.', { status: 500 });
      }),
    close() {
      closing ??= (async () => {
        try {
          closeNow();
        } finally {
          await demo.stop();
          await mcpHttp.service.close();
          await exports.close();
          await logger.close();
        }
      })();
      return closing;
    },
    notices: {
      seen: (id) => settings.noticeSeen(id),
      markSeen: (id) => {
        try {
          settings.markNoticeSeen(id);
        } catch (e) {
          // The explanation is given once more at the next start; that is all.
          logger.warn('Could not remember an explanation as given', { id, error: e });
        }
      },
    },
  };
}

export { DEMO_SERVER_ID };
