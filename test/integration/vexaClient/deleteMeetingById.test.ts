import { afterEach, describe, expect, it } from 'vitest';
import { createVexaClient, type VexaClient } from '../../../electron/core/vexa';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { isVexaError } from '../../../shared/vexa/errors';

const KEY = 'vxa_tx_rowdelete0123456789abcdefghijklm';

let sim: Simulator | null = null;

afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function rig(profile: 'g1' | 'g2' | 'g3'): Promise<{ sim: Simulator; client: VexaClient; requests: string[] }> {
  sim = await startSimulator({ profile, port: 0, apiKeys: [{ key: KEY, scopes: ['bot', 'tx'] }], seed: true, timeScale: 50 });
  const requests: string[] = [];
  const fetcher: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`);
    return fetch(input, init);
  };
  return { sim, client: createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: profile, fetch: fetcher, retries: 0 }), requests };
}

async function raw(s: Simulator, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'X-API-Key': KEY };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${s.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, text: await res.text() };
}

async function failure(p: Promise<unknown>): Promise<{ code: string; status: number | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isVexaError(e)) return { code: e.code, status: e.status, message: e.userMessage };
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('deleting a meeting by its number (G3 DELETE /meetings/{id})', () => {
  it('deletes a plan made without a meeting link: gone from the list, a second delete finds nothing', async () => {
    const { sim, client } = await rig('g3');
    const created = await raw(sim, 'POST', '/meetings', { title: 'Board prep' });
    const plan = JSON.parse(created.text) as { id: number; platform: string; native_meeting_id: string | null };
    expect(plan).toMatchObject({ platform: 'unknown', native_meeting_id: null });
    expect((await client.listMeetings()).meetings.map((m) => m.id)).toContain(plan.id);

    await client.deleteMeetingById(plan.id);

    expect((await client.listMeetings()).meetings.map((m) => m.id)).not.toContain(plan.id);
    expect(await failure(client.deleteMeetingById(plan.id))).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('answers with an empty 204, deletes a finished transcript but keeps its row, and refuses a running meeting', async () => {
    const { sim, client } = await rig('g3');
    const plan = JSON.parse((await raw(sim, 'POST', '/meetings', {})).text) as { id: number };
    expect(await raw(sim, 'DELETE', `/meetings/${plan.id}`)).toEqual({ status: 204, text: '' });

    const finished = (await client.listMeetings()).meetings.find((m) => m.nativeMeetingId === '93817264501')!;
    await client.deleteMeetingById(finished.id);
    expect((await client.listMeetings()).meetings.map((m) => m.id)).toContain(finished.id);
    expect(await failure(client.getTranscript('teams', '93817264501'))).toMatchObject({ code: 'not_found' });
    // Repeating it is harmless.
    await client.deleteMeetingById(finished.id);

    const running = await client.launchBot({ platform: 'google_meet', nativeMeetingId: 'row-dele-tes', botName: 'sim:lobby-wait' });
    const refused = await failure(client.deleteMeetingById(running.id));
    expect(refused).toMatchObject({ code: 'conflict', status: 409 });
    expect(refused.message).toMatch(/terminal/);
    expect(await failure(client.deleteMeetingById(987_654))).toMatchObject({ code: 'not_found' });
  });

  it.each([
    ['g1', 404, 'Not Found'],
    ['g2', 405, 'Method Not Allowed'],
  ] as const)('is refused on %s before any request, with a sentence; the server has no such route', async (profile, status, text) => {
    const { sim, client, requests } = await rig(profile);
    const first = (await client.listMeetings()).meetings[0]!;
    requests.length = 0;

    expect(client.deletesById).toBe(false);
    const refused = await failure(client.deleteMeetingById(first.id));
    expect(refused.code).toBe('unsupported');
    expect(refused.message).toMatch(/cannot delete a meeting by its number/);
    expect(requests).toEqual([]);

    const direct = await raw(sim, 'DELETE', `/meetings/${first.id}`);
    expect(direct.status).toBe(status);
    expect(JSON.parse(direct.text)).toEqual({ detail: text });
  });
});
