import { afterEach, describe, expect, it } from 'vitest';
import { PARTICIPANT_MESSAGES } from '../../../electron/core/participants/participantsService';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// A recurring link: last week's meeting has lines, this week's (the newest on the link) has none.
// Every server resolves a link to its newest meeting (Vexa issue #1386), so every path that reads
// last week's meeting must name it: by id on G3 (`GET /transcripts/by-id/{id}`), by `?meeting_id=`
// on G1/G2. Each path below must show last week's lines when last week's meeting is asked for.

const apps: LaunchedApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

const LINK = 'https://meet.google.com/rcr-ydzw-mtg';

async function ended(ipc: IpcTestClient, scenario: string): Promise<number> {
  const m = must(await ipc.invoke('bots:launch', { link: LINK, botName: `sim:${scenario}` }));
  let seen = '';
  await waitFor(`meeting ${m.id} to end`, async () => {
    const all = must(await ipc.invoke('bots:tracked'));
    seen = JSON.stringify(all.map((x) => [x.id, x.status]));
    return all.find((x) => x.id === m.id && x.status === 'completed');
  }).catch((e: unknown) => {
    throw new Error(`${String(e)}; followed: ${seen}`);
  });
  return m.id;
}

describe.each(['g1', 'g2', 'g3'] as const)('an older meeting of a recurring link on a %s server', (profile) => {
  it('is read as itself by sync, library, live view, export and share, never as the newest empty one', async () => {
    const app = await launchApp({ profile, timeScale: 300, seed: false });
    apps.push(app);
    const ipc = await connectIpc(app.url);
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    const older = await ended(ipc, 'normal');
    const newer = await ended(ipc, 'silence');
    // Speech only: G3 keeps chat in the transcript (`source: "chat"`), G1/G2 beside it.
    const truth = app.simulator.truth(older).filter((s) => !s.text.startsWith('Here is the prototype link'));
    expect(truth.length).toBeGreaterThan(20);
    expect(app.simulator.truth(newer)).toEqual([]);
    const first = truth[0]!.text;

    // Sync and library open.
    const row = await waitFor('last week in the library with its transcript', async () => {
      must(await ipc.invoke('library:sync', {}));
      return must(await ipc.invoke('library:list', {})).find((r) => r.remoteId === older && r.transcript === 'complete');
    });
    const opened = must(await ipc.invoke('library:open', { id: row.id }));
    expect(opened.segments.filter((s) => s.source !== 'chat').map((s) => s.text)).toEqual(truth.map((s) => s.text));

    // The live view of the finished meeting (read again from the server once released).
    const live = must(await ipc.invoke('live:open', { meetingId: older }));
    expect(live.segments.filter((s) => !s.draft && s.source !== 'chat').map((s) => s.text)).toEqual(truth.map((s) => s.text));

    // Export and share name last week's meeting.
    const ref = { meetingId: older, platform: 'google_meet', nativeMeetingId: row.nativeMeetingId!, serverId: row.serverId };
    const file = must(await ipc.invoke('export:save', { ref, format: 'txt', options: {} }));
    if (file.mode !== 'download') throw new Error(file.mode);
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain(first);
    const share = must(await ipc.invoke('share:create', { ref }));
    if (share.kind === 'capability-token') expect(share.token.split('.')[0]).toBe(String(older));
    else expect(await (await fetch(share.url)).text()).toContain(first);

    // Participants: both servers list only the newest meeting on a link; last week's says so.
    if (profile !== 'g1') {
      const people = must(await ipc.invoke('meetings:participants', { id: row.id }));
      expect(people.message).toBe(PARTICIPANT_MESSAGES.olderOnLink);
      // At most the list kept while it was still the newest meeting: its own speakers, never this week's.
      expect(people.state === 'cached' || people.state === 'unavailable').toBe(true);
      for (const r of people.rows) expect(['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman']).toContain(r.name);
    }
  });
});
