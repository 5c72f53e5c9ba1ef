import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CapabilitiesSchema, GenerationSchema, KeyStorageSchema, type KeyStorage, type ServerView } from '../../shared/ipc/models';
import { capabilitiesFor } from '../../shared/vexa/capabilities';

export interface ServerRecord extends ServerView {
  keyLabel: string | null;
  keyStorage: KeyStorage | null;
}

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
  };
}

/**
 * Servers the app knows, with the generation and capabilities detected at the last check.
 * Async-shaped so the database can move to a worker without touching callers.
 */
export class ServerRepository {
  constructor(private readonly db: Database.Database) {}

  async get(id: string): Promise<ServerRecord | null> {
    const row = this.db.prepare('SELECT * FROM servers WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  async list(): Promise<ServerRecord[]> {
    return this.db.prepare('SELECT * FROM servers ORDER BY checked_at DESC').all().map(fromRow);
  }

  async upsert(s: ServerRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO servers (id, url, label, generation, capabilities, user_email, warnings, demo, insecure, checked_at, key_label, key_storage)
         VALUES (@id, @url, @label, @generation, @capabilities, @user_email, @warnings, @demo, @insecure, @checked_at, @key_label, @key_storage)
         ON CONFLICT(id) DO UPDATE SET url = excluded.url, label = excluded.label, generation = excluded.generation,
           capabilities = excluded.capabilities, user_email = excluded.user_email, warnings = excluded.warnings,
           demo = excluded.demo, insecure = excluded.insecure, checked_at = excluded.checked_at,
           key_label = excluded.key_label, key_storage = excluded.key_storage`,
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
  }

  async remove(id: string): Promise<void> {
    this.db.prepare('DELETE FROM servers WHERE id = ?').run(id);
  }
}

export function toServerView(s: ServerRecord): ServerView {
  const { keyLabel: _k, keyStorage: _s, ...view } = s;
  return view;
}
