import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SEEDED_USER_COUNT } from '../../../electron/simulator/adminSeed';
import type { Simulator } from '../../../electron/simulator/index';
import { ADMIN, call, FrameLog, sendBot, start, waitForStatus } from './simHelpers';
import { pause, waitFor } from '../../support/waitFor';

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

describe('control endpoints', () => {
  let sim: Simulator;
  let lobbyId: number;
  beforeAll(async () => {
    sim = await start({ profile: 'g3' });
    lobbyId = (await sendBot(sim, 'ctl-abcd-efg', 'lobby-wait')).body.id;
    await waitForStatus(sim, lobbyId, 'awaiting_admission');
  });
  afterAll(() => sim.close());

  it('needs the admin key once one is configured', async () => {
    expect(await call(sim, 'GET', '/_sim/state')).toMatchObject({ status: 403, body: { detail: 'Invalid or missing admin token.' } });
    const state = await call(sim, 'GET', '/_sim/state', { admin: ADMIN });
    expect(state.body).toMatchObject({
      profile: 'g3',
      url: sim.url,
      meetings: [{ id: lobbyId, status: 'awaiting_admission', scenario: 'lobby-wait' }],
    });
  });

  it('admits a bot waiting in the lobby, and only then', async () => {
    const ws = await FrameLog.open(sim);
    await ws.subscribe('google_meet', 'ctl-abcd-efg');
    expect(await call(sim, 'POST', `/_sim/meetings/${lobbyId}/admit`, { admin: ADMIN })).toMatchObject({
      status: 200,
      body: { admitted: 'admitted', status: 'active' },
    });
    await ws.waitFor((f) => f.payload?.status === 'active', 'active frame');
    expect((await call(sim, 'POST', `/_sim/meetings/${lobbyId}/admit`, { admin: ADMIN })).status).toBe(409);
    expect((await call(sim, 'POST', '/_sim/meetings/999/admit', { admin: ADMIN })).status).toBe(404);
    ws.close();
  });

  it('injects raw frames to the meeting’s subscribers', async () => {
    const ws = await FrameLog.open(sim);
    await ws.subscribe('google_meet', 'ctl-abcd-efg');
    const res = await call(sim, 'POST', `/_sim/meetings/${lobbyId}/inject`, { admin: ADMIN, rawBody: '{"type":"transcript","meeting":' });
    expect(res.body).toEqual({ meeting_id: lobbyId, sent: 1 });
    await waitFor('the raw frame', () => ws.raw.some((r) => r.data === '{"type":"transcript","meeting":'));
    sim.injectRaw(lobbyId, Buffer.from([0xff, 0x00, 0x7b]));
    await waitFor('a binary frame', () => ws.raw.some((r) => r.binary));
    ws.close();
  });

  it('drops every socket abruptly', async () => {
    const a = await FrameLog.open(sim);
    const b = await FrameLog.open(sim);
    const res = await call(sim, 'POST', '/_sim/drop-sockets', { admin: ADMIN });
    expect(res.body.dropped).toBeGreaterThanOrEqual(2);
    expect((await a.waitClosed()).code).toBe(1006);
    expect((await b.waitClosed()).code).toBe(1006);
  });

  it('serves the ground truth', async () => {
    await waitFor('a few confirmed segments', () => sim.truth(lobbyId).length >= 3);
    const res = await call(sim, 'GET', `/_sim/meetings/${lobbyId}/truth`, { admin: ADMIN });
    expect(res.body.segments.slice(0, 3)).toEqual(sim.truth(lobbyId).slice(0, 3));
    expect(res.body.segments[0]).toMatchObject({ speaker: 'Maya Lindqvist', text: expect.stringContaining('June release') });
  });

  it('restarts on the same port, dropping sockets but keeping state', async () => {
    const ws = await FrameLog.open(sim);
    const before = sim.url;
    expect((await call(sim, 'POST', '/_sim/restart?down_ms=150', { admin: ADMIN })).status).toBe(202);
    expect((await ws.waitClosed()).code).toBe(1006);
    await waitFor('the server to come back', async () => {
      try {
        return (await call(sim, 'GET', '/meetings')).status === 200;
      } catch {
        return false;
      }
    });
    expect(sim.url).toBe(before);
    const meetings = (await call(sim, 'GET', '/meetings')).body.meetings;
    expect(meetings.map((m: { id: number }) => m.id)).toContain(lobbyId);
    await sim.restart(50);
    expect((await call(sim, 'GET', '/health')).status).toBe(200);
  });

  it('stays down through a long restart until told to come back, even when told while still closing', async () => {
    const down = async (): Promise<boolean> => {
      try {
        await call(sim, 'GET', '/health');
        return false;
      } catch {
        return true;
      }
    };
    const restarted = sim.restart(600_000);
    sim.comeBack();
    await restarted;
    expect((await call(sim, 'GET', '/health')).status).toBe(200);

    const held = sim.restart(600_000);
    await waitFor('the server to go down', down);
    await pause(200);
    expect(await down()).toBe(true);
    sim.comeBack();
    await held;
    expect((await call(sim, 'GET', '/health')).status).toBe(200);
  });

  it('injects HTTP faults: an nginx 502 page for a few requests on a path prefix', async () => {
    const set = await call(sim, 'POST', '/_sim/fault', {
      admin: ADMIN,
      body: { status: 502, body: NGINX_502, count: 2, paths: '/meetings' },
    });
    expect(set.status).toBe(200);
    const first = await call(sim, 'GET', '/meetings');
    expect(first.status).toBe(502);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.text).toBe(NGINX_502);
    expect((await call(sim, 'GET', '/bots/status')).status).toBe(200);
    expect((await call(sim, 'GET', '/meetings')).status).toBe(502);
    expect((await call(sim, 'GET', '/meetings')).status).toBe(200);
    expect((await call(sim, 'GET', '/_sim/state', { admin: ADMIN })).body.fault).toBeNull();
  });

  it('holds a request before failing it, and fails WebSocket upgrades too', async () => {
    sim.setFault({ status: 504, body: '{"detail":"upstream timeout"}', hangMs: 100, count: 1 });
    expect(await call(sim, 'GET', '/meetings')).toMatchObject({ status: 504, body: { detail: 'upstream timeout' } });

    sim.setFault({ status: 502, body: NGINX_502, paths: '/ws' });
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${sim.url.replace('http', 'ws')}/ws?api_key=test-key`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('upgrade should have failed')));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(502);
    sim.setFault(null);
    const ok = await FrameLog.open(sim);
    ok.close();
  });
});

describe('a simulator without an admin key (the in-app demo has none)', () => {
  it.each(['g1', 'g2', 'g3'] as const)(
    '%s: control endpoints are open, no admin service is opened and no users are seeded',
    async (profile) => {
      const sim = await start({ profile, adminKey: undefined, seed: true });
      try {
        const state = await call(sim, 'GET', '/_sim/state');
        expect(state.status).toBe(200);
        // Only the configured key's user: the few hundred users are for an administrator to list.
        expect(state.body.users).toBe(1);
        if (profile === 'g3') {
          // admin-api is a service of its own there: without a key nothing listens for it.
          expect(sim.adminUrl).toBeNull();
          expect((await call(sim, 'GET', '/admin/users/1', { key: null })).status).toBe(404);
        } else {
          // G1/G2 route /admin through the gateway, which answers as a real server without ADMIN_API_TOKEN.
          expect(sim.adminUrl).toBe(sim.url);
          expect((await call(sim, 'GET', '/admin/users/1', { key: null })).status).toBe(500);
        }
      } finally {
        await sim.close();
      }
    },
  );

  it.each(['g2', 'g3'] as const)('%s: with an admin key, the seeded users are there to administer', async (profile) => {
    const sim = await start({ profile, seed: true });
    try {
      expect((await call(sim, 'GET', '/_sim/state', { admin: ADMIN })).body.users).toBe(1 + SEEDED_USER_COUNT);
      expect(sim.adminUrl).not.toBeNull();
    } finally {
      await sim.close();
    }
  });
});
