import type Database from 'better-sqlite3';
import type { SpeakerNames } from '../../../shared/transcript/speakerNames';
import { namesFor, type SpeakerFix, type SpeakerFixKind } from '../../../shared/transcript/speakerNames';
import type { SegmentView } from './types';

interface FixRow {
  id: number;
  server_id: string;
  remote_id: number | null;
  kind: SpeakerFixKind;
  label: string;
  name: string;
  from_absolute: number | null;
  from_start: number | null;
  created_at: number;
}

export interface NewSpeakerFix {
  serverId: string;
  meetingId: number | null;
  kind: SpeakerFixKind;
  label: string;
  name: string;
  fromAbsolute?: number | null;
  fromStart?: number | null;
}

/** The SQL function the search's speaker filter calls: the name shown for a line. */
export const SHOWN_SPEAKER_SQL = 'vexa_shown_speaker';

function toFix(r: FixRow): SpeakerFix {
  return {
    id: r.id,
    serverId: r.server_id,
    meetingId: r.remote_id,
    kind: r.kind,
    label: r.label,
    name: r.name,
    fromAbsolute: r.from_absolute,
    fromStart: r.from_start,
    createdAt: r.created_at,
  };
}

/**
 * The speaker corrections of every server (table `speaker_fixes`, migration 7). Few rows, read
 * whole and kept in memory until this connection writes or another one does (`data_version`: the
 * MCP server reads the file while the app writes it). Segments keep the server's labels; the
 * names shown come from `shared/transcript/speakerNames.ts`.
 */
export class SpeakerFixStore {
  private cached: SpeakerFix[] | null = null;
  private version = -1;

  constructor(private readonly db: Database.Database) {
    this.registerFunction();
  }

  /**
   * The search's speaker filter asks SQLite for the name shown (`SHOWN_SPEAKER_SQL`). Registered
   * per connection: `runWithFunction` registers it again on the copy a storage failure moved to.
   */
  registerFunction(): void {
    this.db.function(SHOWN_SPEAKER_SQL, { deterministic: false, varargs: false }, (serverId, remoteId, speaker, start, absolute) => {
      const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);
      // No query may run inside a query: the resolver is the one `runWithFunction` read before.
      return (this.memo ?? namesFor([]))(String(serverId), num(remoteId)).resolve({
        speaker: typeof speaker === 'string' ? speaker : null,
        start: num(start),
        absoluteStart: num(absolute),
      }).name;
    });
  }

  runWithFunction<T>(run: () => T): T {
    this.names();
    try {
      return run();
    } catch (e) {
      if (!String((e as Error)?.message).includes(SHOWN_SPEAKER_SQL)) throw e;
      this.registerFunction();
      return run();
    }
  }

  private memo: ReturnType<typeof namesFor> | null = null;

  /** Every correction, oldest first. */
  all(): SpeakerFix[] {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.cached === null || version !== this.version) {
      this.cached = (this.db.prepare('SELECT * FROM speaker_fixes ORDER BY id').all() as FixRow[]).map(toFix);
      this.version = version;
      this.memo = null;
    }
    return this.cached;
  }

  /** One resolver per (server, meeting), rebuilt when the corrections change. */
  names(): ReturnType<typeof namesFor> {
    const all = this.all();
    if (!this.memo) this.memo = namesFor(all);
    return this.memo;
  }

  any(serverIds?: readonly string[] | null): boolean {
    const all = this.all();
    return serverIds ? all.some((f) => serverIds.includes(f.serverId)) : all.length > 0;
  }

  ofServer(serverId: string): SpeakerFix[] {
    return this.all().filter((f) => f.serverId === serverId);
  }

  get(id: number): SpeakerFix | null {
    return this.all().find((f) => f.id === id) ?? null;
  }

  /**
   * Stores a correction. A rename or merge of a label replaces the one it had at the same scope
   * (the list to restore from stays short); splits add up.
   */
  add(fix: NewSpeakerFix, now: number): SpeakerFix {
    const id = this.db.transaction(() => {
      if (fix.kind !== 'split') {
        this.db
          .prepare('DELETE FROM speaker_fixes WHERE server_id = ? AND remote_id IS ? AND kind IN (?, ?) AND label = ?')
          .run(fix.serverId, fix.meetingId, 'rename', 'merge', fix.label);
      }
      return Number(
        this.db
          .prepare(
            `INSERT INTO speaker_fixes (server_id, remote_id, kind, label, name, from_absolute, from_start, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(fix.serverId, fix.meetingId, fix.kind, fix.label, fix.name, fix.fromAbsolute ?? null, fix.fromStart ?? null, now)
          .lastInsertRowid,
      );
    })();
    this.cached = null;
    return this.get(id)!;
  }

  /** Takes a correction back: the labels it changed show as before. */
  remove(id: number): SpeakerFix | null {
    const fix = this.get(id);
    if (!fix) return null;
    this.db.prepare('DELETE FROM speaker_fixes WHERE id = ?').run(id);
    this.cached = null;
    return fix;
  }

  /** The resolver of one meeting. */
  forMeeting(serverId: string, remoteId: number): SpeakerNames {
    return this.names()(serverId, remoteId);
  }

  /** A meeting's lines with the names shown; the server's label stays in `originalSpeaker` where it differs. */
  apply(serverId: string, remoteId: number, segments: SegmentView[]): SegmentView[] {
    const names = this.forMeeting(serverId, remoteId);
    if (names.empty) return segments;
    return segments.map((s) => {
      const r = names.resolve(s);
      return r.corrected ? { ...s, speaker: r.name, originalSpeaker: s.speaker } : s;
    });
  }
}
