import { afterEach, describe, expect, it } from 'vitest';
import { createVexaClient } from '../../../electron/core/vexa';
import type { VexaClient } from '../../../electron/core/vexa';
import type { ServerGeneration } from '../../../shared/vexa/capabilities';
import type { FakeServer } from './support/fakeServer';
import { sendJson } from './support/fakeServer';
import { row, startRoutes } from './support/routes';
import { fixtureJson } from '../../support/fixtures';

const g1 = fixtureJson('vexa/g1.json');
const g2 = fixtureJson('vexa/g2.json');
const g3 = fixtureJson('vexa/g3.json');
const KEY = 'vxa_bot_tx_0123456789abcdefghijklmnopqrstu';

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function clientFor(
  generation: ServerGeneration,
  table: Parameters<typeof startRoutes>[0],
): Promise<{ client: VexaClient; s: FakeServer }> {
  server = await startRoutes(table);
  return { client: createVexaClient({ baseUrl: server.url, apiKey: KEY, generation, sleep: async () => {} }), s: server };
}

describe('G1 (v0.9)', () => {
  it('lists all meetings from one unpaged call and pages them locally', async () => {
    const { client, s } = await clientFor('g1', { 'GET /meetings': { status: 200, body: g1.meetings } });
    const page = await client.listMeetings({ limit: 2 });
    expect(page.meetings.map((m) => m.id)).toEqual([42, 41]);
    expect(page.hasMore).toBe(true);
    expect((await client.listMeetings({ status: 'failed' })).meetings.map((m) => m.id)).toEqual([40]);
    expect((await client.listAllMeetings()).meetings).toHaveLength(3);
    expect(s.requests.every((r) => r.query.toString() === '')).toBe(true);
  });

  it('finds a meeting by id in the list, since G1 has no GET /meetings/{id}', async () => {
    const { client, s } = await clientFor('g1', { 'GET /meetings': { status: 200, body: g1.meetings } });
    expect((await client.getMeeting(40)).status).toBe('failed');
    await expect(client.getMeeting(999)).rejects.toMatchObject({
      code: 'not_found',
      userMessage: 'This meeting is no longer on the server. It may have been deleted.',
    });
    expect(s.requests.map((r) => r.path)).toEqual(['/meetings', '/meetings']);
  });

  it('renames a meeting with PATCH {data}', async () => {
    const { client, s } = await clientFor('g1', {
      'PATCH /meetings/google_meet/abc-defg-hij': { status: 200, body: { ...g1.meetings.meetings[0], data: { name: 'Renamed' } } },
    });
    const m = await client.updateMeeting('google_meet', 'abc-defg-hij', { name: 'Renamed', notes: undefined });
    expect(m.name).toBe('Renamed');
    expect(s.requests[0]!.body).toEqual({ data: { name: 'Renamed' } });
  });

  it('sends a bot with the G1 field subset', async () => {
    const { client, s } = await clientFor('g1', { 'POST /bots': { status: 201, body: g1.botCreated } });
    const m = await client.launchBot({
      platform: 'google_meet',
      nativeMeetingId: 'xyz-abcd-efg',
      botName: 'Notes',
      language: 'auto',
      automaticLeave: { max_wait_for_admission: 60_000 },
    });
    expect(m).toMatchObject({ id: 43, status: 'requested' });
    expect(s.requests[0]!.body).toEqual({ platform: 'google_meet', native_meeting_id: 'xyz-abcd-efg', bot_name: 'Notes' });
  });

  it('normalises the 202 stop answers and the 404 for a meeting that is gone', async () => {
    const { client } = await clientFor('g1', {
      'DELETE /bots/google_meet/a-running': { status: 202, body: g1.stopAccepted },
      'DELETE /bots/google_meet/a-done': { status: 202, body: g1.stopAlreadyCompleted },
      'DELETE /bots/google_meet/a-none': { status: 404, body: { detail: 'No meeting found to stop.' } },
    });
    expect(await client.stopBot('google_meet', 'a-running')).toEqual({ accepted: true, message: 'The bot is leaving the meeting.' });
    expect(await client.stopBot('google_meet', 'a-done')).toMatchObject({ accepted: false, alreadyFinished: true });
    expect(await client.stopBot('google_meet', 'a-none')).toMatchObject({ accepted: false, alreadyFinished: true });
  });

  it('reads transcripts for an exact row, shares them publicly, and reads chat', async () => {
    const { client, s } = await clientFor('g1', {
      'GET /transcripts/google_meet/abc-defg-hij': { status: 200, body: g1.transcript },
      'POST /transcripts/google_meet/abc-defg-hij/share': { status: 200, body: g1.share },
      'GET /bots/google_meet/abc-defg-hij/chat': { status: 200, body: g1.chat },
      'GET /bots/status': { status: 200, body: g1.botsStatus },
    });
    expect((await client.getTranscript('google_meet', 'abc-defg-hij', { meetingId: 42 })).segments).toHaveLength(2);
    expect(s.requests[0]!.query.get('meeting_id')).toBe('42');
    const share = await client.createShare('google_meet', 'abc-defg-hij', { ttlSeconds: 3600, meetingId: 42 });
    expect(share.kind).toBe('public-url');
    expect(Object.fromEntries(s.requests[1]!.query)).toEqual({ meeting_id: '42', ttl_seconds: '3600' });
    expect(s.requests[1]!.body).toBeUndefined();
    expect(await client.getChat('google_meet', 'abc-defg-hij')).toHaveLength(1);
    expect((await client.botStatus())[0]!.status).toBe('active');
  });

  it('explains what G1 cannot do instead of calling it', async () => {
    const { client, s } = await clientFor('g1', {});
    await expect(client.authMe()).rejects.toMatchObject({ code: 'unsupported' });
    await expect(client.listBots()).rejects.toMatchObject({ code: 'unsupported' });
    await expect(client.getTranscriptById(1)).rejects.toMatchObject({ code: 'unsupported' });
    expect(s.requests).toHaveLength(0);
  });
});

describe('G2 (v0.10)', () => {
  it('passes paging and filters to the server and spells needs_help its way', async () => {
    const { client, s } = await clientFor('g2', { 'GET /meetings': { status: 200, body: g2.meetings } });
    const page = await client.listMeetings({ limit: 2, offset: 4, status: 'needs_help', platform: 'teams', excludePlanned: true });
    expect(page.hasMore).toBe(true);
    expect(Object.fromEntries(s.requests[0]!.query)).toEqual({ limit: '2', offset: '4', status: 'needs_human_help', platform: 'teams' });
    const all = await client.listMeetings();
    expect(all.hasMore).toBe(false);
  });

  it('reads the /bots list with has_more, and changes a running bot language', async () => {
    const { client, s } = await clientFor('g2', {
      'GET /bots': { status: 200, body: g2.botsList },
      'PUT /bots/teams/9387167464734/config': { status: 202, body: { message: 'Reconfiguration request accepted and sent to the bot.' } },
    });
    expect((await client.listBots({ limit: 1 })).hasMore).toBe(true);
    await client.updateBotConfig('teams', '9387167464734', { language: 'en' });
    expect(s.requests[1]).toMatchObject({ method: 'PUT', body: { language: 'en' } });
  });
});

describe('G3 (v0.12)', () => {
  it('pages through default-sized pages and keeps each meeting once when new ones shift the pages', async () => {
    let rows = Array.from({ length: 150 }, (_, i) => row(1000 - i));
    const { client, s } = await clientFor('g3', {
      'GET /meetings': (req, res) => {
        const limit = Number(req.query.get('limit') ?? 50);
        const offset = Number(req.query.get('offset') ?? 0);
        sendJson(res, 200, { meetings: rows.slice(offset, offset + limit) });
        // A meeting created between two page reads pushes every row one place down.
        if (offset === 0) rows = [row(1001, 'requested'), ...rows];
      },
    });
    const first = await client.listMeetings();
    expect(first.meetings).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(s.requests[0]!.query.toString()).toBe('');
    rows = rows.filter((r) => r.id !== 1001);
    const all = await client.listAllMeetings({ excludePlanned: true });
    expect(all.complete).toBe(true);
    expect(all.meetings).toHaveLength(150);
    expect(new Set(all.meetings.map((m) => m.id)).size).toBe(150);
    expect(all.meetings.map((m) => m.id)).toContain(851);
    expect(s.requests.slice(1).map((r) => r.query.toString())).toEqual([
      'limit=100&offset=0&exclude_planned=true',
      'limit=100&offset=100&exclude_planned=true',
    ]);
  });

  it('sends a bot with the fields G3 reads, including automatic_leave', async () => {
    const { client, s } = await clientFor('g3', { 'POST /bots': { status: 201, body: g3.botCreated } });
    await client.launchBot({
      platform: 'teams',
      meetingUrl: 'https://teams.microsoft.com/meet/123456789012?p=AbCd1234',
      passcode: 'AbCd1234',
      language: 'de',
      task: 'transcribe',
      transcribeEnabled: true,
      automaticLeave: { max_wait_for_admission: 120_000 },
    });
    expect(s.requests[0]!.body).toEqual({
      platform: 'teams',
      meeting_url: 'https://teams.microsoft.com/meet/123456789012?p=AbCd1234',
      passcode: 'AbCd1234',
      language: 'de',
      task: 'transcribe',
      transcribe_enabled: true,
      automatic_leave: { max_wait_for_admission: 120_000 },
    });
  });

  it('stops with 200, and a second stop (404) says the bot already left', async () => {
    const g3StopNone = fixtureJson('vexa/errors.json').g3StopNone404;
    let stopped = false;
    const { client, s } = await clientFor('g3', {
      'DELETE /bots/teams/19%3Ameeting_NjQ%40thread.v2': (_req, res) => {
        if (stopped) return sendJson(res, 404, g3StopNone);
        stopped = true;
        sendJson(res, 200, g3.stop);
      },
    });
    expect(await client.stopBot('teams', '19:meeting_NjQ@thread.v2')).toEqual({
      accepted: true,
      message: 'The bot is leaving the meeting.',
    });
    expect(await client.stopBot('teams', '19:meeting_NjQ@thread.v2')).toMatchObject({ accepted: false, alreadyFinished: true });
    expect(s.requests).toHaveLength(2);
  });

  it('opens a transcript by row id, and shares it by row id as a capability token from a JSON body', async () => {
    const { client, s } = await clientFor('g3', {
      'GET /transcripts/by-id/5120': { status: 200, body: g3.transcript },
      // The link route mints for the newest meeting on a recurring link; the row id names this one.
      'POST /meetings/5120/share': { status: 200, body: g3.share },
      'GET /meetings/5101': { status: 200, body: g3.meeting },
    });
    const t = await client.getTranscript('jitsi', 'standup@meet.example.org', { meetingId: 5120 });
    expect(t.meeting.id).toBe(5120);
    const share = await client.createShare('jitsi', 'standup@meet.example.org', { ttlSeconds: 600, meetingId: 5120 });
    expect(share).toMatchObject({ kind: 'capability-token', id: '88', mode: 'open' });
    expect(s.requests[1]!.query.toString()).toBe('');
    expect(s.requests[1]!.body).toEqual({ expires_in_sec: 600 });
    expect((await client.getMeeting(5101)).statusTransitions).toHaveLength(3);
  });

  it('refuses a share token that names another meeting than the one asked for', async () => {
    const { client } = await clientFor('g3', { 'POST /meetings/5119/share': { status: 200, body: g3.share } });
    await expect(client.createShare('jitsi', 'standup@meet.example.org', { meetingId: 5119 })).rejects.toMatchObject({
      code: 'invalid_response',
      userMessage: expect.stringMatching(/share link for another meeting/),
    });
  });

  it('explains what G3 cannot do, without a request', async () => {
    const { client, s } = await clientFor('g3', {});
    await expect(client.updateMeeting('google_meet', 'abc-defg-hij', { name: 'x' })).rejects.toMatchObject({
      code: 'unsupported',
      userMessage: expect.stringMatching(/cannot rename a meeting/),
    });
    await expect(client.updateBotConfig('google_meet', 'abc-defg-hij', { language: 'en' })).rejects.toMatchObject({ code: 'unsupported' });
    expect(await client.getChat('google_meet', 'abc-defg-hij')).toEqual([]);
    expect(s.requests).toHaveLength(0);
  });

  it('surfaces server errors as VexaErrors', async () => {
    const errors = fixtureJson('vexa/errors.json');
    const { client } = await clientFor('g3', {
      'POST /bots': { status: 429, body: errors.g3Limit429 },
      'GET /meetings/77': { status: 404, body: { detail: 'Meeting not found' } },
    });
    await expect(client.launchBot({ platform: 'google_meet', nativeMeetingId: 'abc-defg-hij' })).rejects.toMatchObject({
      code: 'limit_reached',
    });
    await expect(client.getMeeting(77)).rejects.toMatchObject({ code: 'not_found', userMessage: 'Meeting not found.' });
  });
});
