import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  CapabilitiesSchema,
  GenerationSchema,
  KeyStorageSchema,
  ServerColourSchema,
  type KeyStorage,
  type ServerColour,
  type ServerView,
} from '../../shared/ipc/models';
import { serverLabel } from '../../shared/serverLabel';
import { capabilitiesFor } from '../../shared/vexa/capabilities';

/**
 * A server as the cache remembers it. `label` is what the app calls it by itself (the host,
 * "Vexa Cloud"); `userLabel` the person's own, shown instead when set.
 */
export interface ServerRecord extends ServerView {
  keyLabel: string | null;
  keyStorage: KeyStorage | null;
  userLabel: string | null;
  colour: ServerColour | null;
  position: number;
  /** Removed with its meetings kept on this computer. */
  removed: boolean;
}

/** What a check of the server (the generation probe) writes; the person's choices are kept apart. */
export type DetectedServer = Omit<ServerRecord, 'userLabel' | 'colour' | 'position' | 'removed'>;

const Row = z.object({
  id: z.string(),
  url: z.string(),
  label: z.string(),
  generation: GenerationSchema,
  capabilities: z.string(),
  user_email: z.string().nullable(),
  warnings: z.string(),
  demo: z.number(),
  insecure: z.number(),
  checked_at: z.number(),
  key_label: z.string().nullable(),
  key_storage: KeyStorageSchema.nullable(),
  position: z.number(),
  colour: z.string().nullable(),
  user_label: z.string().nullable(),
  removed: z.number(),
});

function storedCapabilities(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function fromRow(raw: unknown): ServerRecord {
  const r = Row.parse(raw);
  const colour = ServerColourSchema.safeParse(r.colour);
  return {
    id: r.id,
    url: r.url,
    label: r.label,
    generation: r.generation,
    // Stored by an earlier version, the record may lack capabilities added since: those come from
    // the generation until the next check stores them.
    capabilities: CapabilitiesSchema.parse({ ...capabilitiesFor(r.generation), ...storedCapabilities(r.capabilities) }),
    userEmail: r.user_email,
    warnings: z.array(z.string()).parse(JSON.parse(r.warnings)),
    demo: r.demo === 1,
    insecure: r.insecure === 1,
    checkedAt: r.checked_at,
    keyLabel: r.key_label,
    keyStorage: r.key_storage,
    userLabel: r.user_label,
    colour: colour.success ? colour.data : null,
    position: r.position,
    removed: r.removed === 1,
  };
}

/**
 * Servers the app knows, with the generation and capabilities detected at the last check and the
 * person's label, colour and order. Async-shaped so the database can move to a worker without
 * touching callers.
 */
export class ServerRepository {
  constructor(private readonly db: Database.Database) {}

  async get(id: string): Promise<ServerRecord | null> {
    const row = this.db.prepare('SELECT * FROM servers WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  /** In the person's order. */
  async list(): Promise<ServerRecord[]> {
    return this.db.prepare('SELECT * FROM servers ORDER BY position, id').all().map(fromRow);
  }

  /**
   * Writes what a check found. A new server goes to the end of the list; a known one keeps its
   * label, colour and place, and a removed one comes back.
   */
  async upsert(s: DetectedServer): Promise<ServerRecord> {
    this.db
      .prepare(
        `INSERT INTO servers (id, url, label, generation, capabilities, user_email, warnings, demo, insecure, checked_at, key_label, key_storage, position)
         VALUES (@id, @url, @label, @generation, @capabilities, @user_email, @warnings, @demo, @insecure, @checked_at, @key_label, @key_storage,
           (SELECT coalesce(max(position) + 1, 0) FROM servers))
         ON CONFLICT(id) DO UPDATE SET url = excluded.url, label = excluded.label, generation = excluded.generation,
           capabilities = excluded.capabilities, user_email = excluded.user_email, warnings = excluded.warnings,
           demo = excluded.demo, insecure = excluded.insecure, checked_at = excluded.checked_at,
           key_label = excluded.key_label, key_storage = excluded.key_storage, removed = 0`,
      )
      .run({
        id: s.id,
        url: s.url,
        label: s.label,
        generation: s.generation,
        capabilities: JSON.stringify(s.capabilities),
        user_email: s.userEmail,
        warnings: JSON.stringify(s.warnings),
        demo: s.demo ? 1 : 0,
        insecure: s.insecure ? 1 : 0,
        checked_at: s.checkedAt,
        key_label: s.keyLabel,
        key_storage: s.keyStorage,
      });
    return (await this.get(s.id))!;
  }

  /** The key was forgotten: the row keeps no label of it. */
  async clearKey(id: string): Promise<void> {
    this.db.prepare('UPDATE servers SET key_label = NULL, key_storage = NULL WHERE id = ?').run(id);
  }

  async setLook(id: string, look: { userLabel?: string | null; colour?: ServerColour | null }): Promise<void> {
    if (look.userLabel !== undefined) this.db.prepare('UPDATE servers SET user_label = ? WHERE id = ?').run(look.userLabel, id);
    if (look.colour !== undefined) this.db.prepare('UPDATE servers SET colour = ? WHERE id = ?').run(look.colour, id);
  }

  /** Positions 0, 1, 2… in the order given; every id must be a row. */
  async setOrder(ids: readonly string[]): Promise<void> {
    const set = this.db.prepare('UPDATE servers SET position = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id, i) => set.run(i, id)))();
  }

  /** Removed, its meetings kept and labelled with its name. */
  async markRemoved(id: string): Promise<void> {
    this.db.prepare('UPDATE servers SET removed = 1, key_label = NULL, key_storage = NULL WHERE id = ?').run(id);
  }

  /**
   * Forgets the server's record. Its meetings must be gone first (`Library.removeServerMeetings`,
   * the one way they leave this computer): they refer to the row.
   */
  async delete(id: string): Promise<void> {
    this.db.prepare('DELETE FROM servers WHERE id = ?').run(id);
  }
}

/** The server as the window sees it: the person's label when there is one, never the key. */
export function toServerView(s: ServerRecord): ServerView {
  return {
    id: s.id,
    url: s.url,
    label: serverLabel(s),
    generation: s.generation,
    capabilities: s.capabilities,
    demo: s.demo,
    insecure: s.insecure,
    checkedAt: s.checkedAt,
    userEmail: s.userEmail,
    warnings: s.warnings,
  };
}
