import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Library } from '../core/cache/library';
import { LATEST_VERSION } from '../core/cache/migrations';
import { ParticipantStore, type StoredParticipants } from '../core/participants/participantStore';

/** The cache file in the app's data folder (`CACHE_FILE` in electron/core/createCore.ts). */
export const CACHE_FILE = 'cache.sqlite';

/** A refusal the AI client shows as the tool's answer: a sentence the person can act on. */
export class ToolRefusal extends Error {}

/**
 * The app's cache, opened read-only beside the running app. The app writes in WAL mode, so a
 * reader sees each write once it commits and never blocks the app (sqlite.org/wal.html,
 * "Concurrency"). Opened on the first call, not at start: an AI client starts its servers when it
 * starts, maybe long before the app has ever run. A file the app replaced since (a damaged cache
 * moved aside and rebuilt) is opened anew.
 */
export class LibraryAccess {
  private db: Database.Database | null = null;
  private lib: Library | null = null;
  private participants: ParticipantStore | null = null;
  private identity: string | null = null;
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, CACHE_FILE);
  }

  library(): { library: Library; participants: ParticipantStore } {
    const now = this.fileIdentity();
    if (now === null) {
      this.close();
      throw new ToolRefusal(
        `No Vexa Companion library was found in ${this.file}. Open Vexa Companion and connect a server first, or check the --data-dir given to this command.`,
      );
    }
    if (this.lib && this.participants && this.identity === now) return { library: this.lib, participants: this.participants };
    this.close();
    const db = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      // Waits out a checkpoint of the app instead of failing the call (the app's own setting).
      db.pragma('busy_timeout = 5000');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_VERSION)
        throw new ToolRefusal(
          'The library was written by a newer version of Vexa Companion than the one this command starts. Update the command to the app’s current one (Settings → AI tools).',
        );
      if (version < LATEST_VERSION)
        throw new ToolRefusal('The library needs an update that only the app makes. Open Vexa Companion once, then ask again.');
    } catch (e) {
      db.close();
      throw e;
    }
    this.db = db;
    this.identity = now;
    this.lib = new Library({ db, file: this.file });
    this.participants = new ParticipantStore(db);
    return { library: this.lib, participants: this.participants };
  }

  participantsOf(meetingId: number): StoredParticipants | null {
    return this.library().participants.get(meetingId);
  }

  close(): void {
    this.db?.close();
    this.db = null;
    this.lib = null;
    this.participants = null;
    this.identity = null;
  }

  private fileIdentity(): string | null {
    const s = statSync(this.file, { throwIfNoEntry: false });
    return s ? `${s.dev}:${s.ino}` : null;
  }
}
