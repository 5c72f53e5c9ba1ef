import type { ElectronApplication, Locator, Page } from '@playwright/test';
import { DEFAULT_SHORTCUTS } from '../../shared/ipc/shortcutSettings';
import { expect, requiresElectron, test } from './fixture';
import { hideMainWindow, holdsShortcut, mainWindowState, notifications, overlayState, pressShortcut } from './mainProcess';
import { connect, goTo, meetingCard, meetingIdOf, sendLink } from './ui';

// Global shortcuts with Electron's real globalShortcut. A test's key presses reach the focused
// window, never the OS's global shortcuts, so a press runs the callback the app gave Electron
// (e2e hook `pressShortcut`); whether the OS holds the keys is Electron's own answer
// (`globalShortcut.isRegistered`). On a Wayland session the desktop decides through its portal and
// Electron 45 cannot say what it decided, so there the Settings card says the desktop was asked.

const SEND = 'Send a bot to the meeting link on the clipboard';
const OVERLAY = 'Show or hide the caption overlay';
const FRONT = 'Bring Vexa Companion to the front';
const wayland = process.platform === 'linux' && process.env.XDG_SESSION_TYPE === 'wayland';

const shortcutsCard = (window: Page): Locator => window.getByRole('region', { name: 'Global shortcuts' });
const row = (window: Page, label: string): Locator => shortcutsCard(window).getByRole('listitem', { name: label });

/** What the card must say for keys, by what Electron says of them. */
async function expectedState(app: ElectronApplication, accelerator: string): Promise<string> {
  if (wayland) return 'Asked of your desktop';
  return (await holdsShortcut(app, accelerator)) ? 'On' : 'Taken by another app';
}

test.describe('Global shortcuts', () => {
  requiresElectron();

  test('are registered with the OS at start and shown with their state in Settings', async ({ desktop }) => {
    const server = await desktop.startServer({ scenario: 'lobby-wait' });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await goTo(window, 'Settings');
    for (const [label, accelerator] of [
      [SEND, DEFAULT_SHORTCUTS.sendBot],
      [OVERLAY, DEFAULT_SHORTCUTS.toggleOverlay],
      [FRONT, DEFAULT_SHORTCUTS.showApp],
    ] as const) {
      await expect(row(window, label)).toContainText(await expectedState(app, accelerator));
    }
  });

  test('a shortcut changed in Settings is registered at once and the old keys are released', async ({ desktop }) => {
    test.skip(wayland, 'On Wayland the portal, not Electron, knows which keys are bound.');
    const server = await desktop.startServer({ scenario: 'lobby-wait' });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    await goTo(window, 'Settings');
    const send = row(window, SEND);
    await send.getByRole('button', { name: `Change keys for “${SEND}”` }).click();
    const field = send.getByLabel(`New keys for “${SEND}”`);
    await expect(field).toBeFocused();
    // While the field records, Electron's handling is suspended, so the keys reach the window.
    await window.keyboard.press('Control+Alt+Shift+F7');
    const recorded = process.platform === 'darwin' ? 'Control+Alt+Shift+F7' : 'CommandOrControl+Alt+Shift+F7';
    await expect(field).toHaveValue(recorded);
    await field.press('Enter');
    await expect(send).toContainText(await expectedState(app, recorded));
    expect(await holdsShortcut(app, DEFAULT_SHORTCUTS.sendBot)).toBe(false);
  });

  test('the send shortcut sends a bot to the meeting link on the clipboard and confirms it', async ({ desktop }) => {
    const server = await desktop.startServer({ scenario: 'lobby-wait' });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    test.skip(!(await holdsShortcut(app, DEFAULT_SHORTCUTS.sendBot)), 'Another app on this desktop holds the send keys.');

    await app.evaluate(({ clipboard }) => clipboard.writeText('no link here'));
    expect(await pressShortcut(app, DEFAULT_SHORTCUTS.sendBot)).toBe(true);
    await expect.poll(async () => (await notifications(app)).map((n) => n.title)).toContain('No meeting link on the clipboard');

    await app.evaluate(({ clipboard }) => clipboard.writeText('https://meet.google.com/abc-defg-hij'));
    expect(await pressShortcut(app, DEFAULT_SHORTCUTS.sendBot)).toBe(true);
    await expect(meetingCard(window, 'abc-defg-hij')).toBeVisible();
    await expect.poll(async () => (await notifications(app)).map((n) => n.title)).toContain('Bot sent');
  });

  test('the overlay shortcut shows and hides the captions of the only live meeting', async ({ desktop }) => {
    // A long meeting, let in by itself: it stays live for the whole test.
    const server = await desktop.startServer({ scenario: 'long', timeScale: 10 });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    test.skip(!(await holdsShortcut(app, DEFAULT_SHORTCUTS.toggleOverlay)), 'Another app on this desktop holds the overlay keys.');

    expect(await pressShortcut(app, DEFAULT_SHORTCUTS.toggleOverlay)).toBe(true);
    await expect.poll(async () => (await notifications(app)).map((n) => n.title)).toContain('No live meeting');

    await goTo(window, 'Launch');
    await sendLink(window, 'https://meet.google.com/abc-defg-hij');
    const card = meetingCard(window, 'abc-defg-hij');
    await expect(card).toHaveAttribute('data-status', 'active');
    const id = await meetingIdOf(card);

    const opened = app.waitForEvent('window');
    expect(await pressShortcut(app, DEFAULT_SHORTCUTS.toggleOverlay)).toBe(true);
    const overlay = await opened;
    await expect(overlay).toHaveURL(new RegExp(`#/overlay/${id}/[^/]+$`));
    await expect.poll(async () => (await overlayState(app)).meetingId).toBe(id);

    expect(await pressShortcut(app, DEFAULT_SHORTCUTS.toggleOverlay)).toBe(true);
    await expect.poll(() => overlay.isClosed()).toBe(true);
    await expect.poll(async () => (await overlayState(app)).meetingId).toBeNull();
  });

  test('the front shortcut brings the hidden window back', async ({ desktop }) => {
    const server = await desktop.startServer({ scenario: 'lobby-wait' });
    const { app, window } = await desktop.launch();
    await connect(window, server);
    test.skip(!(await holdsShortcut(app, DEFAULT_SHORTCUTS.showApp)), 'Another app on this desktop holds the front keys.');
    await hideMainWindow(app);
    await expect.poll(async () => (await mainWindowState(app)).visible).toBe(false);
    expect(await pressShortcut(app, DEFAULT_SHORTCUTS.showApp)).toBe(true);
    await expect.poll(async () => (await mainWindowState(app)).visible).toBe(true);
  });
});
