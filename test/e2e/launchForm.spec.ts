import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { connect, linkField, meetingCard, sendLink, simulatorMeetingCount, snap } from './support/launch';

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

/** What the browser does when the person comes back to the window from another app. */
const windowGainsFocus = (page: Page) => page.evaluate("window.dispatchEvent(new Event('focus'))");

/** Text copied in another app: on the browser's clipboard, which this page may read (permission granted). */
const copyElsewhere = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);

test('a meeting link on the clipboard is offered when the window gains focus, once', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await start(page);
  await copyElsewhere(page, 'Join here: https://meet.google.com/xyz-abcd-efg?authuser=0');
  await windowGainsFocus(page);

  const offer = page.getByRole('button', { name: 'Use the meeting link from your clipboard: Google Meet · xyz-abcd-efg' });
  await expect(offer).toBeVisible();
  await snap(page, testInfo, 'launch-clipboard-offer');

  // Esc dismisses, and the same link is not offered again.
  await linkField(page).press('Escape');
  await expect(offer).toHaveCount(0);
  await windowGainsFocus(page);
  await expect(offer).toHaveCount(0);

  // A new link is offered; Enter in the empty field takes it, a second Enter sends it.
  await copyElsewhere(page, 'https://meet.google.com/qrs-tuvw-xyz');
  await windowGainsFocus(page);
  await expect(page.getByRole('button', { name: /Use the meeting link from your clipboard/ })).toBeVisible();
  await linkField(page).press('Enter');
  await expect(linkField(page)).toHaveValue('https://meet.google.com/qrs-tuvw-xyz');
  await expect(page.getByRole('button', { name: /Use the meeting link from your clipboard/ })).toHaveCount(0);
  await linkField(page).press('Enter');
  await expect(meetingCard(page, 'qrs-tuvw-xyz')).toBeVisible();
});

test('text on the clipboard that is not a meeting link is not offered, and withdraws the offer of the link before it', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await start(page);
  const offer = page.getByRole('group', { name: 'Meeting link on the clipboard' });
  await copyElsewhere(page, 'https://meet.google.com/jkl-mnop-qrs');
  await windowGainsFocus(page);
  await expect(offer).toBeVisible();
  await copyElsewhere(page, 'vxa_tx_not_a_meeting_but_a_secret');
  await windowGainsFocus(page);
  await expect(linkField(page)).toBeFocused();
  await expect(offer).toHaveCount(0);
  await expect(linkField(page)).toHaveValue('');
});

test('bot options are sent, remembered as defaults and shown in Settings', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: 'Bot options' }).click();
  await page.getByLabel('Bot name').fill('Minutes taker');
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('radio', { name: 'Translate' }).check();
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  await expect(meetingCard(page, 'abc-defg-hij')).toBeVisible();

  await page.keyboard.press('Control+4');
  const defaults = page.getByRole('form', { name: 'Launch defaults' });
  await expect(defaults.getByLabel('Bot name')).toHaveValue('Minutes taker');
  await expect(defaults.getByLabel('Language')).toHaveValue('de');
  await expect(defaults.getByRole('radio', { name: 'Translate' })).toBeChecked();

  await page.keyboard.press('Control+1');
  await page.getByRole('button', { name: 'Bot options' }).click();
  await expect(page.getByRole('button', { name: 'Bot options' })).toContainText('Minutes taker · German (de) · Translate');
});

test('a bot name that is too long is explained next to the bot name', async ({ page }, testInfo) => {
  const app = await start(page);
  const before = await simulatorMeetingCount(app);
  await page.getByRole('button', { name: 'Bot options' }).click();
  await page.getByLabel('Bot name').fill('x'.repeat(500));
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  const name = page.getByLabel('Bot name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: /bot name/i })).toBeVisible();
  await snap(page, testInfo, 'launch-bot-name-error');
  expect(await simulatorMeetingCount(app)).toBe(before);
});

test('a Teams meeting without its passcode asks for it where the server needs one', async ({ page }, testInfo) => {
  await start(page, { profile: 'g2' });
  // A bare Teams id: G2 cannot join it without the passcode (a full link would carry what it needs).
  await linkField(page).fill('9876543210123');
  const passcode = page.getByLabel('Meeting passcode');
  await expect(passcode).toBeVisible();
  await linkField(page).press('Enter');
  await expect(passcode).toHaveAttribute('aria-invalid', 'true');
  await expect(passcode).toBeFocused();
  await snap(page, testInfo, 'launch-passcode-required');
  await passcode.fill('Pa55word');
  await passcode.press('Enter');
  await expect(meetingCard(page, '9876543210123')).toBeVisible();
});

test('a passcode in the link is found and shown', async ({ page }) => {
  await start(page);
  await linkField(page).fill('https://zoom.us/j/12345678901?pwd=Secret123');
  await expect(page.getByText(/Zoom · 12345678901/)).toBeVisible();
  await expect(page.getByLabel('Meeting passcode')).toHaveValue('Secret123');
});
