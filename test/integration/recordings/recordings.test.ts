import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheRefusal, OfflineRecordings } from '../../../electron/core/recordings/offlineCache';
import { SIM_PROFILES } from '../../../electron/simulator';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { recordingFetch, type RecordingFetch } from '../../support/recordingFetch';
import { waitFor } from '../../support/waitFor';

// A meeting's recordings against the simulator in every generation, through the real core and the
// web harness's media route: HTTP Range answered with 206 and Content-Range, the key in no URL the
// window is given or the core requests, delete on the server, and an offline copy that plays (with
// Range) once the server is gone.

let app: LaunchedApp | null = null;
let ipc: IpcTestClient | null = null;
afterEach(async () => {
  ipc?.close();
  await app?.close();
  app = ipc = null;
});

async function start(profile: (typeof SIM_PROFILES)[number]): Promise<{ app: LaunchedApp; ipc: IpcTestClient; net: RecordingFetch }> {
  const net = recordingFetch();
  app = await launchApp({ profile, fetch: net.fetch });
  ipc = await connectIpc(app.url);
  must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
  const c = ipc;
  await waitFor('the seeded meetings in the library', async () => {
    const list = must(await c.invoke('library:list', {}));
    return list.filter((m) => m.status === 'completed').length === 3 ? list : null;
  });
  return { app, ipc, net };
}

async function meetingId(c: IpcTestClient, name: string): Promise<number> {
  const list = must(await c.invoke('library:list', {}));
  return list.find((m) => m.name === name)!.id;
}

const token = (a: LaunchedApp): string => new URL(a.url).hash.replace('#token=', '');
const media = (a: LaunchedApp, path: string, q = `token=${encodeURIComponent(token(a))}`) => `${new URL(a.url).origin}/${path}?${q}`;

describe.each(SIM_PROFILES)('%s: recordings', (profile) => {
  it('lists, streams with Range through the harness, never puts the key in a URL, deletes', async () => {
    const { app: a, ipc: c, net } = await start(profile);
    const id = await meetingId(c, 'June release planning');
    const list = must(await c.invoke('recordings:list', { id }));
    expect(list).toMatchObject({ available: true, source: 'server', reason: null, canDelete: true });
    expect(list.recordings).toHaveLength(1);
    const rec = list.recordings[0]!;
    const file = rec.media[0]!;
    expect(file).toMatchObject({ type: 'audio', format: 'wav', kept: null });
    expect(file.sizeBytes).toBeGreaterThan(100_000);

    const { path } = must(await c.invoke('recordings:media', { id, recordingId: rec.recordingId, mediaId: file.mediaId }));
    expect(path).toMatch(/^media\/[A-Za-z0-9_-]{32}$/);
    expect(path).not.toContain(a.apiKey);

    const part = await fetch(media(a, path), { headers: { Range: 'bytes=100-1099' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${file.sizeBytes}`);
    expect(part.headers.get('content-type')).toBe('audio/wav');
    expect((await part.arrayBuffer()).byteLength).toBe(1000);
    const whole = await fetch(media(a, path));
    expect(whole.status).toBe(200);
    expect(new Uint8Array(await whole.arrayBuffer()).subarray(0, 4)).toEqual(new Uint8Array(Buffer.from('RIFF')));

    // The route is the page's: without its token, or with a ticket nobody was given, nothing.
    expect((await fetch(media(a, path, 'token=wrong'))).status).toBe(403);
    expect((await fetch(media(a, 'media/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).status).toBe(404);

    // The key went to the server in a header only; no URL the core asked for, and no frame the
    // window received, carries it.
    const mediaRequests = net.requests.filter((r) => r.url.includes('/recordings/'));
    expect(mediaRequests.length).toBeGreaterThan(0);
    expect(mediaRequests.every((r) => r.apiKey === a.apiKey)).toBe(true);
    expect(net.requests.filter((r) => r.url.includes(a.apiKey))).toEqual([]);
    expect(a.outgoing.filter((f) => f.includes(a.apiKey))).toEqual([]);

    // Deleted on the server: gone from the list, its address stops working, the meeting says why.
    must(await c.invoke('recordings:delete', { id, recordingId: rec.recordingId }));
    const after = must(await c.invoke('recordings:list', { id }));
    expect(after.recordings).toEqual([]);
    expect(after.reason).toMatch(/kept no recording/);
    expect((await fetch(media(a, path))).status).toBe(404);
    const server = await fetch(`${a.simulatorUrl}/recordings`, { headers: { 'X-API-Key': a.apiKey } });
    expect(((await server.json()) as { recordings: unknown[] }).recordings).toHaveLength(2);
  });

  it('keeps a copy on this computer that plays with Range once the server is gone', async () => {
    const { app: a, ipc: c } = await start(profile);
    const id = await meetingId(c, 'Support sync');
    const rec = must(await c.invoke('recordings:list', { id })).recordings[0]!;
    const input = { id, recordingId: rec.recordingId, mediaId: rec.media[0]!.mediaId };
    const kept = must(await c.invoke('recordings:keep', input));
    expect(kept).toEqual({ bytes: rec.media[0]!.sizeBytes, evicted: 0 });
    expect(must(await c.invoke('recordings:cache'))).toMatchObject({ count: 1, usedBytes: kept.bytes });
    // In the private data folder, owner-only.
    const dir = join(a.dataDir, 'recordings');
    const files = readdirSync(dir).filter((f) => f.endsWith('.wav'));
    expect(files).toHaveLength(1);
    if (process.platform !== 'win32') expect(statSync(join(dir, files[0]!)).mode & 0o077).toBe(0);

    const { path } = must(await c.invoke('recordings:media', input));
    await a.simulator.close();
    const offline = must(await c.invoke('recordings:list', { id }));
    expect(offline.source).toBe('offline');
    expect(offline.recordings[0]!.media[0]!.kept?.bytes).toBe(kept.bytes);
    const part = await fetch(media(a, path), { headers: { Range: `bytes=${kept.bytes - 10}-` } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes ${kept.bytes - 10}-${kept.bytes - 1}/${kept.bytes}`);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
    expect((await fetch(media(a, path), { headers: { Range: `bytes=${kept.bytes}-` } })).status).toBe(416);
  });
});

it('deleting a meeting from this computer deletes the audio kept of it, and only that', async () => {
  const { app: a, ipc: c } = await start('g3');
  const id = await meetingId(c, 'Support sync');
  const other = must(await c.invoke('library:list', {})).find((m) => m.status === 'completed' && m.id !== id)!.id;
  for (const meeting of [id, other]) {
    const rec = must(await c.invoke('recordings:list', { id: meeting })).recordings[0]!;
    must(await c.invoke('recordings:keep', { id: meeting, recordingId: rec.recordingId, mediaId: rec.media[0]!.mediaId }));
  }
  const dir = join(a.dataDir, 'recordings');
  expect(readdirSync(dir).filter((f) => f.endsWith('.wav'))).toHaveLength(2);

  must(await c.invoke('library:delete', { id, where: 'local' }));
  expect(readdirSync(dir).filter((f) => f.endsWith('.wav'))).toHaveLength(1);
  expect(must(await c.invoke('recordings:cache'))).toMatchObject({ count: 1 });
  expect(must(await c.invoke('recordings:list', { id: other })).recordings[0]!.media[0]!.kept).toBeTruthy();
});

describe('the offline copies on disk', () => {
  const body = (n: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(n).fill(7));
        controller.close();
      },
    });
  const meta = (recordingId: number) => ({
    serverId: 'http://127.0.0.1:1',
    remoteId: 5,
    recordingId,
    mediaId: recordingId + 1,
    format: 'wav',
    type: 'audio',
    durationSeconds: 1,
    captureStartedAt: null,
    createdAt: null,
  });

  it('evicts the least recently played to make room, refuses one over the limit with the way out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexa-rec-'));
    let now = 1_000;
    const cache = new OfflineRecordings(join(dir, 'recordings'), () => now);
    await cache.setLimit(2_500);
    await cache.keep(meta(1), body(1_000), 1_000);
    now += 10;
    await cache.keep(meta(2), body(1_000), 1_000);
    now += 10;
    await cache.touch(meta(1));
    now += 10;
    const third = await cache.keep(meta(3), body(1_000), 1_000);
    expect(third.evicted.map((e) => e.recordingId)).toEqual([2]);
    expect((await cache.list()).map((e) => e.recordingId).sort()).toEqual([1, 3]);
    expect(readdirSync(join(dir, 'recordings')).filter((f) => f.endsWith('.wav'))).toHaveLength(2);
    // Declared too large: refused before a byte is written; undeclared: refused as it streams.
    await expect(cache.keep(meta(4), body(3_000), 3_000)).rejects.toThrow(/Raise the limit in Settings/);
    await expect(cache.keep(meta(5), body(3_000), null)).rejects.toBeInstanceOf(CacheRefusal);
    expect(readdirSync(join(dir, 'recordings')).filter((f) => !f.endsWith('index.json'))).toHaveLength(2);
    // The index survives a restart.
    const again = new OfflineRecordings(join(dir, 'recordings'), () => now);
    expect(await again.state()).toEqual({ usedBytes: 2_000, limitBytes: 2_500, count: 2 });
    rmSync(dir, { recursive: true, force: true });
  });
});
