import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeToTrayExplanation } from '../../electron/main/closeToTray';
import { TRAY_QUIT_LABEL, TRAY_SHOW_LABEL } from '../../electron/main/shell/trayView';
import { expect, requiresElectron, test } from './fixture';
import {
  answerMessageBoxes,
  clickTrayItem,
  closeMainWindow,
  hideMainWindow,
  mainWindowState,
  messageBoxes,
  trayState,
} from './mainProcess';
import { confirmedCaptions, connect, goTo, linkField, meetingCard, meetingIdOf, sendLink } from './ui';

// Closing the window, starting the app twice, and quitting in the middle of a meeting.

const MEET_ID = 'abc-defg-hij';
/** The cache file beside settings.json (electron/core/createCore.ts CACHE_FILE; not imported: it loads SQLite). */
const CACHE_FILE = 'cache.sqlite';

const noticesSeen = (dataDir: string): string[] => {
  const file = join(dataDir, 'settings.json');
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { noticesSeen?: string[] }).noticesSeen ?? []) : [];
};

test.describe('The app lifecycle', () => {
  requiresElectron();

  test('on Windows and Linux, closing the window keeps the app in the tray, explains it once, and Show brings it back', async ({
    desktop,
  }) => {
    test.skip(
      process.platform === 'darwin',
      'macOS keeps its own convention: the window closes and the app stays in the Dock (closeToTray.ts).',
    );
    const server = await desktop.startServer();
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await expect.poll(() => trayState(app)).not.toBeNull();
    await answerMessageBoxes(app);

    await closeMainWindow(app);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: false, minimized: false });
    const explanation = closeToTrayExplanation(process.platform);
    await expect.poll(() => messageBoxes(app)).toEqual([{ title: explanation.title, message: explanation.message }]);
    await expect.poll(() => noticesSeen(desktop.dataDir)).toContain('close-to-tray');

    expect(await clickTrayItem(app, TRAY_SHOW_LABEL)).toBe(true);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: true, minimized: false });
    await expect(linkField(window)).toBeVisible();

    // The second close says nothing more.
    await closeMainWindow(app);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: false, minimized: false });
    expect(await messageBoxes(app)).toHaveLength(1);
  });

  test('on macOS, closing the window keeps the app running and the tray opens a new window', async ({ desktop }) => {
    test.skip(process.platform !== 'darwin', 'Windows and Linux hide the window in the tray instead (the test above).');
    const server = await desktop.startServer();
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await expect.poll(() => trayState(app)).not.toBeNull();
    await answerMessageBoxes(app);

    await closeMainWindow(app);
    await expect.poll(() => mainWindowState(app)).toMatchObject({ count: 0 });
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isReady())).toBe(true);
    expect(await messageBoxes(app)).toEqual([]);

    const reopened = app.waitForEvent('window');
    expect(await clickTrayItem(app, TRAY_SHOW_LABEL)).toBe(true);
    await expect(linkField(await reopened)).toBeVisible();
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: true, minimized: false });
  });

  test('a second start on the same data folder exits and brings the first window back', async ({ desktop }) => {
    const { app, window } = await desktop.launch();
    await expect(window.getByRole('heading', { name: 'Welcome to Vexa Companion' })).toBeVisible();
    await hideMainWindow(app);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: false, minimized: false });

    // The lock lives in the data folder (profile.ts), so this is the same app started again.
    const { exitCode } = desktop.startAgain();
    expect(await exitCode).toBe(0);
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: true, minimized: false });
    expect(app.windows()).toHaveLength(1);
  });

  test('quitting during live captions closes the core, and the lines are readable offline after a restart', async ({ desktop }) => {
    test.setTimeout(150_000);
    // Slow enough that the meeting is still talking when the app quits.
    const server = await desktop.startServer({ scenario: 'lobby-wait', timeScale: 2 });
    const first = await desktop.launch();
    const { window } = first;
    await connect(window, server);
    await sendLink(window, `https://meet.google.com/${MEET_ID}`);
    const card = meetingCard(window, MEET_ID);
    server.simulator.admit(await meetingIdOf(card));
    await expect(card).toHaveAttribute('data-status', 'active');
    await card.getByRole('button', { name: 'Open live captions' }).click();
    await expect.poll(() => confirmedCaptions(window).count()).toBeGreaterThanOrEqual(3);
    const heard = (await confirmedCaptions(window).allTextContents()).slice(0, 3);

    // The tray's Quit, as a person would; the process must end by itself.
    const exited = first.app.waitForEvent('close');
    expect(await clickTrayItem(first.app, TRAY_QUIT_LABEL)).toBe(true);
    await exited;
    expect(first.app.process().exitCode).toBe(0);
    expect(desktop.readLog()).toMatch(/INFO Core closed\n$/);
    // A cleanly closed SQLite file leaves no write-ahead log behind.
    expect(existsSync(join(desktop.dataDir, `${CACHE_FILE}-wal`))).toBe(false);

    // Offline: the server is gone when the app comes back.
    await server.simulator.close();
    const { window: again } = await desktop.launch();
    await goTo(again, 'Library');
    const row = again.getByRole('list', { name: 'Meetings' }).getByRole('listitem').filter({ hasText: MEET_ID });
    await row.locator('button.meeting-open').click();
    const transcript = again.getByRole('region', { name: /^Transcript of / });
    for (const line of heard) await expect(transcript).toContainText(line);
  });
});
