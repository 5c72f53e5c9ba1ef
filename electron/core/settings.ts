import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { SettingsSchema, type Settings } from '../../shared/ipc/models';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './privateFiles';
import { DEFAULT_LINK_PROMPT } from './share/handoff';

/** Non-secret preferences and the pointer to the active server. Keys never go here. */
const StoredSchema = z.object({
  settings: SettingsSchema.partial().default({}),
  activeServerId: z.string().nullable().default(null),
  /** One-time explanations already given (the first close to the tray); not user settings. */
  noticesSeen: z.array(z.string()).default([]),
});
type Stored = z.infer<typeof StoredSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  launch: { botName: 'Vexa Companion', language: 'auto', task: 'transcribe' },
  doNotDisturb: false,
  closeToTray: true,
  aiPrompts: { chatgpt: DEFAULT_LINK_PROMPT, perplexity: DEFAULT_LINK_PROMPT, claude: DEFAULT_LINK_PROMPT },
};

export class SettingsStore {
  private stored: Stored;

  constructor(private readonly file: string) {
    this.stored = SettingsStore.load(file);
  }

  private static load(file: string): Stored {
    if (!existsSync(file)) return StoredSchema.parse({});
    try {
      return StoredSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // An unreadable settings file falls back to defaults; it holds nothing irreplaceable.
      return StoredSchema.parse({});
    }
  }

  get settings(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.stored.settings };
  }

  get activeServerId(): string | null {
    return this.stored.activeServerId;
  }

  update(patch: Partial<Omit<Settings, 'aiPrompts'>> & { aiPrompts?: Partial<Settings['aiPrompts']> }): Settings {
    const { aiPrompts: prompts, ...rest } = patch;
    const aiPrompts = prompts ? { ...this.settings.aiPrompts, ...prompts } : undefined;
    this.stored = { ...this.stored, settings: { ...this.stored.settings, ...rest, ...(aiPrompts ? { aiPrompts } : {}) } };
    this.save();
    return this.settings;
  }

  setActiveServer(id: string | null): void {
    this.stored = { ...this.stored, activeServerId: id };
    this.save();
  }

  noticeSeen(id: string): boolean {
    return this.stored.noticesSeen.includes(id);
  }

  markNoticeSeen(id: string): void {
    if (this.noticeSeen(id)) return;
    this.stored = { ...this.stored, noticesSeen: [...this.stored.noticesSeen, id] };
    this.save();
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: PRIVATE_DIR_MODE });
    const tmp = `${this.file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.stored, null, 2), { mode: PRIVATE_FILE_MODE });
    renameSync(tmp, this.file);
  }
}
