import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE, tempName } from '../privateFiles';
import type { TrackedHealth } from './tracker';

/**
 * The last health problem of each followed meeting, kept across a restart: the server repeats a
 * `health` frame only every 15 s while the problem lasts, and says nothing of it over REST, so an
 * app started during a problem would show nothing until the next frame. One small JSON file.
 */
export interface HealthMemory {
  recall(serverId: string, meetingId: number): TrackedHealth | null;
  remember(serverId: string, meetingId: number, health: TrackedHealth | null): void;
}

/** A problem older than this is not brought back: the bot may have recovered while the app was closed. */
export const HEALTH_RECALL_MS = 10 * 60_000;

/** The health a restarted app shows for a running meeting, or null (too old, or none). */
export function recalled(h: TrackedHealth | null, now: number): TrackedHealth | null {
  return h && now - h.at >= 0 && now - h.at < HEALTH_RECALL_MS ? h : null;
}

export function fileHealthMemory(file: string, now: () => number): HealthMemory {
  let entries: Record<string, TrackedHealth> = {};
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (raw && typeof raw === 'object') entries = raw as Record<string, TrackedHealth>;
  } catch {
    // No file yet, or an unreadable one: nothing to bring back.
  }
  const key = (serverId: string, meetingId: number) => `${serverId}|${meetingId}`;
  const save = () => {
    // Old entries go: this file only bridges a restart.
    for (const [k, h] of Object.entries(entries)) if (!recalled(h, now())) delete entries[k];
    const tmp = tempName(file);
    try {
      writeFileSync(tmp, JSON.stringify(entries), { mode: PRIVATE_FILE_MODE });
      renameSync(tmp, file);
    } catch {
      // A read-only folder loses only this convenience.
    }
  };
  return {
    recall: (serverId, meetingId) => recalled(entries[key(serverId, meetingId)] ?? null, now()),
    remember: (serverId, meetingId, health) => {
      const k = key(serverId, meetingId);
      if (!health && !(k in entries)) return;
      if (health) entries[k] = health;
      else delete entries[k];
      save();
    },
  };
}

/** Keeps nothing (tests and a core without a data folder). */
export const noHealthMemory: HealthMemory = { recall: () => null, remember: () => undefined };
