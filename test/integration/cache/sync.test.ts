import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncOptions } from '../../../electron/core/cache/syncService';
import type { SyncState, TranscriptProgress } from '../../../electron/core/cache/types';
import type { Simulator } from '../../../electron/simulator';
import type { ServerGeneration } from '../../../shared/vexa/capabilities';
import { openLibrary, simLibrary, type SimLibrary } from './helpers';
import { pause, waitFor } from '../../support/waitFor';

const KEY = 'vxa_tx_cache0123456789abcdefghijklmnop';

interface Rig extends SimLibrary {
  states: SyncState[];
  progress: TranscriptProgress[];
}

async function rig(profile: ServerGeneration, options: SyncOptions = {}, lib = openLibrary(), sim?: Simulator): Promise<Rig> {
  const states: SyncState[] = [];
  const progress: TranscriptProgress[] = [];
  const base = await simLibrary(profile, {
    key: KEY,
    sim,
    lib,
    // A short timeout stands in for a hung server.
    timeoutMs: 700,
    events: { syncState: (s) => states.push(s), progress: (p) => progress.push(p) },
    options: { pageSize: 2, retryBaseMs: 150, retryMaxMs: 600, ...options },
  });
  return { ...base, states, progress };
}

const listCalls = (calls: string[]) => calls.filter((c) => /^GET \/meetings(\?|$)/.test(c));

async function allTranscripts(r: Rig, count: number): Promise<void> {
  await waitFor('every transcript cached', async () => {
    const list = await r.lib.library.list({ serverId: r.sim.url });
    return list.length === count && list.every((m) => m.transcript === 'complete');
  });
}

describe.each(['g1', 'g2', 'g3'] as const)('library sync against the %s simulator', (profile) => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig(profile);
  });
  afterEach(() => r.close());

  it('lists every meeting, pages where the server pages, and caches each transcript in the background with progress', async () => {
    const state = await r.sync.run();
    expect(state).toMatchObject({ phase: 'idle', error: null });
    expect(state.lastSyncedAt).not.toBeNull();
    if (profile === 'g1') expect(listCalls(r.calls)).toEqual(['GET /meetings']);
    else expect(listCalls(r.calls)).toEqual(['GET /meetings?limit=2&offset=0', 'GET /meetings?limit=2&offset=2']);

    await allTranscripts(r, 3);
    for (const m of await r.lib.library.list()) {
      const view = (await r.lib.library.transcript(m.id))!;
      expect(view.segments.map((s) => s.text)).toEqual(r.sim.truth(m.remoteId).map((s) => s.text));
      expect(m.lastSyncedAt).not.toBeNull();
    }
    const last = r.progress[r.progress.length - 1]!;
    expect(last).toMatchObject({ running: false, done: 3, total: 3, failed: 0 });
    expect(r.progress.some((p) => p.running && p.done > 0 && p.done < 3)).toBe(true);
    expect((await r.lib.library.search('release')).segments.length).toBeGreaterThan(0);
  });

  it('syncs incrementally: nothing changed reads one page; a new meeting and its words are picked up', async () => {
    await r.sync.run();
    await allTranscripts(r, 3);
    r.calls.length = 0;
    await r.sync.run();
    expect(listCalls(r.calls)).toHaveLength(1);

    const launched = await r.client.launchBot({ platform: 'google_meet', nativeMeetingId: 'new-meet-ing', botName: 'sim:crash' });
    await r.sync.run();
    const id = await waitFor('new meeting cached', () => r.lib.library.localId(r.sim.url, launched.id));
    // A bot that crashed after it was admitted still leaves the words it heard.
    await waitFor(
      'new meeting over',
      async () => (await r.client.listMeetings()).meetings.find((m) => m.id === launched.id)?.status === 'failed',
      15_000,
    );
    await r.sync.run();
    await waitFor('its transcript cached', async () => (await r.lib.library.meeting(id))?.transcript === 'complete');
    const words = (await r.lib.library.transcript(id))!.segments;
    expect(words.length).toBeGreaterThan(0);
    expect(words.length).toBe(r.sim.truth(launched.id).length);
  });

  it('fetches details and the transcript when a meeting is opened', async () => {
    const { meetings } = await r.client.listMeetings();
    await r.lib.library.upsertMeetings(r.sim.url, meetings);
    const id = (await r.lib.library.localId(r.sim.url, meetings[0]!.id))!;
    expect((await r.lib.library.meeting(id))!.transcript).toBe('none');
    const opened = await r.sync.openMeeting(id);
    expect(opened.ok).toBe(true);
    expect(opened.meeting!.transcript).toBe('complete');
    const timeline = await r.lib.library.timeline(id);
    expect(timeline.origin).toBe('server');
    expect(timeline.entries.map((e) => e.to)).toEqual(['joining', 'awaiting_admission', 'active', 'completed']);
  });

  it('reports server errors as state, retries on its own, and keeps the cache readable', async () => {
    await r.sync.run();
    // The background downloads read each meeting's participants under /meetings too (G3): they
    // finish first, so the one failing answer goes to the list.
    await allTranscripts(r, 3);
    r.sim.setFault({ status: 500, body: '{"detail":"Internal Server Error"}', paths: '/meetings', count: 1 });
    const failed = await r.sync.run({ full: true });
    expect(failed).toMatchObject({ phase: 'error', error: { code: 'server_error' } });
    expect(failed.retryAt).not.toBeNull();
    expect(await r.lib.library.list()).toHaveLength(3);
    await waitFor('automatic retry', () => r.sync.state().phase === 'idle');
    expect(r.states.map((s) => s.phase).slice(-4)).toEqual(['syncing', 'error', 'syncing', 'idle']);
    expect(r.sync.state()).toMatchObject({ phase: 'idle', error: null });
  });

  it('a pass still waiting on the server when the app closes ends quietly, without touching the closed cache', async () => {
    // The server answers with an error only after the library has closed (the app quit meanwhile).
    r.sim.setFault({ status: 500, body: '{"detail":"Internal Server Error"}', hangMs: 300, paths: '/meetings', count: 1 });
    const pending = r.sync.run({ full: true });
    await pause(50);
    r.sync.close();
    r.lib.close();
    await expect(pending).resolves.toMatchObject({ phase: 'syncing' });
  });

  it('survives a hanging server: the hung transcript is retried later while the others arrive', async () => {
    r.sim.setFault({ status: 500, body: '{}', hangMs: 3_000, paths: '/transcripts', count: 1 });
    const listed = await r.sync.run();
    expect(listed.phase).toBe('idle');
    expect(await r.lib.library.list()).toHaveLength(3);
    await waitFor('first pass over', () => r.progress.some((p) => !p.running && p.failed === 1));
    const afterFirst = await r.lib.library.list();
    expect(afterFirst.filter((m) => m.transcript === 'complete')).toHaveLength(2);
    await allTranscripts(r, 3);
  });

  it('cancels the background fetch, and a later run finishes it', async () => {
    r.sim.setFault({ status: 500, body: '{}', hangMs: 1_500, paths: '/transcripts' });
    await r.sync.run();
    await waitFor('fetch started', () => r.progress.some((p) => p.running));
    r.sync.cancelTranscripts();
    const stopped = await r.sync.fetchTranscripts();
    expect(stopped).toMatchObject({ running: false, done: 0, total: 3 });
    r.sim.setFault(null);
    const controller = new AbortController();
    const done = await r.sync.fetchTranscripts(controller.signal);
    expect(done).toMatchObject({ running: false, done: 3, total: 3, failed: 0 });
  });

  it('deletes a finished meeting on the server and here; the next sync does not bring it back', async () => {
    await r.sync.run();
    await allTranscripts(r, 3);
    const target = (await r.lib.library.list())[0]!;
    await r.sync.deleteFromServer(target.id);
    expect(await r.lib.library.meeting(target.id)).toBeNull();
    const remote = (await r.client.listMeetings()).meetings.find((m) => m.id === target.remoteId)!;
    expect(remote.transcriptDeleted).toBe(true);
    await r.sync.run({ full: true });
    expect((await r.lib.library.list()).map((m) => m.remoteId)).not.toContain(target.remoteId);
  });
});

describe('two servers in one cache', () => {
  it('keeps meetings with the same ids and native ids of two servers apart', async () => {
    const lib = openLibrary();
    const a = await rig('g3', {}, lib);
    const b = await rig('g3', {}, lib);
    try {
      await Promise.all([a.sync.run(), b.sync.run()]);
      await Promise.all([allTranscripts(a, 3), allTranscripts(b, 3)]);
      const list = await lib.library.list();
      expect(list).toHaveLength(6);
      const nativeIds = list.map((m) => `${m.platform}/${m.nativeMeetingId}/${m.remoteId}`);
      expect(new Set(nativeIds).size).toBe(3);
      expect(new Set(list.map((m) => m.id)).size).toBe(6);
      const hits = await lib.library.search('release');
      expect(new Set(hits.segments.map((h) => h.serverId))).toEqual(new Set([a.sim.url, b.sim.url]));
    } finally {
      a.sync.close();
      b.sync.close();
      lib.close();
      await Promise.all([a.sim.close(), b.sim.close()]);
    }
  });
});

describe('planned meetings (G3)', () => {
  it('are kept apart from the library and forgotten when the server deletes them', async () => {
    const r = await rig('g3');
    try {
      const res = await fetch(`${r.sim.url}/meetings`, {
        method: 'POST',
        headers: { 'X-API-Key': KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Quarterly review', scheduled_at: '2030-01-01T10:00:00Z' }),
      });
      const plan = (await res.json()) as { id: number };
      await r.sync.run();
      expect((await r.lib.library.list()).map((m) => m.remoteId)).not.toContain(plan.id);
      expect((await r.lib.library.list({ planned: 'only' })).map((m) => [m.remoteId, m.name, m.status])).toEqual([
        [plan.id, 'Quarterly review', 'scheduled'],
      ]);

      await fetch(`${r.sim.url}/meetings/${plan.id}`, { method: 'DELETE', headers: { 'X-API-Key': KEY } });
      await r.sync.run({ full: true });
      expect(await r.lib.library.list({ planned: 'only' })).toEqual([]);
    } finally {
      await r.close();
    }
  });
});
