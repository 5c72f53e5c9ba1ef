import { DEV_BUILD_REASON } from '../../electron/main/shell/loginItem';
import { HIDDEN_ARG } from '../../electron/main/shell/startHidden';
import { TRAY_QUIT_LABEL, TRAY_SHOW_LABEL } from '../../electron/main/shell/trayView';
import { expect, requiresElectron, test } from './fixture';
import {
  attentionState,
  clickTrayItem,
  hideMainWindow,
  hoverTray,
  mainWindowState,
  notifications,
  overlayState,
  setClipboard,
  trayLabels,
} from './mainProcess';
import { connect, goTo, lobbyBanner, meetingCard, meetingIdOf, sendLink } from './ui';

// The app in its place on the desktop: start at login, the tray's quick actions, and the lobby
// badge. The suite runs the app from dist/ (not an installed package), so `app.isPackaged` is
// false: start at login is refused as a development build would refuse it, and that refusal is
// what the Settings card must show. What the OS draws (a Dock badge, a taskbar overlay, a flash)
// cannot be read back from Electron, so the app's own record of it is read through the hooks.

const FIRST = 'abc-defg-hij';
const SECOND = 'klm-nopq-rst';
const link = (nativeId: string) => `https://meet.google.com/${nativeId}`;
/** How the app names a meeting sent from a Google Meet link (botService.ts). */
const meetingName = (nativeId: string) => `Google Meet · ${nativeId}`;

test.describe('The desktop app in its place on the desktop', () => {
  requiresElectron();

  test('Settings says a development build cannot start at login, and the OS is left untouched', async ({ desktop }) => {
    const server = await desktop.startServer();
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await goTo(window, 'Settings');
    const card = window.getByRole('region', { name: 'Start at login' });
    const toggle = card.getByRole('switch', { name: 'Start Vexa Companion when I log in, hidden in the tray' });
    await expect(toggle).toBeDisabled();
    await expect(toggle).not.toBeChecked();
    await expect(card).toContainText(DEV_BUILD_REASON);
    if (process.platform !== 'linux') {
      // getLoginItemSettings is darwin and win32 only (electron.d.ts).
      const registered = await app.evaluate(({ app: electronApp }) => electronApp.getLoginItemSettings().openAtLogin);
      expect(registered).toBe(false);
    }
  });

  test('started at login (--hidden), the app waits in the tray with no window; Show opens it', async ({ desktop }) => {
    // macOS learns it was opened at login from the system, not from an argument (startHidden.ts).
    test.skip(process.platform === 'darwin', 'macOS has no start-at-login argument to pass');
    const { app } = await desktop.launchWithoutWindow({ args: [HIDDEN_ARG] });
    await expect.poll(() => desktop.readLog()).toContain('Started at login; waiting in the tray');
    expect(await mainWindowState(app)).toEqual({ count: 0, visible: false, minimized: false });
    await expect.poll(() => trayLabels(app)).toContain(TRAY_SHOW_LABEL);
    expect(await clickTrayItem(app, TRAY_SHOW_LABEL)).toBe(true);
    await app.firstWindow();
    await expect.poll(() => mainWindowState(app)).toEqual({ count: 1, visible: true, minimized: false });
  });

  test('the tray offers the copied meeting link, sends it, lists the bot with Stop and the overlay, and Stop stops it', async ({
    desktop,
  }) => {
    const server = await desktop.startServer({ scenario: 'lobby-wait', timeScale: 5 });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await setClipboard(app, '');
    expect(await hoverTray(app)).toBe(true);
    await expect.poll(() => trayLabels(app)).toEqual([TRAY_SHOW_LABEL, TRAY_QUIT_LABEL]);

    await setClipboard(app, link(FIRST));
    await hoverTray(app);
    const send = `Send bot to ${meetingName(FIRST)}`;
    await expect.poll(() => trayLabels(app)).toEqual([send, '-', TRAY_SHOW_LABEL, TRAY_QUIT_LABEL]);
    await hideMainWindow(app);
    expect(await clickTrayItem(app, send)).toBe(true);
    // The answer is a notification; the hidden window stays hidden.
    await expect
      .poll(async () => (await notifications(app)).find((n) => n.title === 'Bot sent')?.body)
      .toBe(`${meetingName(FIRST)}: the bot is joining. You will be told when it waits in the lobby.`);
    expect((await mainWindowState(app)).visible).toBe(false);

    const card = meetingCard(window, FIRST);
    server.simulator.admit(await meetingIdOf(card));
    const stop = `Stop the bot in ${meetingName(FIRST)}`;
    const overlay = `Open caption overlay for ${meetingName(FIRST)}`;
    await expect.poll(() => trayLabels(app)).toContain(overlay);
    expect(await trayLabels(app)).toEqual([
      send,
      '-',
      `${meetingName(FIRST)}: Transcribing`,
      stop,
      overlay,
      '-',
      TRAY_SHOW_LABEL,
      TRAY_QUIT_LABEL,
    ]);

    expect(await clickTrayItem(app, overlay)).toBe(true);
    await expect.poll(async () => (await overlayState(app)).meetingId).toBe(await meetingIdOf(card));

    expect(await clickTrayItem(app, stop)).toBe(true);
    await expect(card).toHaveAttribute('data-status', /stopping|completed/);
    await expect.poll(async () => (await trayLabels(app))?.some((l) => l.includes(`${FIRST}:`))).toBe(false);
  });

  test('the lobby badge counts bots in the lobby and clears when they are admitted', async ({ desktop }) => {
    const server = await desktop.startServer({ scenario: 'lobby-wait', timeScale: 5 });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    expect(await attentionState(app)).toEqual({ badge: 0, requests: 0, requesting: false });

    await sendLink(window, link(FIRST));
    await expect(lobbyBanner(window, FIRST)).toBeVisible();
    await sendLink(window, link(SECOND));
    await expect(lobbyBanner(window, SECOND)).toBeVisible();
    await expect.poll(async () => (await attentionState(app))?.badge).toBe(2);
    if (process.platform === 'darwin') {
      // The Dock badge is the one platform whose count Electron reads back (getBadgeCount, darwin only).
      await expect.poll(() => app.evaluate(({ app: electronApp }) => electronApp.getBadgeCount())).toBe(2);
    }

    server.simulator.admit(await meetingIdOf(meetingCard(window, FIRST)));
    server.simulator.admit(await meetingIdOf(meetingCard(window, SECOND)));
    await expect.poll(async () => (await attentionState(app))?.badge).toBe(0);
    expect((await attentionState(app))?.requesting).toBe(false);
  });
});
