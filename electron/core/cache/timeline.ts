import type Database from 'better-sqlite3';
import { asStatus } from './rows';
import type { Timeline, TimelineEntry } from './types';

interface TransitionRow {
  origin: 'server' | 'app';
  from_status: string | null;
  to_status: string;
  at: number | null;
  source: string | null;
  reason: string | null;
  completion_reason: string | null;
  failure_stage: string | null;
}

/** The server's status trail where the server gave one, else the statuses this app saw. */
export function readTimeline(db: Database.Database, id: number): Timeline {
  const rows = db.prepare('SELECT * FROM status_transitions WHERE meeting_id = ? ORDER BY origin DESC, seq').all(id) as TransitionRow[];
  const server = rows.filter((r) => r.origin === 'server');
  const chosen = server.length > 0 ? server : rows;
  if (chosen.length === 0) return { origin: 'none', entries: [] };
  const end =
    (db.prepare('SELECT end_time FROM meetings WHERE id = ?').get(id) as { end_time: number | null } | undefined)?.end_time ?? null;
  const entries = chosen.map((r, i): TimelineEntry => {
    const next = chosen[i + 1];
    const until = next ? next.at : end;
    return {
      from: r.from_status === null ? null : asStatus(r.from_status),
      to: asStatus(r.to_status),
      at: r.at,
      durationMs: r.at !== null && until !== null && until >= r.at ? until - r.at : null,
      source: r.source,
      reason: r.reason,
      completionReason: r.completion_reason,
      failureStage: r.failure_stage,
    };
  });
  return { origin: chosen[0]!.origin, entries };
}
