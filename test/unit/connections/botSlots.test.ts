import { describe, expect, it } from 'vitest';
import { botSlots, limitFromRefusal } from '../../../electron/core/connections/botSlots';
import { fixtureJson } from '../../support/fixtures';

describe('free bot slots', () => {
  it('are the server’s limit less the bots in flight, never below none', () => {
    expect(botSlots('s', 1, { value: 3, source: 'server' })).toEqual({ serverId: 's', running: 1, limit: 3, free: 2, source: 'server' });
    expect(botSlots('s', 4, { value: 3, source: 'refusal' })).toEqual({ serverId: 's', running: 4, limit: 3, free: 0, source: 'refusal' });
    expect(botSlots('s', 0, { value: 0, source: 'server' }).free).toBe(0);
  });

  it('are unknown where the server does not say its limit: only the bots in flight are counted', () => {
    expect(botSlots('s', 2, { value: null, source: 'unknown' })).toEqual({
      serverId: 's',
      running: 2,
      limit: null,
      free: null,
      source: 'unknown',
    });
  });
});

describe('the limit a server names when it refuses a bot (vexa-server-behaviour.md, POST /bots)', () => {
  it.each([
    ['G1 403', 'User has reached the maximum concurrent bot limit (2).', 2],
    ['G2 403', 'Concurrent bot limit reached (3/3).', 3],
    ['G2 403, depleted', 'Concurrent bot quota is depleted (limit is 0). Ask an administrator to raise max_concurrent_bots.', 0],
    ['G3 429', 'User has reached the maximum concurrent bot limit (5).', 5],
  ])('%s', (_, detail, limit) => {
    expect(limitFromRefusal(detail)).toBe(limit);
  });

  it('is none in any other refusal', () => {
    expect(limitFromRefusal('An active meeting already exists for google_meet/abc-defg-hij')).toBeNull();
    expect(limitFromRefusal('runtime kernel: owner quota exceeded')).toBeNull();
    expect(limitFromRefusal('')).toBeNull();
  });

  it('reads the recorded error bodies of every generation (test/fixtures/vexa/errors.json)', () => {
    const bodies = fixtureJson<Record<string, { detail: string }>>('vexa/errors.json');
    expect(limitFromRefusal(bodies.g1Limit403!.detail)).toBe(1);
    expect(limitFromRefusal(bodies.g2Limit403!.detail)).toBe(2);
    expect(limitFromRefusal(bodies.g2Quota403!.detail)).toBe(0);
    expect(limitFromRefusal(bodies.g3Limit429!.detail)).toBe(3);
    expect(limitFromRefusal(bodies.g3RateLimit429!.detail)).toBeNull();
  });
});
