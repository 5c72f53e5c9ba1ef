import type { Locator, Page } from '@playwright/test';
import { joinDeepLink, meetingDeepLink } from '../../shared/deepLink';
import { expect, requiresElectron, test, type TestServer } from './fixture';
import { mainWindowState } from './mainProcess';
import { connect, goTo, linkField, meetingCard } from './ui';

// `vexa://` links the way the OS delivers them: as a command-line argument of the first start
// (Windows, Linux), as the argument of a second start that hands it to the running app
// (second-instance), and as macOS's open-url event. What a link does once the core has it is
// covered in the browser (test/e2e/links.spec.ts); here, that each OS path reaches it.

const MEET_ID = 'abc-defg-hij';
const MEET = `https://meet.google.com/${MEET_ID}`;
const PLANNING = 'June release planning';

const linkNotice = (window: Page): Locator => window.getByRole('alert').filter({ hasText: 'That link could not be opened' });

/** The ids of the meetings a simulator holds, by name of the seeded ones (electron/simulator/seed.ts). */
async function simulatorMeetings(server: TestServer): Promise<Array<{ id: number; native_meeting_id: string }>> {
  const response = await fetch(`${server.url}/_sim/state`);
  return ((await response.json()) as { meetings: Array<{ id: number; native_meeting_id: string }> }).meetings;
}

/** The server's id as the app keeps it: its address, normalised (electron/core/serverUrl.ts). */
const serverIdOf = (server: TestServer): string => new URL(server.url).origin;

test.describe('vexa:// links from the OS', () => {
  requiresElectron();

  test('a join link on the first start fills Launch in once a server is connected, and sends nothing by itself', async ({ desktop }) => {
    const server = await desktop.startServer();
    const before = (await simulatorMeetings(server)).length;
    const { window } = await desktop.launch({ args: [joinDeepLink(MEET)] });
    await connect(window, server);
    await expect(linkField(window)).toHaveValue(MEET);
    await expect(linkField(window)).toBeFocused();
    expect(await simulatorMeetings(server)).toHaveLength(before);

    await window.keyboard.press('Enter');
    await expect(meetingCard(window, MEET_ID)).toBeVisible();
    expect((await simulatorMeetings(server)).map((m) => m.native_meeting_id)).toContain(MEET_ID);
  });

  test('a link given to a second start reaches the running app, which comes to the front', async ({ desktop }) => {
    const server = await desktop.startServer();
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await goTo(window, 'Library');
    await expect(window.getByRole('list', { name: 'Meetings' }).getByRole('listitem')).toHaveCount(3);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.minimize());

    // The second process quits at once (the single-instance lock); its argv reaches the first.
    const joined = desktop.startAgain({ args: [joinDeepLink(MEET)] });
    expect(await joined.exitCode).toBe(0);
    await expect(linkField(window)).toHaveValue(MEET);
    await expect.poll(() => mainWindowState(app)).toMatchObject({ count: 1, visible: true, minimized: false });

    const planning = (await simulatorMeetings(server)).find((m) => m.native_meeting_id === 'kqv-mzrp-tdx')!;
    const opened = desktop.startAgain({ args: [meetingDeepLink(serverIdOf(server), planning.id)] });
    expect(await opened.exitCode).toBe(0);
    await expect(window.getByRole('heading', { level: 2, name: new RegExp(PLANNING) })).toBeVisible();
  });

  test('macOS’s open-url event (sent here by hand) and a broken link on the command line', async ({ desktop }) => {
    const server = await desktop.startServer();
    const { app, window } = await desktop.launch({ args: ['vexa://join?url=%zz'] });
    await connect(window, server);
    await expect(linkNotice(window)).toContainText('The link that opened Vexa Companion is damaged.');

    // What LaunchServices delivers to a running app; the listener is the one installed at start.
    await app.evaluate(({ app: electronApp }, url) => {
      electronApp.emit('open-url', { preventDefault() {} }, url);
    }, joinDeepLink(MEET));
    await expect(linkField(window)).toHaveValue(MEET);
    await expect(linkNotice(window)).toHaveCount(0);
    // The log names the links' actions, not what they carried.
    await expect.poll(() => desktop.readLog()).toContain('A link arrived');
    expect(desktop.readLog()).not.toContain('%zz');
    expect(desktop.readLog()).not.toContain(MEET_ID);
  });
});
