import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simLibrary, type SimLibrary } from './helpers';

const KEY = 'vxa_tx_outbox0123456789abcdefghijklmno';

type Rig = SimLibrary;

async function rig(profile: 'g1' | 'g2' | 'g3'): Promise<Rig> {
  const r = await simLibrary(profile, { key: KEY, timeoutMs: 700 });
  await r.sync.run();
  r.sync.cancelTranscripts();
  return r;
}

const patches = (calls: string[]) => calls.filter((c) => c.startsWith('PATCH'));

describe.each(['g1', 'g2'] as const)('edits on %s (the server can rename)', (profile) => {
  let r: Rig;
  beforeEach(async () => {
    r = await rig(profile);
  });
  afterEach(() => r.close());

  it('shows an edit made offline at once and replays edits in order when the server is back', async () => {
    const [first, second] = await r.lib.library.list();
    r.sim.setFault({ status: 503, body: '<html>down</html>', contentType: 'text/html' });
    const e1 = await r.lib.outbox.edit(first!.id, { name: '  Offline rename ' });
    const e2 = await r.lib.outbox.edit(second!.id, { notes: 'Written on a plane', participants: ['Ann', 'Ann', ' Bo '] });
    expect(e1).toMatchObject({ state: 'pending', fields: { name: 'Offline rename' } });
    expect(await r.lib.library.meeting(first!.id)).toMatchObject({ name: 'Offline rename', localFields: ['name'] });
    expect((await r.lib.library.search('plane')).meetings.map((h) => h.meetingId)).toEqual([second!.id]);

    const offline = await r.sync.replayOutbox();
    expect(offline).toMatchObject({ sent: 0, pending: 2, error: { code: 'not_vexa' } });
    expect((await r.lib.outbox.get(e1.id))!.lastError).toBeTruthy();

    r.sim.setFault(null);
    r.calls.length = 0;
    expect(await r.sync.replayOutbox()).toMatchObject({ sent: 2, failed: 0, pending: 0, error: null });
    expect(patches(r.calls)).toEqual([
      `PATCH /meetings/${first!.platform}/${first!.nativeMeetingId}`,
      `PATCH /meetings/${second!.platform}/${second!.nativeMeetingId}`,
    ]);
    const remote = (await r.elsewhere.listMeetings()).meetings;
    expect(remote.find((m) => m.id === first!.remoteId)!.name).toBe('Offline rename');
    expect(remote.find((m) => m.id === second!.remoteId)).toMatchObject({ notes: 'Written on a plane', participants: ['Ann', 'Bo'] });
    expect(await r.lib.library.meeting(first!.id)).toMatchObject({ name: 'Offline rename', localFields: [] });
    expect(await r.lib.outbox.list()).toEqual([]);
    expect((await r.lib.outbox.get(e2.id))!.state).toBe('done');
  });

  it('flags a conflict when the same field changed on the server after the edit, and lets the user choose', async () => {
    const [m] = await r.lib.library.list();
    const edit = await r.lib.outbox.edit(m!.id, { name: 'My title' });
    await r.elsewhere.updateMeeting(m!.platform, m!.nativeMeetingId!, { name: 'Their title' });
    r.calls.length = 0;
    await r.sync.run({ full: true });
    expect(patches(r.calls)).toEqual([]);
    expect(await r.lib.outbox.get(edit.id)).toMatchObject({ state: 'conflict', serverValues: { name: 'Their title' } });
    expect(await r.lib.library.meeting(m!.id)).toMatchObject({ name: 'My title', conflictFields: ['name'] });

    await r.lib.outbox.resolve(edit.id, 'keep-mine');
    expect(await r.sync.replayOutbox()).toMatchObject({ sent: 1 });
    expect((await r.elsewhere.listMeetings()).meetings.find((x) => x.id === m!.remoteId)!.name).toBe('My title');
    await r.sync.run({ full: true });
    expect(await r.lib.library.meeting(m!.id)).toMatchObject({ name: 'My title', localFields: [], conflictFields: [] });
  });

  it('takes the server value when the user chooses it', async () => {
    const [m] = await r.lib.library.list();
    const edit = await r.lib.outbox.edit(m!.id, { name: 'My title' });
    await r.elsewhere.updateMeeting(m!.platform, m!.nativeMeetingId!, { name: 'Their title' });
    await r.sync.run({ full: true });
    await r.lib.outbox.resolve(edit.id, 'use-server');
    expect(await r.lib.library.meeting(m!.id)).toMatchObject({ name: 'Their title', localFields: [], conflictFields: [] });
    expect(await r.lib.outbox.list()).toEqual([]);
    expect((await r.lib.library.search('their')).meetings).toHaveLength(1);
    expect((await r.lib.library.search('my title')).meetings).toEqual([]);
  });

  it('sends each edit once when a replay starts while another runs (reconnect during start-up)', async () => {
    const [m] = await r.lib.library.list();
    await r.lib.outbox.edit(m!.id, { name: 'Once' });
    r.calls.length = 0;
    const [a, b] = await Promise.all([r.sync.replayOutbox(), r.sync.replayOutbox()]);
    expect(a).toEqual(b);
    expect(patches(r.calls)).toHaveLength(1);
  });

  it('marks an edit the server refuses as failed with its reason and sends the rest', async () => {
    const [a, b] = await r.lib.library.list();
    const bad = await r.lib.outbox.edit(a!.id, { languages: ['xx-not-a-language'] });
    await r.lib.outbox.edit(b!.id, { name: 'Fine' });
    expect(await r.sync.replayOutbox()).toMatchObject({ sent: 1, failed: 1 });
    const failed = (await r.lib.outbox.get(bad.id))!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/language/i);
    await r.lib.outbox.resolve(bad.id, 'use-server');
    expect((await r.lib.library.meeting(a!.id))!.languages).toEqual(a!.languages);
  });
});

describe('edits on g3 (no renaming of past meetings)', () => {
  it('keeps the edit on this computer, marked local, without a request', async () => {
    const r = await rig('g3');
    try {
      const [m] = await r.lib.library.list();
      const edit = await r.lib.outbox.edit(m!.id, { name: 'Kept here', notes: 'only local' });
      expect(edit.state).toBe('local');
      r.calls.length = 0;
      expect(await r.sync.replayOutbox()).toMatchObject({ sent: 0, pending: 0 });
      await r.sync.run({ full: true });
      expect(patches(r.calls)).toEqual([]);
      expect(await r.lib.library.meeting(m!.id)).toMatchObject({ name: 'Kept here', notes: 'only local', localFields: ['name', 'notes'] });
      expect((await r.lib.outbox.list())[0]).toMatchObject({ id: edit.id, state: 'local' });
    } finally {
      await r.close();
    }
  });
});
