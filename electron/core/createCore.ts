import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { UserFacingError, type HandlerTable } from '../../shared/ipc/dispatch';
import type { AppState, StorageState } from '../../shared/ipc/models';
import { scopeRefusal } from './admin/account';
import { AdminAccess } from './admin/adminAccess';
import { AdminUsers } from './admin/adminUsers';
import { MintedTokens } from './admin/mintedTokens';
import { KeyScopes } from './admin/keyScopes';
import { WebhookService } from './admin/webhooks';
import type { Core, CoreOptions } from './app';
import { Library, OutboxService } from './cache';
import { CACHE_TOO_NEW, openCache, openMemoryCache } from './cache/database';
import { inProcessExports, workerExports } from './export/exportRunner';
import { cachedTranscript } from './cache/exportSource';
import { ConnectionService, DEMO_SERVER_ID } from './connection';
import { DemoService } from './demo';
import { createHandlers } from './handlers';
import { createFileLogger } from './logger';
import { noSystemEvents, systemClock, type Logger } from './ports';
import { ServerRepository } from './servers';
import { ServerSession } from './session';
import { SettingsStore } from './settings';
import { knownMeetingName } from './share/meetingName';
import type { StorageFault } from './storageFault';
import { storageNotice, type StorageSubject } from './storageNotice';
import { TranscriptService } from './share/transcriptService';

export const CACHE_FILE = 'cache.sqlite';
export const SETTINGS_FILE = 'settings.json';

/**
 * A server may echo what it was sent inside an error detail; no message that crosses to the
 * renderer may carry a key, so every handler error passes through the logger's redaction.
 */
/** Channels whose scope refusal is about a key being tried, not the connected one. */
const CHECKS_ANOTHER_KEY = new Set([
  'connection:probe',
  'connection:connect',
  'connection:reenterKey',
  'demo:start',
  'admin:tokens:useInApp',
]);

function redactErrors(table: HandlerTable, logger: Logger, keyScopes: () => Promise<string[] | null>): HandlerTable {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(table) as Array<[string, (input: never) => Promise<unknown>]>) {
    wrapped[name] = async (input) => {
      try {
        return await handler(input);
      } catch (e) {
        const coded = e as { code?: unknown; userMessage?: unknown; message?: unknown };
        if (typeof coded.code === 'string' && typeof coded.userMessage === 'string') {
          // A scope refusal says what the action needs (the client) and what this key has.
          const text =
            coded.code === 'missing_scope' && !CHECKS_ANOTHER_KEY.has(name)
              ? scopeRefusal(coded.userMessage, await keyScopes().catch(() => null))
              : coded.userMessage;
          throw new UserFacingError(coded.code, logger.redact(text));
        }
        if (e instanceof UserFacingError) throw new UserFacingError(e.code, logger.redact(e.message));
        throw e;
      }
    };
  }
  return wrapped as unknown as HandlerTable;
}

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
  // What the disk refused besides the cache (the key, the active server), each kept for this run.
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

  const state = (): AppState => {
    const secure = options.secrets.status();
    return {
      version: options.version,
      os: osName(options.os),
      transport: options.transport,
      paths: { data: options.paths.data, logs: options.paths.logs, keys: options.secrets.location() },
      connection: connection.view(),
      settings: settings.settings,
      secureStorage: { available: secure.secure, backend: secure.backend, reason: secure.reason },
      cacheNotice,
      storage: storageState(),
    };
  };
  const emitState = (): void => {
    const snapshot = state();
    for (const l of listeners) l('app:state', snapshot);
  };

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const l of listeners) l(event, payload);
  };

  // One session (live socket + bots) per connected server; rebuilt when the server or key changes.
  let session: ServerSession | null = null;
  const syncSession = (): void => {
    const server = connection.activeServer;
    const identity = server && connection.view().status === 'connected' ? ServerSession.identityOf(server) : null;
    if (identity === (session?.identity ?? null)) return;
    session?.close();
    session = null;
    emit('bots:changed', []);
    if (!identity) return;
    session = ServerSession.open({
      connection,
      clock,
      logger,
      notifier: options.notifier,
      tray: options.tray,
      clipboard: options.clipboard,
      doNotDisturb: () => settings.settings.doNotDisturb,
      launchDefaults: () => settings.settings.launch,
      emit,
      timings: options.live,
      resolveHost: options.resolveHost,
      library,
      outbox,
    });
  };

  const connection = new ConnectionService({
    servers: new ServerRepository(cache.db),
    settings,
    secrets: options.secrets,
    logger,
    clock,
    fetch: options.fetch,
    resolveHost: options.resolveHost,
    onChange: () => {
      emitState();
      syncSession();
    },
    onStorageFault: (subject, fault) => {
      if (!refused.some((r) => r.subject === subject)) refused.push({ subject, fault });
      emitState();
    },
  });
  cache.onStorageChange(() => emitState());
  const demo = new DemoService(logger, options.demo?.timeScale);

  // A laptop waking up or a network coming back should not wait out a 30 s backoff.
  const stopWake = (options.system ?? noSystemEvents).onWake(() => session?.hub.reconnectNow());

  logger.info('Core started', { version: options.version, transport: options.transport, recoveredCache: cache.recoveredFrom });
  const restored = await connection.restore();
  if (restored === 'demo') {
    // The demo comes back as the user left it; its simulator starts fresh on a new port.
    void demo
      .start()
      .then(({ url, apiKey }) => connection.connect(url, apiKey, 'session', true))
      .catch((e: unknown) => {
        logger.warn('Could not restart the demo', { error: e });
        try {
          settings.setActiveServer(null);
        } catch (saveError) {
          // The next start tries the demo again; nothing is lost.
          logger.warn('Could not forget the demo in the settings', { error: saveError });
        }
      });
  }

  const exports = options.exportWorker ? workerExports({ ...options.exportWorker, logger }) : inProcessExports;
  const transcriptService = new TranscriptService({
    exports,
    client: () => connection.client(),
    capabilities: () => {
      const server = connection.activeServer;
      if (!server) throw new UserFacingError('not_connected', 'Connect to a Vexa server first (or try the demo).');
      return server.capabilities;
    },
    dialogs: options.dialogs,
    clipboard: options.clipboard,
    opener: options.opener,
    logger,
    activeServerId: () => connection.activeServer?.id ?? null,
    cached: (ref, accept) => {
      const serverId = ref.serverId ?? connection.activeServer?.id;
      return serverId ? cachedTranscript(library, serverId, ref.meetingId, accept) : Promise.resolve(null);
    },
    meetingName: (ref) =>
      knownMeetingName(ref, {
        library,
        activeServerId: () => connection.activeServer?.id ?? null,
        followed: (id) => session?.bots.tracker.get(id)?.name ?? null,
      }),
    writeFile: (path, data) => writeFile(path, data),
    now: clock.now,
  });

  const adminAccess = new AdminAccess({
    connection,
    secrets: options.secrets,
    logger,
    fetch: options.fetch,
    resolveHost: options.resolveHost,
  });
  const minted = new MintedTokens(clock.now);
  const adminUsers = new AdminUsers({ access: adminAccess, connection, minted, logger });
  const webhooks = new WebhookService({
    connection,
    secrets: options.secrets,
    logger,
    clock,
    fetch: options.fetch,
    resolveHost: options.resolveHost,
  });
  const keyScopes = new KeyScopes(connection);

  const handlers = redactErrors(
    createHandlers({
      state,
      connection,
      demo,
      settings,
      opener: options.opener,
      clipboard: options.clipboard,
      overlays: options.overlays,
      session: () => session,
      library,
      outbox,
      transcripts: () => transcriptService,
      paths: options.paths,
      logger,
      emitState,
      emitChanged: (change) => emit('library:changed', change),
      admin: { access: adminAccess, users: adminUsers, webhooks, keyScopes },
      secrets: options.secrets,
    }),
    logger,
    () => keyScopes.current(),
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
    minted.clear();
    try {
      session?.close();
    } catch (e) {
      // The cache must still close.
      logger.error('Closing the live connection failed', { error: e });
    }
    session = null;
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
    close() {
      closing ??= (async () => {
        try {
          closeNow();
        } finally {
          await demo.stop();
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
