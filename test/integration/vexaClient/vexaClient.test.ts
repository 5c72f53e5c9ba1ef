import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVexaAdminClient, createVexaClient, probeServer } from '../../../electron/core/vexa';
import type { VexaClient } from '../../../electron/core/vexa';
import { startSimulator } from '../../../electron/simulator';
import type { Simulator } from '../../../electron/simulator';
import { capabilitiesFor } from '../../../shared/vexa/capabilities';
import type { ServerGeneration } from '../../../shared/vexa/capabilities';
import type { Meeting, MeetingStatus } from '../../../shared/vexa/types';
import { waitFor } from '../../support/waitFor';

const KEY = 'vxa_bot_sim0123456789abcdefghijklmnopqr';
const TX_ONLY = 'vxa_tx_sim0123456789abcdefghijklmnopqrs';
const BOT_ONLY = 'vxa_bot_only0123456789abcdefghijklmnop';
const CAPPED = 'vxa_bot_capped0123456789abcdefghijklm';
const ADMIN = 'sim-admin-token-0123456789';
const SECRETS = [KEY, TX_ONLY, BOT_ONLY, CAPPED, ADMIN];

function expectNoSecrets(value: unknown) {
  const text = `${String(value)} ${JSON.stringify(value)}`;
  for (const s of SECRETS) expect(text).not.toContain(s);
}

async function statusOf(client: VexaClient, id: number): Promise<MeetingStatus> {
  return (await client.getMeeting(id)).status;
}

describe.each(['g1', 'g2', 'g3'] as const)('Vexa client against the %s simulator', (profile: ServerGeneration) => {
  let sim: Simulator;
  let client: VexaClient;

  beforeAll(async () => {
    sim = await startSimulator({
      profile,
      port: 0,
      timeScale: 50,
      adminKey: ADMIN,
      apiKeys: [
        { key: KEY, scopes: ['bot', 'tx'], email: 'owner@example.org', maxConcurrent: 3 },
        { key: TX_ONLY, scopes: ['tx'], email: 'reader@example.org' },
        { key: BOT_ONLY, scopes: ['bot'], email: 'sender@example.org' },
        { key: CAPPED, scopes: ['bot', 'tx'], email: 'capped@example.org', maxConcurrent: 1 },
      ],
    });
    const probe = await probeServer({ baseUrl: sim.url, apiKey: KEY });
    if (!probe.ok) throw probe.error;
    client = createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: probe.value.generation });
  });

  afterAll(async () => {
    await sim?.close();
  });

  it('detects the generation and its capabilities', async () => {
    const probe = await probeServer({ baseUrl: `${sim.url}/`, apiKey: KEY });
    expect(probe.ok).toBe(true);
    if (!probe.ok) return;
    expect(probe.value.generation).toBe(profile);
    expect(probe.value.capabilities).toEqual(capabilitiesFor(profile));
    expect(probe.value.baseUrl).toBe(sim.url);
    if (profile === 'g1') expect(probe.value.user).toBeNull();
    else expect(probe.value.user).toMatchObject({ email: 'owner@example.org', maxConcurrent: 3 });
    expect(probe.value.warnings).toEqual([]);
  });

  it('reports a wrong key as unauthorized, without repeating it', async () => {
    const wrong = 'vxa_bot_wrongwrongwrongwrongwrongwrong';
    const probe = await probeServer({ baseUrl: sim.url, apiKey: wrong });
    expect(probe.ok).toBe(false);
    if (probe.ok) return;
    expect(probe.error.code).toBe('unauthorized');
    expect(JSON.stringify(probe.error)).not.toContain(wrong);
    expect(String(probe.error)).not.toContain(wrong);
  });

  it('handles keys with partial scopes the way each generation allows', async () => {
    const botOnly = await probeServer({ baseUrl: sim.url, apiKey: BOT_ONLY });
    const txOnly = await probeServer({ baseUrl: sim.url, apiKey: TX_ONLY });
    if (profile === 'g1') {
      // G1 keys have no scopes.
      expect(botOnly.ok && botOnly.value.generation).toBe('g1');
      return;
    }
    expect(botOnly.ok ? 'ok' : botOnly.error.code).toBe('missing_scope');
    expect(botOnly.ok ? '' : botOnly.error.userMessage).toMatch(/lacks the "tx" scope/);
    expect(txOnly.ok && txOnly.value.generation).toBe(profile);
    expect(txOnly.ok && txOnly.value.warnings).toEqual([expect.stringMatching(/lacks the "bot" scope/)]);
  });

  it('sends a bot, follows it to active, reads and shares the transcript, stops it', async () => {
    const nativeId = 'abc-defg-hij';
    const launched = await client.launchBot({ platform: 'google_meet', nativeMeetingId: nativeId, botName: 'sim:normal', language: 'en' });
    expect(launched).toMatchObject({ platform: 'google_meet', nativeMeetingId: nativeId, status: 'requested' });

    const running = await client.botStatus();
    expect(running.some((b) => b.nativeMeetingId === nativeId)).toBe(true);

    await waitFor('the bot to become active', async () => (await statusOf(client, launched.id)) === 'active');
    const transcript = await waitFor('transcript segments', async () => {
      const t = await client.getTranscript('google_meet', nativeId, { meetingId: launched.id });
      return t.segments.some((s) => s.text.length > 0) ? t : null;
    });
    expect(transcript.meeting.id).toBe(launched.id);
    for (const s of transcript.segments) {
      expect(s.key).not.toBe('');
      expect(s.absoluteStart === null || s.absoluteStart > Date.UTC(2020, 0, 1)).toBe(true);
    }

    const share = await client.createShare('google_meet', nativeId, { ttlSeconds: 600, meetingId: launched.id });
    if (profile === 'g3') {
      expect(share.kind).toBe('capability-token');
    } else {
      expect(share.kind).toBe('public-url');
      if (share.kind === 'public-url') {
        const res = await fetch(share.url);
        expect(res.status).toBe(200);
        expect(await res.text()).toMatch(/^MEETING TRANSCRIPT\n/);
        expect(share.expiresAt).toBeGreaterThan(Date.now());
      }
    }

    const stop = await client.stopBot('google_meet', nativeId);
    expect(stop.accepted).toBe(true);
    await waitFor('the meeting to end', async () => (await statusOf(client, launched.id)) === 'completed');
    expect(await client.stopBot('google_meet', nativeId)).toMatchObject({ accepted: false, alreadyFinished: true });

    const { meetings, complete } = await client.listAllMeetings();
    expect(complete).toBe(true);
    const listed = meetings.find((m: Meeting) => m.id === launched.id);
    expect(listed).toMatchObject({ status: 'completed', completionReason: 'stopped' });
  });

  it('explains a duplicate bot and the concurrent-bot cap', async () => {
    const capped = createVexaClient({ baseUrl: sim.url, apiKey: CAPPED, generation: profile });
    await capped.launchBot({ platform: 'google_meet', nativeMeetingId: 'kqv-mzrp-tdx', botName: 'sim:lobby-wait' });
    await expect(
      capped.launchBot({ platform: 'google_meet', nativeMeetingId: 'kqv-mzrp-tdx', botName: 'sim:lobby-wait' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      userMessage: expect.stringMatching(/already in this meeting/),
    });
    const e = await capped
      .launchBot({ platform: 'google_meet', nativeMeetingId: 'xyz-abcd-efg', botName: 'sim:lobby-wait' })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'limit_reached', userMessage: expect.stringMatching(/Stop one of them/) });
    expectNoSecrets(e);
    await capped.stopBot('google_meet', 'kqv-mzrp-tdx');
  });

  it('edits meeting details where the generation allows it', async () => {
    const m = await client.launchBot({ platform: 'google_meet', nativeMeetingId: 'ren-amet-est', botName: 'sim:lobby-wait' });
    if (profile === 'g3') {
      await expect(client.updateMeeting('google_meet', 'ren-amet-est', { name: 'Renamed' })).rejects.toMatchObject({ code: 'unsupported' });
      await expect(client.updateBotConfig('google_meet', 'ren-amet-est', { language: 'de' })).rejects.toMatchObject({
        code: 'unsupported',
      });
    } else {
      const updated = await client.updateMeeting('google_meet', 'ren-amet-est', { name: 'Renamed', notes: 'Agenda' });
      expect(updated).toMatchObject({ id: m.id, name: 'Renamed', notes: 'Agenda' });
      expect((await client.getMeeting(m.id)).name).toBe('Renamed');
    }
    await client.stopBot('google_meet', 'ren-amet-est');
  });

  it('lists meetings in pages where the server pages them', async () => {
    const page = await client.listMeetings({ limit: 1 });
    expect(page.meetings).toHaveLength(1);
    expect(page.hasMore).toBe(true);
    if (profile !== 'g1') expect((await client.listBots({ limit: 100 })).meetings.length).toBeGreaterThan(1);
  });

  it('turns proxy pages and hangs into actionable errors', async () => {
    sim.setFault({
      status: 502,
      body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
      contentType: 'text/html',
      count: 10,
    });
    const probe = await probeServer({ baseUrl: sim.url, apiKey: KEY, sleep: async () => {} });
    sim.setFault(null);
    expect(probe.ok ? 'ok' : probe.error.code).toBe('not_vexa');

    sim.setFault({ status: 200, body: '{}', hangMs: 2_000, count: 1 });
    const slow = createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: profile, timeoutMs: 100 });
    await expect(slow.botStatus()).rejects.toMatchObject({ code: 'timeout' });
    sim.setFault(null);
  });

  it('manages users and tokens through the admin API', async () => {
    const admin = createVexaAdminClient({ baseUrl: sim.adminUrl!, adminKey: ADMIN, generation: profile });
    const { user, existed } = await admin.createUser({ email: `new-${profile}@example.org`, maxConcurrentBots: 2 });
    expect(existed).toBe(false);
    expect((await admin.createUser({ email: `new-${profile}@example.org` })).existed).toBe(true);
    const token = await admin.createToken(user.id, { scopes: ['bot', 'tx'], name: 'desktop' });
    expect(token.value).toBeTruthy();
    const tokens = await admin.listTokens(user.id);
    expect(tokens.map((t) => t.id)).toContain(token.id);

    const fresh = await probeServer({ baseUrl: sim.url, apiKey: token.value! });
    expect(fresh.ok && fresh.value.generation).toBe(profile);
    await admin.revokeToken(token.id);
    const revoked = await probeServer({ baseUrl: sim.url, apiKey: token.value! });
    expect(revoked.ok ? 'ok' : revoked.error.code).toBe('unauthorized');

    const wrongAdmin = createVexaAdminClient({ baseUrl: sim.adminUrl!, adminKey: 'not-the-admin-key' });
    await expect(wrongAdmin.getUser(user.id)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
