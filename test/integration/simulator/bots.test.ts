import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../electron/simulator/index';
import { call, KEY, sendBot, start, waitForStatus } from './simHelpers';

const NAIVE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;
const ZULU = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe.each(['g1', 'g2', 'g3'] as const)('POST /bots and DELETE /bots, profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    // A slower clock keeps admitted bots talking long enough to stop or reconfigure them.
    sim = await start({
      profile,
      timeScale: 50,
      apiKeys: [
        { key: KEY, maxConcurrent: 20 },
        { key: 'capped', maxConcurrent: 1, email: 'capped@example.com' },
      ],
    });
  });
  afterAll(() => sim.close());

  it('creates a bot with 201 and the generation’s MeetingResponse', async () => {
    const res = await sendBot(sim, 'abc-defg-hij', 'lobby-wait');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      platform: 'google_meet',
      native_meeting_id: 'abc-defg-hij',
      status: 'requested',
      constructed_meeting_url: 'https://meet.google.com/abc-defg-hij',
      start_time: null,
      end_time: null,
    });
    expect(res.body.created_at).toMatch(profile === 'g3' ? ZULU : NAIVE);
    if (profile === 'g1') expect(res.body).not.toHaveProperty('completion_reason');
    else expect(res.body).toMatchObject({ completion_reason: null, failure_stage: null });
    if (profile === 'g3') {
      expect(res.body.data).toMatchObject({
        transcribe_enabled: true,
        recording_enabled: true,
        sessions: [expect.stringMatching(/^[0-9a-f-]{36}$/)],
      });
    }
  });

  it('refuses a second bot for a meeting that already has one (409)', async () => {
    const res = await sendBot(sim, 'abc-defg-hij');
    expect(res.status).toBe(409);
    const expected = {
      g1: 'An active or requested meeting already exists for this platform and meeting ID. Platform: google_meet, Native Meeting ID: abc-defg-hij',
      g2: 'An active or requested meeting already exists for this platform and meeting ID',
      g3: 'An active meeting already exists for google_meet/abc-defg-hij',
    }[profile];
    expect(res.body).toEqual({ detail: expected });
  });

  it('applies the concurrency cap with each generation’s status', async () => {
    expect(
      (
        await call(sim, 'POST', '/bots', {
          key: 'capped',
          body: { platform: 'google_meet', native_meeting_id: 'cap-aaaa-one', bot_name: 'sim:lobby-wait' },
        })
      ).status,
    ).toBe(201);
    const over = await call(sim, 'POST', '/bots', { key: 'capped', body: { platform: 'google_meet', native_meeting_id: 'cap-aaaa-two' } });
    if (profile === 'g1')
      expect(over).toMatchObject({ status: 403, body: { detail: 'User has reached the maximum concurrent bot limit (1).' } });
    if (profile === 'g2') expect(over).toMatchObject({ status: 403, body: { detail: 'Concurrent bot limit reached (1/1).' } });
    if (profile === 'g3')
      expect(over).toMatchObject({ status: 429, body: { detail: 'User has reached the maximum concurrent bot limit (1).' } });
  });

  it('validates the request the way the generation does', async () => {
    const badMeet = await call(sim, 'POST', '/bots', { body: { platform: 'google_meet', native_meeting_id: 'Not A Code' } });
    const meetPasscode = await call(sim, 'POST', '/bots', {
      body: { platform: 'google_meet', native_meeting_id: 'pqr-stuv-wxy', passcode: 'x' },
    });
    const noTeamsPass = await call(sim, 'POST', '/bots', { body: { platform: 'teams', native_meeting_id: '1234567890123' } });
    const badPlatform = await call(sim, 'POST', '/bots', { body: { platform: 'skype', native_meeting_id: 'x' } });
    const notJson = await call(sim, 'POST', '/bots', { rawBody: '{nope', headers: { 'Content-Type': 'application/json' } });
    expect([badPlatform.status, notJson.status]).toEqual([422, 422]);
    if (profile === 'g3') {
      // G3 has no per-platform id check and answers every 422 with a string.
      expect(badMeet.status).toBe(422);
      expect(badMeet.body.detail).toMatch(/must be the bare meeting id/);
      expect(meetPasscode.status).toBe(201);
      expect(noTeamsPass.status).toBe(201);
      expect(badPlatform.body.detail).toBe(
        "platform 'skype' cannot be spawned as a meeting bot — supported: google_meet, jitsi, teams, zoom",
      );
      expect(notJson.body).toEqual({ detail: 'invalid JSON body' });
      const zoom = await call(sim, 'POST', '/bots', { body: { platform: 'zoom', native_meeting_id: '12345678901' } });
      expect(zoom.body.detail).toMatch(/^unsupported platform 'zoom' without a meeting_url/);
      const http = await call(sim, 'POST', '/bots', { body: { meeting_url: 'http://meet.google.com/abc-defg-hij' } });
      expect(http.body.detail).toBe('meeting_url must use https:// — the bot only joins TLS deployments');
      const fromUrl = await call(sim, 'POST', '/bots', {
        body: { meeting_url: 'https://zoom.us/j/98765432101?pwd=sekret', bot_name: 'sim:silence' },
      });
      expect(fromUrl.body).toMatchObject({ status: 'requested', platform: 'zoom', native_meeting_id: '98765432101' });
      return;
    }
    expect(badMeet.status).toBe(422);
    expect(badMeet.body.detail[0]).toMatchObject({
      type: 'value_error',
      loc: ['body', 'native_meeting_id'],
      msg: expect.stringContaining("Google Meet ID must be in format 'abc-defg-hij'"),
    });
    expect(meetPasscode.body.detail[0].msg).toBe('Value error, Passcode is not supported for Google Meet meetings');
    if (profile === 'g2') expect(noTeamsPass.body.detail[0].msg).toMatch(/Teams meetings require a passcode/);
    else expect(noTeamsPass.status).toBe(201);
    expect(badPlatform.body.detail[0]).toMatchObject({ type: 'enum', loc: ['body', 'platform'] });
    expect(notJson.body.detail[0].type).toBe('json_invalid');
    if (profile === 'g2') {
      const link = await call(sim, 'POST', '/bots', {
        body: { platform: 'teams', meeting_url: 'https://teams.live.com/meet/9876543210987?p=AbCd1234', bot_name: 'sim:silence' },
      });
      expect(link.body).toMatchObject({ status: 'requested', platform: 'teams', native_meeting_id: '9876543210987' });
    }
    const shortZoom = await call(sim, 'POST', '/bots', { body: { platform: 'zoom', native_meeting_id: '1234' } });
    expect(shortZoom).toMatchObject({
      status: 422,
      body: { detail: 'Invalid platform/native_meeting_id combination: cannot construct meeting URL' },
    });
  });

  it('stops a bot with the generation’s reply, and a repeated stop follows the generation too', async () => {
    await sendBot(sim, 'stp-abcd-efg', 'lobby-wait');
    const id = (await call(sim, 'GET', `/transcripts/google_meet/stp-abcd-efg`)).body.id as number;
    sim.admit(id);
    await waitForStatus(sim, id, 'active');
    const first = await call(sim, 'DELETE', '/bots/google_meet/stp-abcd-efg');
    if (profile === 'g3') {
      expect(first).toMatchObject({
        status: 200,
        body: { status: 'stopping', meeting_id: id, native_meeting_id: 'stp-abcd-efg', also_stopped: [], cancelled: [] },
      });
      expect(await call(sim, 'DELETE', '/bots/google_meet/stp-abcd-efg')).toMatchObject({
        status: 404,
        body: { detail: 'No active meeting for this bot' },
      });
    } else {
      expect(first).toMatchObject({ status: 202, body: { message: 'Stop request accepted and is being processed.' } });
    }
    await waitForStatus(sim, id, 'completed');
    const after = await call(sim, 'DELETE', '/bots/google_meet/stp-abcd-efg');
    if (profile === 'g3') expect(after.status).toBe(404);
    else expect(after).toMatchObject({ status: 202, body: { message: 'Meeting already completed.' } });
    expect((await call(sim, 'DELETE', '/bots/google_meet/zzz-zzzz-zzz')).status).toBe(404);

    const waiting = (await sendBot(sim, 'lob-abcd-efg', 'lobby-wait')).body.id as number;
    await waitForStatus(sim, waiting, 'awaiting_admission');
    await call(sim, 'DELETE', '/bots/google_meet/lob-abcd-efg');
    // G1/G2 complete a stopped pre-active bot; G3 lets the runtime fail it at the stage it reached.
    await waitForStatus(sim, waiting, profile === 'g3' ? 'failed' : 'completed');
    if (profile === 'g3')
      expect((await call(sim, 'GET', `/meetings/${waiting}`)).body).toMatchObject({
        completion_reason: 'stopped',
        failure_stage: 'awaiting_admission',
      });
    expect((await call(sim, 'DELETE', '/bots/skype/abc')).status).toBe(422);
  });

  it('reconfigures an active bot only before G3', async () => {
    await sendBot(sim, 'cfg-abcd-efg', 'lobby-wait');
    const early = await call(sim, 'PUT', '/bots/google_meet/cfg-abcd-efg/config', { body: { language: 'de' } });
    if (profile === 'g3') {
      expect(early).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
      return;
    }
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(
      /^Meeting found but is not active \(status: '(requested|joining|awaiting_admission)'\)\. Cannot reconfigure\.$/,
    );
    const id = (await call(sim, 'GET', '/transcripts/google_meet/cfg-abcd-efg')).body.id as number;
    sim.admit(id);
    await waitForStatus(sim, id, 'active');
    expect(await call(sim, 'PUT', '/bots/google_meet/cfg-abcd-efg/config', { body: { language: 'de' } })).toMatchObject({
      status: 202,
      body: { message: 'Reconfiguration request accepted and sent to the bot.' },
    });
    expect((await call(sim, 'PUT', '/bots/google_meet/cfg-abcd-efg/config', { body: { language: 'xx' } })).status).toBe(422);
    expect((await call(sim, 'PUT', '/bots/google_meet/nop-abcd-efg/config', { body: { language: 'de' } })).status).toBe(404);
  });

  it('lists running bots in the generation’s shape', async () => {
    const res = await call(sim, 'GET', '/bots/status');
    expect(res.status).toBe(200);
    if (profile === 'g3') {
      expect(res.body.count).toBe(res.body.running.length);
      expect(res.body.running_bots).toEqual(res.body.running);
      expect(res.body.running[0].data).not.toHaveProperty('status_transition');
    } else {
      const entry = res.body.running_bots.find((b: { native_meeting_id: string }) => b.native_meeting_id === 'abc-defg-hij');
      if (profile === 'g1') {
        expect(entry).toMatchObject({ container_id: expect.any(String), status: expect.stringMatching(/^Up /), normalized_status: 'Up' });
      } else {
        // G2 lists what the runtime reports running: a literal "running", "Up", no labels, a zoned start.
        expect(entry).toMatchObject({
          container_id: expect.any(String),
          status: 'running',
          normalized_status: 'Up',
          labels: {},
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/),
          meeting_status: 'awaiting_admission',
        });
      }
    }
    const list = await call(sim, 'GET', '/bots');
    // G1 has POST /bots only, so FastAPI answers GET with 405.
    if (profile === 'g1') expect(list).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
    else expect(list.body).toEqual({ meetings: expect.any(Array), has_more: false });
  });
});
