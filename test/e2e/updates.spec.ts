import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/app';
import { steppedUpdater } from './support/fakeUpdater';
import { connect, meetingCard, sendLink, snap } from './support/launch';
import { expect, test } from './support/test';

// Settings → Updates in the real window and core, with an updater the test steps through its
// states (test/e2e/support/fakeUpdater.ts). electron-updater itself downloads, verifies and
// refuses a tampered file in test/integration/updates/electronUpdater.test.ts.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const go = (page: Page, screen: 'Settings' | 'Launch') =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(screen) })
    .click();
const card = (page: Page) => page.getByRole('region', { name: 'Updates' });
const status = (page: Page) => card(page).getByTestId('update-status');
const storedUpdates = (dataDir: string): unknown =>
  (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { settings: { updates?: unknown } }).settings.updates;

const NOTES = '<h3>0.2.0</h3><ul><li>Lobby alerts arrive sooner</li><li>Captions keep up in long meetings</li></ul>';

test('a new version downloads with its progress shown, then Restart now installs it, asking first while a bot waits in a lobby', async ({
  page,
}, testInfo) => {
  const updates = steppedUpdater([() => ({ kind: 'found', version: '0.2.0', notes: NOTES })]);
  app = await launchApp({ profile: 'g3', scenario: 'lobby-wait', timeScale: 50, updates: { updater: updates.updater, firstCheckMs: 0 } });
  await connect(page, app);
  await go(page, 'Settings');

  await updates.progress(40);
  await expect(status(page)).toHaveText('Downloading version 0.2.0: 40% (19.2 of 48.0 MB).');
  const bar = card(page).getByRole('progressbar', { name: 'Download of version 0.2.0' });
  await expect(bar).toHaveJSProperty('value', 40);
  await updates.progress(75);
  await expect(status(page)).toHaveText(/: 75% /);
  await expect(bar).toHaveJSProperty('value', 75);
  await expect(card(page).getByRole('button', { name: 'Restart now' })).toHaveCount(0);

  await updates.finish();
  await expect(status(page)).toHaveText(
    'Version 0.2.0 is downloaded and checked. It installs when you quit the app, or now with Restart now.',
  );
  await expect(bar).toHaveCount(0);
  const notes = card(page).getByRole('group').filter({ hasText: 'What’s new in version 0.2.0' });
  await expect(notes).toContainText('• Lobby alerts arrive sooner\n• Captions keep up in long meetings');
  await expect(card(page)).toContainText(/Last checked .*: a new version was found\./);
  await card(page).scrollIntoViewIfNeeded();
  await snap(page, testInfo, 'settings-updates-ready');
  const audit = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A bot in a lobby is a live meeting: Restart now asks, and Later changes nothing.
  await go(page, 'Launch');
  await sendLink(page, 'https://meet.google.com/upd-abcd-efg');
  await expect(meetingCard(page, 'upd-abcd-efg')).toHaveAttribute('data-status', 'awaiting_admission');
  await go(page, 'Settings');
  await card(page).getByRole('button', { name: 'Restart now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restart while a bot is in a meeting?' });
  await expect(dialog).toHaveAccessibleDescription(/stops live captions and lobby alerts for “.*upd-abcd-efg.*” until the app is back/);
  await snap(page, testInfo, 'settings-updates-restart-question');
  await dialog.getByRole('button', { name: 'Later' }).click();
  await expect(dialog).toHaveCount(0);
  expect(updates.installs).toBe(0);

  await card(page).getByRole('button', { name: 'Restart now' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restart and install' }).click();
  await expect.poll(() => updates.installs).toBe(1);
  await expect(page.getByTestId('announcer')).toHaveText('Restarting to install the update.');
});

test('a failed download says what happened and keeps this version; the feed can be changed and updates turned off', async ({ page }) => {
  const updates = steppedUpdater([
    () => ({ kind: 'found', version: '0.2.0', notes: null }),
    () => ({ kind: 'up-to-date', latest: '0.0.0-test' }),
  ]);
  app = await launchApp({ profile: 'g3', updates: { updater: updates.updater, firstCheckMs: 0 } });
  await connect(page, app);
  await go(page, 'Settings');
  await updates.fail(Object.assign(new Error('sha512 checksum mismatch, expected abc, got def'), { code: 'ERR_CHECKSUM_MISMATCH' }));
  await expect(status(page)).toHaveText(
    'The download of version 0.2.0 did not match the checksum its feed publishes, so it was deleted. Nothing was installed and this version keeps running. If this keeps happening, tell whoever runs the update feed.',
  );
  await expect(card(page).getByRole('button', { name: 'Restart now' })).toHaveCount(0);
  expect(updates.installs).toBe(0);

  await card(page).getByRole('button', { name: 'Check now' }).click();
  await expect(status(page)).toHaveText('Vexa Companion is up to date.');
  await expect(card(page)).toContainText(/Last checked .*: up to date\./);

  // The feed: plain http to another computer is refused with the reason; https is saved and used.
  const feed = card(page).getByLabel('Update feed');
  await expect(feed).toHaveAccessibleDescription(/Checks https:\/\/github\.com\/Vexa-ai\/vexa-companion\/releases\./);
  await feed.fill('http://updates.example.com/companion/');
  await card(page).getByRole('button', { name: 'Save feed' }).click();
  await expect(card(page).getByRole('alert')).toHaveText(/must use https:\/\//);
  await feed.fill('https://updates.example.com/companion/');
  await card(page).getByRole('button', { name: 'Save feed' }).click();
  await expect(feed).toHaveAccessibleDescription(/Checks https:\/\/updates\.example\.com\/companion\/\./);
  expect(updates.feeds.at(-1)).toBe('https://updates.example.com/companion/');
  await expect.poll(() => storedUpdates(app!.dataDir)).toEqual({ enabled: true, feedUrl: 'https://updates.example.com/companion/' });

  const toggle = card(page).getByRole('switch', { name: 'Keep Vexa Companion up to date' });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(status(page)).toHaveText('Updates are off. The app neither looks for nor installs new versions.');
  await expect(card(page).getByRole('button', { name: 'Check now' })).toHaveCount(0);
  expect(updates.installOnQuit).toBe(false);
  await expect.poll(() => storedUpdates(app!.dataDir)).toEqual({ enabled: false, feedUrl: 'https://updates.example.com/companion/' });
  await expect(page.getByTestId('announcer')).toHaveText('Updates are off.');
});

test('an app that cannot update itself says so and offers no choices', async ({ page }) => {
  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  await go(page, 'Settings');
  await expect(status(page)).toHaveText('This copy of the app cannot update itself. Install new versions the way you installed this one.');
  await expect(card(page).getByRole('switch')).toHaveCount(0);
  await expect(card(page).getByLabel('Update feed')).toHaveCount(0);
  await expect(card(page).getByRole('button', { name: 'Check now' })).toHaveCount(0);
});
