import type { BotSlotsView } from '../../../shared/ipc/models';

export interface BotLimit {
  value: number | null;
  source: BotSlotsView['source'];
}

export const UNKNOWN_LIMIT: BotLimit = { value: null, source: 'unknown' };

/**
 * The limit in a server's refusal of a launch, where it names one (vexa-server-behaviour.md §4,
 * POST /bots): G1 403 "User has reached the maximum concurrent bot limit (N).", G2 403 "Concurrent
 * bot limit reached (a/b)." or "Concurrent bot quota is depleted (limit is 0)", G3 429 "User has
 * reached the maximum concurrent bot limit (N).". Null for any other sentence.
 */
export function limitFromRefusal(detail: string): number | null {
  const patterns = [
    /maximum concurrent bot limit \((\d{1,6})\)/i,
    /concurrent bot limit reached \(\d{1,6}\/(\d{1,6})\)/i,
    /quota is depleted \(limit is (\d{1,6})\)/i,
  ];
  for (const p of patterns) {
    const m = p.exec(detail);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Free slots from the limit the server gave (or refused with) and the bots in flight. */
export function botSlots(serverId: string, running: number, limit: BotLimit): BotSlotsView {
  if (limit.value === null) return { serverId, running, limit: null, free: null, source: 'unknown' };
  return { serverId, running, limit: limit.value, free: Math.max(0, limit.value - running), source: limit.source };
}
