import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SEND_FROM_CLIPBOARD } from '../../electron/core/desktop/trayMenu';
import type { TrayMenuItem } from '../../electron/core/ports';
import { fakeLoginItems } from '../support/fakeLoginItems';
import { launchApp, type LaunchedApp } from './support/app';
import { asDesktopApp } from './support/desktop';
import { connect, lobbyBanner, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';
import { expect, test } from './support/test';

// The desktop integration as the window and the harness's desktop ports show it: start at login
// (the Settings card follows what the OS says), the lobby badge, and the tray's quick actions.
// The OS itself is the harness's stand-in: a fake login-item store, a recorded badge, the tray's
// last menu (what `TrayView.update` drew) and its items' clicks.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const FIRST = 'abc-defg-hij';
const SECOND = 'klm-nopq-rst';
const link = (nativeId: string) => `https://meet.google.com/${nativeId}`;
/** How the app names a meeting sent from a Google Meet link (botService.ts). */
const meetingName = (nativeId: string) => `Google Meet · ${nativeId}`;

const openSettings = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Settings/ })
    .click();
const loginSwitch = (page: Page) => page.getByRole('switch', { name: 'Start Vexa Companion when I log in, hidden in the tray' });
const loginCard = (page: Page) => page.getByRole('region', { name: 'Start at login' });
const storedWish = (dataDir: string): unknown =>
  (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { settings: { desktop?: { startAtLogin: boolean } } }).settings
    .desktop?.startAtLogin;

const trayLabels = (a: LaunchedApp): string[] => a.ports.tray.last?.items.map((i) => (i.separator ? '-' : i.label)) ?? [];
function trayItem(a: LaunchedApp, label: string): TrayMenuItem {
  const item = a.ports.tray.last?.items.find((i) => i.label === label);
  if (!item?.onClick) throw new Error(`No tray item "${label}" in ${JSON.stringify(trayLabels(a))}`);
  return item;
}

test('start at login: off by default, turned on and off from Settings, showing what the system does', async ({ page }, testInfo) => {
  const { os, items } = fakeLoginItems();
  app = await launchApp({ profile: 'g3', decorateCore: asDesktopApp('win32'), loginItems: items });
  await connect(page, app);
  await openSettings(page);
  const toggle = loginSwitch(page);
  await expect(toggle).not.toBeChecked();
  await expect(loginCard(page).getByTestId('login-item-status')).toHaveText('System: Off: the app does not start when you log in.');

  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(loginCard(page).getByTestId('login-item-status')).toHaveText(
    'System: On: the app starts, hidden in the tray, when you log in.',
  );
  expect(os.status).toBe('on');
  await expect.poll(() => storedWish(app!.dataDir)).toBe(true);
  await expect(page.getByTestId('announcer')).toHaveText('On: the app starts, hidden in the tray, when you log in.');
  await toggle.scrollIntoViewIfNeeded();
  await snap(page, testInfo, 'settings-start-at-login');
  const audit = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Switched off in the system's own list (Task Manager): the card follows the system, not the wish.
  os.status = 'disabled-by-user';
  os.reason = 'Starting at login is switched off in Windows: open Task Manager › Startup apps.';
  await loginCard(page).getByRole('button', { name: 'Check again' }).click();
  await expect(toggle).not.toBeChecked();
  await expect(loginCard(page)).toContainText('Turned off in Windows.');
  await expect(loginCard(page)).toContainText('open Task Manager › Startup apps');

  // The system refuses: the switch stays where the system is, and the card says so.
  os.status = 'off';
  os.reason = null;
  os.refuse = true;
  await toggle.click();
  await expect(loginCard(page).getByTestId('login-item-status')).toHaveAttribute('data-status', 'failed');
  await expect(toggle).not.toBeChecked();
  await expect(loginCard(page).getByRole('alert')).toContainText('The system refused to add the app to the apps that start at login.');
  os.refuse = false;
  await toggle.click();
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  expect(os.status).toBe('off');
  await expect.poll(() => storedWish(app!.dataDir)).toBe(false);
});

test('start at login: where the app cannot start at login the switch is off, cannot be pressed, and says why', async ({ page }) => {
  // No login items given: the harness answers as the browser-served app, which has none.
  app = await launchApp({ profile: 'g3', decorateCore: asDesktopApp('linux') });
  await connect(page, app);
  await openSettings(page);
  await expect(loginSwitch(page)).toBeDisabled();
  await expect(loginSwitch(page)).not.toBeChecked();
  await expect(loginCard(page)).toContainText('Not available here.');
  await expect(loginCard(page)).toContainText('cannot start at login');
});

test('the lobby badge counts bots waiting in the lobby, asks for attention once per wait, and clears when they are admitted', async ({
  page,
}) => {
  app = await launchApp({ profile: 'g3', scenario: 'lobby-wait', timeScale: 5, decorateCore: asDesktopApp('win32') });
  // The tray is drawn before any server is connected: an app started at login waits in it.
  expect(app.ports.tray.last?.state).toBe('idle');
  await connect(page, app);
  expect(app.ports.attention.badge).toBe(0);

  await sendLink(page, link(FIRST));
  const first = meetingCard(page, FIRST);
  await expect(lobbyBanner(page, FIRST)).toBeVisible();
  await expect.poll(() => app!.ports.attention.badge).toBe(1);
  expect(app.ports.attention.requests).toBe(1);

  // Do not disturb: the badge still counts (it is in the app), no attention is asked for.
  await openSettings(page);
  await page.getByRole('switch', { name: /Do not disturb/ }).click();
  await expect(page.getByRole('switch', { name: /Do not disturb/ })).toBeChecked();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Launch/ })
    .click();
  await sendLink(page, link(SECOND));
  const second = meetingCard(page, SECOND);
  await expect(lobbyBanner(page, SECOND)).toBeVisible();
  await expect.poll(() => app!.ports.attention.badge).toBe(2);
  expect(app.ports.attention.requests).toBe(1);

  app.simulator.admit(await meetingIdOf(first));
  await expect(first).toHaveAttribute('data-status', 'active');
  await expect.poll(() => app!.ports.attention.badge).toBe(1);
  app.simulator.admit(await meetingIdOf(second));
  await expect(second).toHaveAttribute('data-status', 'active');
  await expect.poll(() => app!.ports.attention.badge).toBe(0);
});

test('the tray lists a running bot with its state; Stop stops it; the clipboard’s meeting link is offered and sent from the tray', async ({
  page,
}) => {
  app = await launchApp({ profile: 'g3', scenario: 'lobby-wait', timeScale: 5 });
  await connect(page, app);
  await sendLink(page, link(FIRST));
  const first = meetingCard(page, FIRST);
  const id = await meetingIdOf(first);
  await expect.poll(() => trayLabels(app!)).toContain(`${meetingName(FIRST)}: Waiting in the lobby`);
  app.simulator.admit(id);
  await expect(first).toHaveAttribute('data-status', 'active');
  // Before the clipboard is read, the quick action reads it at the click.
  await expect
    .poll(() => trayLabels(app!))
    .toEqual([
      SEND_FROM_CLIPBOARD,
      '-',
      `${meetingName(FIRST)}: Transcribing`,
      `Stop the bot in ${meetingName(FIRST)}`,
      `Open caption overlay for ${meetingName(FIRST)}`,
    ]);

  // A meeting link copied elsewhere: when the pointer reaches the tray icon, the menu offers it by name.
  await app.ports.clipboard.writeText(link(SECOND));
  app.ports.tray.hover();
  await expect.poll(() => trayLabels(app!)[0]).toBe(`Send bot to ${meetingName(SECOND)}`);
  trayItem(app, `Send bot to ${meetingName(SECOND)}`).onClick!();
  await expect(meetingCard(page, SECOND)).toBeVisible();
  await expect
    .poll(() => app!.ports.notifier.sent.find((n) => n.title === 'Bot sent')?.body)
    .toBe(`${meetingName(SECOND)}: the bot is joining. You will be told when it waits in the lobby.`);

  // Stop from the tray: the bot leaves, the card says so, and the tray drops the meeting.
  trayItem(app, `Stop the bot in ${meetingName(FIRST)}`).onClick!();
  await expect(first).toHaveAttribute('data-status', /stopping|completed/);
  await expect.poll(() => trayLabels(app!).some((l) => l.includes(FIRST))).toBe(false);
  const state = (await (await fetch(`${app.simulatorUrl}/_sim/state`)).json()) as { meetings: Array<{ id: number; status: string }> };
  expect(state.meetings.find((m) => m.id === id)?.status).toMatch(/stopping|completed/);

  // Text that is no meeting link (a key, say) is never offered.
  await app.ports.clipboard.writeText('vxa_tx_not_a_meeting_link');
  app.ports.tray.hover();
  await expect.poll(() => trayLabels(app!).some((l) => l.startsWith('Send bot'))).toBe(false);
});
