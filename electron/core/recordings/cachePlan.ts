/**
 * Which kept recordings make room for a new one under the limit the person set: the ones played
 * (or kept) longest ago go first. A file larger than the whole limit is refused, not kept by
 * emptying everything else for nothing.
 */

export interface KeptFile {
  key: string;
  size: number;
  /** Last played or kept, ms. */
  usedAt: number;
}

export type KeepPlan = { ok: true; evict: string[] } | { ok: false; reason: 'larger-than-limit' };

export function planKeep(kept: readonly KeptFile[], incoming: { key: string; size: number }, limitBytes: number): KeepPlan {
  if (incoming.size > limitBytes) return { ok: false, reason: 'larger-than-limit' };
  const others = kept.filter((k) => k.key !== incoming.key).sort((a, b) => a.usedAt - b.usedAt || a.key.localeCompare(b.key));
  let used = others.reduce((sum, k) => sum + k.size, 0);
  const evict: string[] = [];
  for (const k of others) {
    if (used + incoming.size <= limitBytes) break;
    evict.push(k.key);
    used -= k.size;
  }
  return { ok: true, evict };
}

/** What must go when the limit is lowered: the oldest-used until the rest fit. */
export function planShrink(kept: readonly KeptFile[], limitBytes: number): string[] {
  const ordered = [...kept].sort((a, b) => a.usedAt - b.usedAt || a.key.localeCompare(b.key));
  let used = ordered.reduce((sum, k) => sum + k.size, 0);
  const evict: string[] = [];
  for (const k of ordered) {
    if (used <= limitBytes) break;
    evict.push(k.key);
    used -= k.size;
  }
  return evict;
}
