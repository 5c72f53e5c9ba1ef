import { afterEach, describe, expect, it } from 'vitest';
import { LINK_MESSAGES } from '../../../electron/core/cache/recurringLinks';
import { createHttp, createVexaClient, VexaClient, type CallOptions, type VexaHttp } from '../../../electron/core/vexa';
import type { MeetingPatch, ServerPlatform } from '../../../shared/vexa/types';
import { KEY, LINK, recurringLibrary, serverState, type RecurringRig } from './recurring';

// Every server generation resolves {platform}/{native_meeting_id} to the newest meeting on that
// link, and a weekly room keeps its link: an edit or a delete of an older occurrence must reach
// that occurrence (by row id) or nothing at all, never the newest one.

let r: RecurringRig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

const patches = (calls: string[]) => calls.filter((c) => c.startsWith('PATCH'));
const deletes = (calls: string[]) => calls.filter((c) => c.startsWith('DELETE'));
const LINK_PATH = `/meetings/${LINK.platform}/${LINK.nativeId}`;

describe.each([
  ['g1', 2],
  ['g1', 3],
  ['g2', 2],
  ['g2', 3],
  ['g3', 2],
  ['g3', 3],
] as const)('%s, %i meetings on one link', (profile, count) => {
  it('renames and annotates only the meeting meant; an older one keeps the change on this computer and says why', async () => {
    r = await recurringLibrary(profile, count);
    const before = await serverState(r);
    const older = r.rows.slice(0, -1);
    const newest = r.rows.at(-1)!;
    const edits = await Promise.all(
      older.map((m, i) => r!.lib.outbox.edit(m.id, { name: `Weekly sync, week ${i + 1}`, notes: 'Pricing' })),
    );

    r.calls.length = 0;
    const report = await r.sync.replayOutbox();
    expect(report).toMatchObject({ sent: 0, failed: 0, pending: 0, local: profile === 'g3' ? 0 : older.length });
    expect(patches(r.calls)).toEqual([]);
    expect(await serverState(r)).toEqual(before);
    for (const [i, e] of edits.entries()) {
      // G3 cannot rename a past meeting at all (the window says so in its own words).
      expect(await r.lib.outbox.get(e.id)).toMatchObject({
        state: 'local',
        lastError: profile === 'g3' ? null : LINK_MESSAGES.editNotLatest,
      });
      expect(await r.lib.library.meeting(older[i]!.id)).toMatchObject({
        name: `Weekly sync, week ${i + 1}`,
        localFields: ['name', 'notes'],
      });
    }

    // A later edit of the same meeting joins the one kept here, and the server is asked again.
    const again = await r.lib.outbox.edit(older[0]!.id, { notes: 'Pricing, revisited' });
    expect(again).toMatchObject({
      id: edits[0]!.id,
      state: profile === 'g3' ? 'local' : 'pending',
      fields: { name: 'Weekly sync, week 1', notes: 'Pricing, revisited' },
    });
    await r.sync.replayOutbox();
    expect(await r.lib.outbox.list({ meetingId: older[0]!.id })).toEqual([expect.objectContaining({ id: edits[0]!.id, state: 'local' })]);
    expect(patches(r.calls)).toEqual([]);
    expect(await serverState(r)).toEqual(before);

    // The newest meeting is the one the link reaches: its edit is sent (G1/G2) and lands on it alone.
    const mine = await r.lib.outbox.edit(newest.id, { name: 'Weekly sync, this week' });
    r.calls.length = 0;
    await r.sync.replayOutbox();
    const after = await serverState(r);
    if (profile === 'g3') {
      expect(patches(r.calls)).toEqual([]);
      expect(after).toEqual(before);
      return;
    }
    expect(patches(r.calls)).toEqual([`PATCH ${LINK_PATH}`]);
    expect((await r.lib.outbox.get(mine.id))!.state).toBe('done');
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).toEqual({ ...before.at(-1)!, name: 'Weekly sync, this week' });
    // A full sync keeps the older meetings' names here: the edits stay this computer's.
    await r.sync.run({ full: true });
    expect((await r.lib.library.meeting(older[0]!.id))!.name).toBe('Weekly sync, week 1');
  });

  it('deletes exactly the meeting meant, or only here when the server can reach nothing but the newest', async () => {
    r = await recurringLibrary(profile, count);
    const before = await serverState(r);
    const oldest = r.rows[0]!;

    r.calls.length = 0;
    const outcome = await r.sync.deleteFromServer(oldest.id);
    expect(await r.lib.library.meeting(oldest.id)).toBeNull();
    const after = await serverState(r);
    if (profile === 'g3') {
      // By its row id: its transcript goes, every other occurrence keeps its own.
      expect(outcome).toEqual({ serverKept: false });
      expect(deletes(r.calls)).toEqual([`DELETE /meetings/${oldest.remoteId}`]);
      expect(after[0]).toMatchObject({ transcriptDeleted: true, lines: 0 });
      expect(after.slice(1)).toEqual(before.slice(1));
      return;
    }
    expect(outcome).toEqual({ serverKept: true, message: LINK_MESSAGES.deleteNotLatest });
    expect(deletes(r.calls)).toEqual([]);
    expect(after).toEqual(before);
    await r.sync.run({ full: true });
    expect((await r.lib.library.list()).map((m) => m.remoteId)).not.toContain(oldest.remoteId);

    // The newest goes by its link. On G1/G2 it loses the link, so the next-older meeting is the
    // newest there now and can be deleted on the server too; the oldest is never reached.
    const newest = r.rows.at(-1)!;
    r.calls.length = 0;
    expect(await r.sync.deleteFromServer(newest.id)).toEqual({ serverKept: false });
    expect(deletes(r.calls)).toEqual([`DELETE ${LINK_PATH}`]);
    let state = await serverState(r);
    expect(state.at(-1)).toMatchObject({ transcriptDeleted: true, link: null, lines: 0 });
    expect(state.slice(0, -1)).toEqual(before.slice(0, -1));
    if (count === 3) {
      expect(await r.sync.deleteFromServer(r.rows[1]!.id)).toEqual({ serverKept: false });
      state = await serverState(r);
      expect(state[1]).toMatchObject({ transcriptDeleted: true, link: null });
      expect(state[0]).toEqual(before[0]);
    }
  });
});

/** A client whose edit races a new meeting on the same link: a bot joins between the check and the PATCH. */
class RacingClient extends VexaClient {
  private raced = false;
  constructor(
    http: VexaHttp,
    server: VexaClient['server'],
    private readonly launch: () => Promise<unknown>,
  ) {
    super(http, server);
  }
  override async updateMeeting(platform: ServerPlatform, nativeId: string, patch: MeetingPatch, o?: CallOptions) {
    if (!this.raced) {
      this.raced = true;
      await this.launch();
    }
    return super.updateMeeting(platform, nativeId, patch, o);
  }
}

describe.each(['g1', 'g2'] as const)('%s: a meeting starts on the link while an edit is on its way', (profile) => {
  it('never marks the edit done when the server answered for the other meeting, and says so', async () => {
    r = await recurringLibrary(profile, 2);
    const rig = r;
    const newest = rig.rows.at(-1)!;
    const owner = createVexaClient({ baseUrl: rig.sim.url, apiKey: KEY, generation: profile });
    let started = 0;
    const http = createHttp({ baseUrl: rig.sim.url, apiKey: KEY, retries: 0 });
    const client = new RacingClient(http, { generation: profile }, async () => {
      started = (await owner.launchBot({ platform: LINK.platform, nativeMeetingId: LINK.nativeId, botName: 'sim:lobby-wait' })).id;
    });
    const edit = await rig.lib.outbox.edit(newest.id, { name: 'Weekly sync, week 2' });
    const report = await rig.lib.outbox.replay({ serverId: rig.sim.url, client });
    expect(report).toMatchObject({ sent: 0, local: 1 });
    expect(await rig.lib.outbox.get(edit.id)).toMatchObject({ state: 'local', lastError: LINK_MESSAGES.editReachedOther });
    const server = (await rig.elsewhere.listAllMeetings()).meetings;
    expect(server.find((m) => m.id === newest.remoteId)!.name).toBeNull();
    // The server's own record of what happened: the new meeting carries the name now, here too.
    expect(server.find((m) => m.id === started)!.name).toBe('Weekly sync, week 2');
    const local = await rig.lib.library.list();
    expect(local.find((m) => m.remoteId === started)!.name).toBe('Weekly sync, week 2');
    expect(local.find((m) => m.id === newest.id)).toMatchObject({ name: 'Weekly sync, week 2', localFields: ['name'] });
  });
});
