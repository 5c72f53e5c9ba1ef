import { afterEach, describe, expect, it } from 'vitest';
import { FINISHED_SHOWN_FOR_MS } from '../../../electron/core/cache/outbox';
import { SyncService } from '../../../electron/core/cache/syncService';
import { createVexaClient, type VexaClient } from '../../../electron/core/vexa';
import { startSimulator, type Simulator } from '../../../electron/simulator';
import { addServer, freshFile, openLibrary, realClock, type TestLibrary } from './helpers';
import { quietLogger } from '../../support/logger';

const KEY = 'vxa_tx_finished0123456789abcdefghijklm';

/** One run of the app: the library opened from the file, and the server's sync. */
interface Session {
  lib: TestLibrary;
  sync: SyncService;
  close(): void;
}

let sim: Simulator | null = null;
let session: Session | null = null;

afterEach(async () => {
  session?.close();
  session = null;
  await sim?.close();
  sim = null;
});

function start(file: string, s: Simulator, now: () => number): Session {
  const lib = openLibrary(file, now);
  addServer(lib.cache.db, s.url, 'g2');
  const client = createVexaClient({ baseUrl: s.url, apiKey: KEY, generation: 'g2', retries: 0 });
  const sync = new SyncService({
    library: lib.library,
    outbox: lib.outbox,
    serverId: s.url,
    client,
    clock: realClock,
    logger: quietLogger,
  });
  return {
    lib,
    sync,
    close: () => {
      sync.close();
      lib.close();
    },
  };
}

async function restart(file: string, s: Simulator, now: () => number): Promise<Session> {
  session?.close();
  session = start(file, s, now);
  await session.sync.run();
  session.sync.cancelTranscripts();
  return session;
}

/** What the meeting screen is given for the meeting's edits (`library:open`). */
const shown = (t: Session, meetingId: number) => t.lib.outbox.list({ meetingId, finished: 'standing' });

describe('an edit sent to the server, after the app restarts', () => {
  it('still reads as saved; not once the server changed the field, nor a week later', async () => {
    sim = await startSimulator({ profile: 'g2', port: 0, apiKeys: [KEY], seed: true, timeScale: 50 });
    const elsewhere: VexaClient = createVexaClient({ baseUrl: sim.url, apiKey: KEY, generation: 'g2' });
    const file = freshFile();
    let clock = Date.now();
    const now = () => clock;

    let t = await restart(file, sim, now);
    const target = (await t.lib.library.list())[0]!;
    const edit = await t.lib.outbox.edit(target.id, { name: 'Roadmap review', notes: 'Ship in July' });
    expect(await t.sync.replayOutbox()).toMatchObject({ sent: 1, pending: 0 });

    t = await restart(file, sim, now);
    expect(await t.lib.library.meeting(target.id)).toMatchObject({ name: 'Roadmap review', notes: 'Ship in July', localFields: [] });
    expect(await shown(t, target.id)).toEqual([
      expect.objectContaining({ id: edit.id, state: 'done', fields: { name: 'Roadmap review', notes: 'Ship in July' } }),
    ]);
    // Nothing is waiting: the count of unsent edits and the open list stay empty.
    expect(await t.lib.outbox.list({ meetingId: target.id })).toEqual([]);
    expect((await t.lib.library.stats()).pendingEdits).toBe(0);

    // Someone rewrites the notes on the server: the notes are theirs now, the name is still ours.
    await elsewhere.updateMeeting(target.platform, target.nativeMeetingId!, { notes: 'Ship in August' });
    t = await restart(file, sim, now);
    expect(await t.lib.library.meeting(target.id)).toMatchObject({ name: 'Roadmap review', notes: 'Ship in August' });
    expect(await shown(t, target.id)).toEqual([expect.objectContaining({ id: edit.id, fields: { name: 'Roadmap review' } })]);

    // A later rename replaces the earlier one: one finished edit per field is kept.
    const rename = await t.lib.outbox.edit(target.id, { name: 'Roadmap review (final)' });
    await t.sync.replayOutbox();
    t = await restart(file, sim, now);
    expect((await shown(t, target.id)).map((e) => [e.id, e.fields])).toEqual([[rename.id, { name: 'Roadmap review (final)' }]]);
    expect((await t.lib.outbox.list({ meetingId: target.id, includeDone: true })).map((e) => e.id)).toEqual([rename.id]);

    // After the window the field speaks for itself, and the finished edit is forgotten.
    clock += FINISHED_SHOWN_FOR_MS + 60_000;
    t = await restart(file, sim, now);
    expect(await shown(t, target.id)).toEqual([]);
    expect(await t.lib.outbox.list({ includeDone: true })).toEqual([]);
    expect(await t.lib.library.meeting(target.id)).toMatchObject({ name: 'Roadmap review (final)' });
  });

  it('shows an edit still waiting for the server as waiting, and as saved once a later run sent it', async () => {
    sim = await startSimulator({ profile: 'g2', port: 0, apiKeys: [KEY], seed: true, timeScale: 50 });
    const file = freshFile();
    const now = () => Date.now();

    let t = await restart(file, sim, now);
    const target = (await t.lib.library.list())[1]!;
    sim.setFault({ status: 503, body: '<html>down</html>', contentType: 'text/html', count: 1000 });
    const edit = await t.lib.outbox.edit(target.id, { participants: ['Maya Lindqvist'] });
    expect(await t.sync.replayOutbox()).toMatchObject({ sent: 0, pending: 1 });

    t = await restart(file, sim, now);
    expect(await shown(t, target.id)).toEqual([expect.objectContaining({ id: edit.id, state: 'pending' })]);

    // The server is back: the next run sends it, and the run after that still says so.
    sim.setFault(null);
    await restart(file, sim, now);
    t = await restart(file, sim, now);
    expect(await shown(t, target.id)).toEqual([
      expect.objectContaining({ id: edit.id, state: 'done', fields: { participants: ['Maya Lindqvist'] } }),
    ]);
  });
});
