import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DESKTOP_SETTINGS } from '../../shared/ipc/desktop';
import { McpSettingsSchema, type McpSettings } from '../../shared/ipc/mcp';
import { SettingsSchema, type Settings } from '../../shared/ipc/models';
import { DEFAULT_UPDATE_SETTINGS } from '../../shared/ipc/updates';
import { DEFAULT_SHORTCUTS } from '../../shared/ipc/shortcutSettings';
import { DEFAULT_WATCH_WORD_SETTINGS } from '../../shared/watchWords/settings';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tempName } from './privateFiles';
import { DEFAULT_LINK_PROMPT } from './share/handoff';
import { isStorageFailure } from './storageFault';
import { discardTemp, storageError } from './storageNotice';

/** Which server Launch used last, per meeting platform and per link domain (`acme.zoom.us`). */
const LaunchMemorySchema = z.object({
  lastServerByPlatform: z.record(z.string(), z.string()).default({}),
  lastServerByDomain: z.record(z.string(), z.string()).default({}),
});
export type LaunchMemory = z.infer<typeof LaunchMemorySchema>;

/**
 * Non-secret preferences and which servers to return to. Keys never go here; each server's key is
 * in the secret store under the server's id, and the servers' details are in the cache.
 */
const StoredSchema = z.object({
  settings: SettingsSchema.partial().default({}),
  /** The servers the app stays connected to: at start-up each is restored with its stored key. */
  connectedServers: z.array(z.string()).default([]),
  /** The server Settings, Admin, Account and Webhooks act on. */
  currentServerId: z.string().nullable().default(null),
  launch: LaunchMemorySchema.default({ lastServerByPlatform: {}, lastServerByDomain: {} }),
  /** One-time explanations already given (the first close to the tray); not user settings. */
  noticesSeen: z.array(z.string()).default([]),
  /** What AI tools may read (electron/mcp reads this key itself, on every call): nothing until the person chooses. */
  mcp: McpSettingsSchema.catch({ exposedServers: [] }).default({ exposedServers: [] }),
});
type Stored = z.infer<typeof StoredSchema>;

/**
 * Release 0.1 kept one server, `activeServerId`: it becomes the one connected server and the
 * current one. Its next save writes the new layout only.
 */
function fromOneServerLayout(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || 'connectedServers' in raw || !('activeServerId' in raw)) return raw;
  const { activeServerId: active, ...rest } = raw as { activeServerId: unknown };
  const id = typeof active === 'string' ? active : null;
  return { ...rest, connectedServers: id ? [id] : [], currentServerId: id };
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  launch: { botName: 'Vexa Companion', language: 'auto', task: 'transcribe' },
  doNotDisturb: false,
  closeToTray: true,
  desktop: DEFAULT_DESKTOP_SETTINGS,
  updates: DEFAULT_UPDATE_SETTINGS,
  shortcuts: { ...DEFAULT_SHORTCUTS },
  aiPrompts: { chatgpt: DEFAULT_LINK_PROMPT, perplexity: DEFAULT_LINK_PROMPT, claude: DEFAULT_LINK_PROMPT },
  watchWords: DEFAULT_WATCH_WORD_SETTINGS,
};

/**
 * A change is kept in memory only once it is on disk: a save the disk refuses throws a
 * `StorageError` naming the file and the cause, and the settings stay as they were, so the window
 * never shows a setting as saved that the next start would not have.
 */
export class SettingsStore {
  private stored: Stored;
  private readonly folderExisted: boolean;

  constructor(private readonly file: string) {
    this.stored = SettingsStore.load(file);
    // The folder is made once, at start-up; a save never recreates a folder removed since (see save).
    try {
      mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
    } catch {
      // The first save says why.
    }
    this.folderExisted = existsSync(dirname(file));
  }

  private static load(file: string): Stored {
    if (!existsSync(file)) return StoredSchema.parse({});
    try {
      return StoredSchema.parse(fromOneServerLayout(JSON.parse(readFileSync(file, 'utf8'))));
    } catch {
      // An unreadable settings file falls back to defaults; it holds nothing irreplaceable.
      return StoredSchema.parse({});
    }
  }

  get settings(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.stored.settings };
  }

  get connectedServers(): readonly string[] {
    return this.stored.connectedServers;
  }

  get currentServerId(): string | null {
    return this.stored.currentServerId;
  }

  get launchMemory(): LaunchMemory {
    return this.stored.launch;
  }

  update(patch: Partial<Omit<Settings, 'aiPrompts'>> & { aiPrompts?: Partial<Settings['aiPrompts']> }): Settings {
    const { aiPrompts: prompts, ...rest } = patch;
    const aiPrompts = prompts ? { ...this.settings.aiPrompts, ...prompts } : undefined;
    this.save({ ...this.stored, settings: { ...this.stored.settings, ...rest, ...(aiPrompts ? { aiPrompts } : {}) } }, 'save the setting');
    return this.settings;
  }

  /** The servers to return to and the current one, saved together. */
  setServers(next: { connected: readonly string[]; current: string | null }): void {
    this.save(
      { ...this.stored, connectedServers: [...next.connected], currentServerId: next.current },
      'save which servers the app is connected to',
    );
  }

  setLaunchMemory(memory: LaunchMemory): void {
    this.save({ ...this.stored, launch: memory }, 'remember the server used for this meeting');
  }

  get mcp(): McpSettings {
    return this.stored.mcp;
  }

  setMcp(next: McpSettings): void {
    this.save({ ...this.stored, mcp: next }, 'save which servers AI tools may read');
  }

  noticeSeen(id: string): boolean {
    return this.stored.noticesSeen.includes(id);
  }

  markNoticeSeen(id: string): void {
    if (this.noticeSeen(id)) return;
    this.save({ ...this.stored, noticesSeen: [...this.stored.noticesSeen, id] }, 'save that the explanation was given');
  }

  /**
   * Writes `next` whole, then adopts it. A data folder removed while the app runs is not made
   * again here: it may have been removed on purpose or be on a disk that went away, and a folder
   * holding only the settings would be a library without its cache (createCore's cache says the
   * same and keeps the library in memory).
   */
  private save(next: Stored, what: string): void {
    const tmp = tempName(this.file);
    try {
      writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: PRIVATE_FILE_MODE });
      renameSync(tmp, this.file);
    } catch (e) {
      discardTemp(tmp);
      if (!isStorageFailure(e)) throw e;
      throw storageError(what, this.file, e, this.folderExisted);
    }
    this.stored = next;
  }
}
