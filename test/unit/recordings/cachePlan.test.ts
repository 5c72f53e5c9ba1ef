import { describe, expect, it } from 'vitest';
import { planKeep, planShrink } from '../../../electron/core/recordings/cachePlan';

const MB = 1024 * 1024;
const kept = [
  { key: 'a', size: 40 * MB, usedAt: 300 },
  { key: 'b', size: 30 * MB, usedAt: 100 },
  { key: 'c', size: 20 * MB, usedAt: 200 },
];

describe('keeping a recording within the limit', () => {
  it('keeps it without evicting when it fits', () => {
    expect(planKeep(kept, { key: 'd', size: 10 * MB }, 100 * MB)).toEqual({ ok: true, evict: [] });
  });

  it('evicts the least recently played first, only as many as needed', () => {
    expect(planKeep(kept, { key: 'd', size: 25 * MB }, 100 * MB)).toEqual({ ok: true, evict: ['b'] });
    expect(planKeep(kept, { key: 'd', size: 55 * MB }, 100 * MB)).toEqual({ ok: true, evict: ['b', 'c'] });
  });

  it('refuses one larger than the whole limit instead of emptying the cache for nothing', () => {
    expect(planKeep(kept, { key: 'd', size: 101 * MB }, 100 * MB)).toEqual({ ok: false, reason: 'larger-than-limit' });
  });

  it('counts a file kept again once, not twice', () => {
    expect(planKeep(kept, { key: 'a', size: 40 * MB }, 90 * MB)).toEqual({ ok: true, evict: [] });
  });

  it('a lowered limit drops the oldest-used until the rest fit', () => {
    expect(planShrink(kept, 60 * MB)).toEqual(['b']);
    expect(planShrink(kept, 40 * MB)).toEqual(['b', 'c']);
    expect(planShrink(kept, 30 * MB)).toEqual(['b', 'c', 'a']);
    expect(planShrink(kept, 200 * MB)).toEqual([]);
  });
});
