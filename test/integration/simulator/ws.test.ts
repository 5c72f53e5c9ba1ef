import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { FrameLog, sendBot, start } from './simHelpers';

describe.each(['g1', 'g2', 'g3'] as const)('WebSocket control protocol, profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ profile });
    await sendBot(sim, 'wss-abcd-efg', 'lobby-wait');
  });
  afterAll(() => sim.close());

  it('closes a socket without a key with 4401 after an error frame', async () => {
    const ws = await FrameLog.open(sim, { key: null });
    const closed = await ws.waitClosed();
    expect(closed.code).toBe(4401);
    expect(ws.frames).toEqual([{ type: 'error', error: 'missing_api_key' }]);
  });

  it('treats a bad key per generation', async () => {
    const ws = await FrameLog.open(sim, { key: 'wrong' });
    if (profile === 'g3') {
      expect((await ws.waitClosed()).code).toBe(4401);
      expect(ws.frames).toEqual([{ type: 'error', error: 'invalid_api_key' }]);
      return;
    }
    const reply = await ws.subscribe('google_meet', 'wss-abcd-efg');
    const expected =
      profile === 'g1'
        ? { status: 403, detail: '{"detail":"Invalid API token"}' }
        : { status: 401, detail: '{"detail":"Invalid API key"}' };
    expect(reply).toEqual({ type: 'error', error: 'authorization_service_error', ...expected });
    expect(ws.closed).toBeNull();
    ws.close();
  });

  it('answers ping, malformed JSON and unknown actions', async () => {
    const ws = await FrameLog.open(sim, { viaHeader: true });
    ws.send({ action: 'ping' });
    expect(await ws.waitFor((f) => f.type === 'pong', 'pong')).toEqual({ type: 'pong' });
    ws.send('{not json');
    await ws.waitFor((f) => f.error === 'invalid_json', 'invalid_json');
    ws.send({ action: 'dance' });
    await ws.waitFor((f) => f.error === 'unknown_action', 'unknown_action');
    ws.send({ action: 'subscribe', meetings: [] });
    expect(await ws.waitFor((f) => f.error === 'invalid_subscribe_payload', 'empty list')).toEqual({
      type: 'error',
      error: 'invalid_subscribe_payload',
      details: "'meetings' list cannot be empty",
    });
    ws.close();
  });

  it('reports meetings the user may not see per generation', async () => {
    const ws = await FrameLog.open(sim);
    const start = ws.frames.length;
    ws.send({
      action: 'subscribe',
      meetings: [
        { platform: 'google_meet', native_id: 'wss-abcd-efg' },
        { platform: 'google_meet', native_id: 'not-mine-xyz' },
      ],
    });
    const subscribed = await ws.waitFor((f) => f.type === 'subscribed', 'subscribed', start);
    expect(subscribed.meetings).toEqual([{ platform: 'google_meet', native_id: 'wss-abcd-efg' }]);
    const errors = ws.frames.slice(start).filter((f) => f.type === 'error');
    if (profile === 'g3') expect(errors).toEqual([]);
    else
      expect(errors).toEqual([
        { type: 'error', error: 'invalid_subscribe_payload', details: ['meetings[1] not authorized or not found for user'] },
      ]);

    const only = ws.frames.length;
    ws.send({ action: 'subscribe', meetings: [{ platform: 'google_meet', native_id: 'not-mine-xyz' }] });
    if (profile === 'g3') {
      expect(await ws.waitFor((f) => f.type === 'error', 'error', only)).toEqual({
        type: 'error',
        error: 'authorization_service_error',
        details: 'meetings[0] not authorized or not found for user',
      });
    } else {
      expect(await ws.waitFor((f) => f.type === 'subscribed', 'empty subscribed', only)).toEqual({ type: 'subscribed', meetings: [] });
    }

    const un = ws.frames.length;
    ws.send({ action: 'unsubscribe', meetings: [{ platform: 'google_meet', native_id: 'wss-abcd-efg' }] });
    expect(await ws.waitFor((f) => f.type === 'unsubscribed', 'unsubscribed', un)).toEqual({
      type: 'unsubscribed',
      meetings: [{ platform: 'google_meet', native_id: 'wss-abcd-efg' }],
    });
    ws.send({ action: 'unsubscribe', meetings: [{ platform: 'google_meet', native_id: 'wss-abcd-efg' }] });
    expect(await ws.waitFor((f) => f.error === 'invalid_unsubscribe_payload', 'not subscribed', un)).toMatchObject({
      details: ['meetings[0] not currently subscribed'],
    });
    ws.close();
  });
});
