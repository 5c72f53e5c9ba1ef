/**
 * The simulator's timing knobs for caption delay tests: a known publishing delay and a skewed server
 * clock, both visible on the wire (frame `ts`, segment times, the HTTP `Date` header).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { parseVexaTimestamp } from '../../../shared/vexa/time';
import { ADMIN, call, FrameLog, sendBot, start } from './simHelpers';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('caption delay and clock skew in the simulator', () => {
  it('keeps its clock skewed, in its Date header and frame stamps', async () => {
    sim = await start({ profile: 'g2', timeScale: 1, clockSkewMs: 120_000, scriptLines: 1 });
    const reply = await call(sim, 'GET', '/_sim/state', { admin: ADMIN });
    const date = Date.parse(reply.headers.get('date') ?? '');
    expect(date - Date.now()).toBeGreaterThan(118_000);
    expect(date - Date.now()).toBeLessThan(122_000);
    expect(Math.abs(sim.now() - Date.now() - 120_000)).toBeLessThan(1_000);
  });

  it('publishes transcript changes late by the injected delay, which the control endpoint sets', async () => {
    sim = await start({ profile: 'g2', timeScale: 1, scriptLines: 1 });
    expect(await call(sim, 'POST', '/_sim/caption-delay?ms=-1', { admin: ADMIN })).toMatchObject({ status: 422 });
    expect(await call(sim, 'POST', '/_sim/caption-delay?ms=1200', { admin: ADMIN })).toMatchObject({
      status: 200,
      body: { caption_delay_ms: 1200 },
    });
    expect((await call(sim, 'GET', '/_sim/state', { admin: ADMIN })).body.caption_delay_ms).toBe(1200);
    const id = (await sendBot(sim, 'dly-abcd-efg')).body.id as number;
    const ws = await FrameLog.open(sim);
    await ws.subscribe('google_meet', 'dly-abcd-efg');
    sim.admit(id);
    const first = await ws.waitFor((f) => f.type === 'transcript', 'the first transcript frame', 0, 20_000);
    const said = parseVexaTimestamp(first.pending[0].absolute_start_time)!;
    const sent = parseVexaTimestamp(first.ts)!;
    // The first draft goes out once 45 % of the 3.4 s line was said, plus the injected 1.2 s.
    expect(sent - said).toBeGreaterThan(0.45 * 3400 + 1200 - 100);
    expect(sent - said).toBeLessThan(0.45 * 3400 + 1200 + 400);
    ws.ws.close();
  }, 30_000);
});
