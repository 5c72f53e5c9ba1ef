import { afterEach, describe, expect, it } from 'vitest';
import type { VexaClient } from '../../../electron/core/vexa';
import type { Simulator } from '../../../electron/simulator';
import type { ServerGeneration } from '../../../shared/vexa/capabilities';
import { meeting, simLibrary, type SimLibrary } from './helpers';

const KEY = 'vxa_tx_plans0123456789abcdefghijklmnopq';

interface Rig extends SimLibrary {
  changed: number[][];
}

let r: Rig | null = null;

afterEach(async () => {
  await r?.close();
  r = null;
});

async function rig(profile: ServerGeneration): Promise<Rig> {
  const changed: number[][] = [];
  const base = await simLibrary(profile, { key: KEY, events: { changed: (c) => changed.push(c.meetingIds ?? []) } });
  r = { ...base, changed };
  return r;
}

async function plan(sim: Simulator, body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${sim.url}/meetings`, {
    method: 'POST',
    headers: { 'X-API-Key': KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { id: number }).id;
}

const serverIds = async (c: VexaClient) => (await c.listMeetings({ limit: 100 })).meetings.map((m) => m.id);

describe('deleting a planned meeting on the server too (G3)', () => {
  it('deletes a plan without a meeting link by its number: gone from the server and from this computer, also after a sync', async () => {
    const { sim, lib, sync, elsewhere, calls, changed } = await rig('g3');
    const remoteId = await plan(sim, { title: 'Offsite planning', scheduled_at: '2030-03-02T09:00:00Z' });
    await sync.run();
    sync.cancelTranscripts();
    const planned = (await lib.library.list({ planned: 'only' })).find((m) => m.remoteId === remoteId)!;
    expect(planned).toMatchObject({ name: 'Offsite planning', nativeMeetingId: null, platform: 'unknown', status: 'scheduled' });

    calls.length = 0;
    await sync.deleteFromServer(planned.id);

    expect(calls).toEqual([`DELETE /meetings/${remoteId}`]);
    expect(await serverIds(elsewhere)).not.toContain(remoteId);
    expect(await lib.library.list({ planned: 'only' })).toEqual([]);
    expect(await lib.library.meeting(planned.id)).toBeNull();
    expect(changed).toContainEqual([planned.id]);
    expect((await lib.library.stats()).plannedMeetings).toBe(0);

    await sync.run({ full: true });
    expect((await lib.library.list({ planned: 'include' })).map((m) => m.remoteId)).not.toContain(remoteId);
  });

  it('deletes a plan with a meeting link by its number too, and a plan already deleted elsewhere just goes from here', async () => {
    const { sim, lib, sync, elsewhere, calls } = await rig('g3');
    const linked = await plan(sim, { title: 'Design crit', meeting_url: 'https://meet.google.com/crt-desg-nxt' });
    const gone = await plan(sim, { title: 'Cancelled sync' });
    await sync.run();
    sync.cancelTranscripts();
    const local = async (remoteId: number) => (await lib.library.list({ planned: 'only' })).find((m) => m.remoteId === remoteId)!;
    const linkedRow = await local(linked);
    const goneRow = await local(gone);

    calls.length = 0;
    await sync.deleteFromServer(linkedRow.id);
    // By row id even with a link: a link names only the newest meeting on it.
    expect(calls).toEqual([`DELETE /meetings/${linked}`]);
    expect(await lib.library.meeting(linkedRow.id)).toBeNull();

    await fetch(`${sim.url}/meetings/${gone}`, { method: 'DELETE', headers: { 'X-API-Key': KEY } });
    await sync.deleteFromServer(goneRow.id);
    expect(await lib.library.list({ planned: 'only' })).toEqual([]);
    expect(await serverIds(elsewhere)).not.toContain(linked);
  });

  it('on a server version without plans, says why a planned meeting without a link cannot be deleted there, and keeps it', async () => {
    const { sim, lib, sync, calls } = await rig('g2');
    await sync.run();
    sync.cancelTranscripts();
    await lib.library.upsertMeetings(sim.url, [meeting(900, { status: 'scheduled', platform: 'unknown', nativeMeetingId: null })]);
    const planned = (await lib.library.list({ planned: 'only' }))[0]!;

    calls.length = 0;
    await expect(sync.deleteFromServer(planned.id)).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/cannot delete a planned meeting that has no meeting link/),
    });
    expect(calls).toEqual([]);
    expect(await lib.library.meeting(planned.id)).toMatchObject({ planned: true });
  });
});
