import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { mainNav } from './support/admin';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink, simulatorMeetingCount, snap } from './support/launch';
import { displayAcceleratorText, type ShortcutPlatform } from '../../shared/shortcuts/accelerator';

// A browser cannot register keys with the OS: the harness records what the core registers and
// presses a shortcut the way the OS would call it (electron/harness/harnessShortcuts.ts). The keys
// read as on the computer the tests run on (the core's `process.platform`): Ctrl+Alt+J, ⌥⌘J.

let app: LaunchedApp | null = null;

async function start(page: Page, options: LaunchOptions = {}): Promise<LaunchedApp> {
  app = await launchApp({ timeScale: 50, profile: 'g3', scenario: 'lobby-wait', ...options });
  await connect(page, app);
  return app;
}

test.afterEach(async () => {
  await app?.close();
  app = null;
});

const platform = (['darwin', 'win32', 'linux'].includes(process.platform) ? process.platform : 'other') as ShortcutPlatform;
/** How the Settings card writes these keys on this computer. */
const keys = (accelerator: string) => displayAcceleratorText(accelerator, platform);

const SEND = 'Send a bot to the meeting link on the clipboard';
const FRONT = 'Bring Vexa Companion to the front';

async function openShortcuts(page: Page): Promise<Locator> {
  // As a person does, keys are pressed once the app's screens are there (after a reload too): a
  // key pressed while the window still shows Starting reaches no screen yet.
  await expect(mainNav(page).getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
  await page.keyboard.press('Control+4');
  const card = page.getByRole('region', { name: 'Global shortcuts' });
  await expect(card).toBeVisible();
  return card;
}

const row = (card: Locator, label: string) => card.getByRole('listitem', { name: label });

test('changing a shortcut: the keys are recorded, registered at once, and the old keys stop acting', async ({ page }, testInfo) => {
  const app = await start(page);
  const card = await openShortcuts(page);
  const send = row(card, SEND);
  await expect(send).toContainText('On');
  await expect(send.locator('kbd')).toHaveText(keys('CommandOrControl+Alt+Shift+B'));
  expect(app.ports.shortcuts.port.registered).toContain('CommandOrControl+Alt+Shift+B');

  await send.getByRole('button', { name: `Change keys for “${SEND}”` }).click();
  const field = send.getByLabel(`New keys for “${SEND}”`);
  await expect(field).toBeFocused();
  // The shortcuts are paused while the field records, so the current keys reach it.
  await expect.poll(() => app.ports.shortcuts.port.suspended).toBe(true);

  await page.keyboard.press('ControlOrMeta+Alt+J');
  await expect(field).toHaveValue('CommandOrControl+Alt+J');
  await snap(page, testInfo, 'shortcuts-recording');
  await field.press('Enter');

  await expect(send.locator('kbd')).toHaveText(keys('CommandOrControl+Alt+J'));
  await expect(send).toContainText(`Works from any app: press ${keys('CommandOrControl+Alt+J')}.`);
  await expect(send.getByRole('button', { name: `Change keys for “${SEND}”` })).toBeFocused();
  await expect.poll(() => app.ports.shortcuts.port.suspended).toBe(false);
  expect(app.ports.shortcuts.port.registered).toContain('CommandOrControl+Alt+J');
  expect(app.ports.shortcuts.port.registered).not.toContain('CommandOrControl+Alt+Shift+B');
  expect(app.ports.shortcuts.port.press('CommandOrControl+Alt+Shift+B')).toBe(false);

  // Typed keys work as well; Escape leaves the field without changing anything.
  const front = row(card, FRONT);
  await front.getByRole('button', { name: `Change keys for “${FRONT}”` }).click();
  const frontField = front.getByLabel(`New keys for “${FRONT}”`);
  await frontField.fill('Super+F9');
  await frontField.press('Escape');
  await expect(front.locator('kbd')).toHaveText(keys('CommandOrControl+Alt+Shift+Space'));
  await front.getByRole('button', { name: `Change keys for “${FRONT}”` }).click();
  await front.getByLabel(`New keys for “${FRONT}”`).fill('super+f9');
  await front.getByRole('button', { name: 'Save keys' }).click();
  await expect(front.locator('kbd')).toHaveText(keys('Super+F9'));

  // Turned off, and back to the default.
  await send.getByRole('button', { name: `Turn off “${SEND}”` }).click();
  await expect(send).toContainText('Off');
  await expect(send).toContainText('No keys');
  expect(app.ports.shortcuts.port.registered).not.toContain('CommandOrControl+Alt+J');
  await send.getByRole('button', { name: `Use the default keys (${keys('CommandOrControl+Alt+Shift+B')}) for “${SEND}”` }).click();
  await expect(send.locator('kbd')).toHaveText(keys('CommandOrControl+Alt+Shift+B'));

  // The choice is kept: a new window shows the same keys.
  await page.reload();
  const again = await openShortcuts(page);
  await expect(row(again, FRONT).locator('kbd')).toHaveText(keys('Super+F9'));
});

test('conflicts are shown: another shortcut’s keys, the window’s own keys, and keys another app holds', async ({ page }, testInfo) => {
  const app = await start(page);
  const card = await openShortcuts(page);
  const front = row(card, FRONT);
  const change = front.getByRole('button', { name: `Change keys for “${FRONT}”` });
  const field = front.getByLabel(`New keys for “${FRONT}”`);

  await change.click();
  await field.fill('CommandOrControl+Alt+Shift+B');
  await field.press('Enter');
  await expect(front.getByRole('alert')).toHaveText(
    `${keys('CommandOrControl+Alt+Shift+B')} is already the shortcut to send a bot to the meeting link on the clipboard. Choose other keys, or change that one first.`,
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await snap(page, testInfo, 'shortcuts-conflict');

  // Pressed in the field, Ctrl+K is recorded (the library does not open) and refused.
  await page.keyboard.press('ControlOrMeta+K');
  await expect(field).toHaveValue('CommandOrControl+K');
  await field.press('Enter');
  await expect(front.getByRole('alert')).toHaveText(
    `${keys('CommandOrControl+K')} is what the app uses inside its window to search the library. Choose other keys.`,
  );
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await field.press('Escape');
  await expect(front.locator('kbd')).toHaveText(keys('CommandOrControl+Alt+Shift+Space'));
  expect(app.ports.shortcuts.port.registered).toContain('CommandOrControl+Alt+Shift+Space');

  // Keys another app holds are saved but not registered, and the row says so.
  app.ports.shortcuts.port.takenByOthers.add('Control+Alt+M');
  await change.click();
  await field.fill('Control+Alt+M');
  await field.press('Enter');
  await expect(front).toContainText('Taken by another app');
  await expect(front).toContainText(`Another app already uses ${keys('Control+Alt+M')}. Choose other keys here, or free them in that app.`);
  expect(app.ports.shortcuts.port.registered).not.toContain('Control+Alt+M');
});

test('the send shortcut sends a bot to the meeting link on the clipboard, and says when there is none', async ({ page }) => {
  const app = await start(page);
  const before = await simulatorMeetingCount(app);

  await app.ports.clipboard.writeText('not a meeting link');
  expect(app.ports.shortcuts.port.press('CommandOrControl+Alt+Shift+B')).toBe(true);
  await expect.poll(() => app.ports.notifier.sent.map((n) => n.title)).toContain('No meeting link on the clipboard');
  expect(await simulatorMeetingCount(app)).toBe(before);

  await app.ports.clipboard.writeText('https://meet.google.com/abc-defg-hij');
  expect(app.ports.shortcuts.port.press('CommandOrControl+Alt+Shift+B')).toBe(true);
  // The window shows the new bot (the person sees it when they look), and a notification confirms it.
  await expect(meetingCard(page, 'abc-defg-hij')).toBeVisible();
  await expect.poll(() => app.ports.notifier.sent.map((n) => n.title)).toContain('Bot sent');
  expect(app.ports.notifier.sent.find((n) => n.title === 'Bot sent')?.body).toMatch(/the bot is on its way/);
  expect(await simulatorMeetingCount(app)).toBe(before + 1);
});

test('the overlay shortcut shows the captions of the live meeting in view, and hides them', async ({ page }) => {
  // Long meetings, let in by themselves: both stay live for the whole test.
  const app = await start(page, { scenario: 'long', timeScale: 10 });
  const ids: number[] = [];
  for (const nativeId of ['abc-defg-hij', 'klm-nopq-rst']) {
    await sendLink(page, `https://meet.google.com/${nativeId}`);
    const card = meetingCard(page, nativeId);
    await expect(card).toHaveAttribute('data-status', 'active');
    ids.push(await meetingIdOf(card));
  }
  const overlay = page.getByRole('complementary', { name: /^Caption overlay/ });

  // Two live meetings and neither on screen: the shortcut asks which.
  expect(app.ports.shortcuts.port.press('CommandOrControl+Alt+Shift+T')).toBe(true);
  await expect.poll(() => app.ports.notifier.sent.map((n) => n.title)).toContain('Which meeting’s captions?');
  await expect(overlay).toHaveCount(0);

  await meetingCard(page, 'klm-nopq-rst').getByRole('button', { name: 'Open live captions' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /klm-nopq-rst/ })).toBeVisible();
  expect(app.ports.shortcuts.port.press('CommandOrControl+Alt+Shift+T')).toBe(true);
  await expect(overlay).toBeVisible();
  await expect(overlay).toHaveAccessibleName(/klm-nopq-rst/);
  expect(app.ports.overlays.meetingId).toBe(ids[1]);

  expect(app.ports.shortcuts.port.press('CommandOrControl+Alt+Shift+T')).toBe(true);
  await expect(overlay).toHaveCount(0);
  expect(app.ports.overlays.meetingId).toBeNull();
});
