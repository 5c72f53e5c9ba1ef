import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../../e2e/support/app';
import { connectIpc, must, type IpcTestClient } from '../../support/ipcClient';
import { waitFor } from '../../support/waitFor';

// Opening a meeting shows the cached copy and asks the server for the meeting again. The window
// re-reads the meeting (and the library screen its list and search) on `library:changed`, so the
// refresh announces only a change the window would show: a finished meeting the server still has
// as it was opens without a second read.

const apps: LaunchedApp[] = [];
const clients: IpcTestClient[] = [];
afterEach(async () => {
  while (clients.length) clients.pop()!.close();
  while (apps.length) await apps.pop()!.close();
});

describe('opening a finished meeting of the connected server', () => {
  it('does not announce a change when the server has nothing new for it', async () => {
    // The core's requests for one meeting by id, counted once their answer was read.
    const meetingReads: string[] = [];
    const app = await launchApp({
      profile: 'g3',
      timeScale: 50,
      seed: false,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (/^\/meetings\/\d+$/.test(url.pathname) && (init?.method ?? 'GET') === 'GET') {
          const copy = response.clone();
          void copy.text().then(() => meetingReads.push(url.pathname));
        }
        return response;
      },
    });
    apps.push(app);
    const ipc = await connectIpc(app.url);
    clients.push(ipc);
    must(await ipc.invoke('connection:connect', { url: app.simulatorUrl, apiKey: app.apiKey }));
    const launched = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    const row = await waitFor('the meeting ended with its whole transcript in the library', async () => {
      const r = must(await ipc.invoke('library:list', {})).find((m) => m.remoteId === launched.id);
      return r?.status === 'completed' && r.transcript === 'complete' ? r : null;
    });

    for (let i = 0; i < 2; i++) {
      const reads = meetingReads.length;
      ipc.events.length = 0;
      const opened = must(await ipc.invoke('library:open', { id: row.id }));
      expect(opened.meeting.status).toBe('completed');
      await waitFor('the server read for the open meeting', () => meetingReads.length > reads);
      // The refresh stores what it read and then decides; one more round trip lets it finish.
      await waitFor('the refresh stored', async () => {
        const again = must(await ipc.invoke('library:list', {})).find((m) => m.id === row.id);
        return (again?.statusSeenAt ?? 0) > (opened.meeting.statusSeenAt ?? 0) || null;
      });
      must(await ipc.invoke('library:list', {}));
      const changed = ipc.events
        .filter((e) => e.event === 'library:changed')
        .map((e) => e.payload as { meetingIds: number[] | null })
        .filter((c) => c.meetingIds === null || c.meetingIds.includes(row.id));
      expect(changed).toEqual([]);
    }
  });
});
