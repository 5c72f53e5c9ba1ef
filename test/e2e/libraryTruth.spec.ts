import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../../electron/simulator';
import { connectIpc, must } from '../support/ipcClient';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { apiLabels, connect, linkField, meetingCard, sendLink, snap } from './support/launch';
import { expect, test } from './support/test';

// The library says what the server says, as a person sees it: a meeting whose bot left reads
// Completed or Failed (with why) without a Refresh; a meeting last seen live on a server that is no
// longer connected reads "as of" that time, never Live; a meeting whose lines are on this computer
// can be exported whatever its status; and the demo's meetings leave the library with the demo.

const MEET_ID = 'abc-defg-hij';
const LINK = `https://meet.google.com/${MEET_ID}`;
const FAST = 50;

let app: LaunchedApp | null = null;
let other: Simulator | null = null;
test.afterEach(async () => {
  await app?.close();
  await other?.close();
  app = other = null;
});

async function start(page: Page, options: LaunchOptions): Promise<LaunchedApp> {
  app = await launchApp({ timeScale: FAST, ...options });
  await connect(page, app);
  return app;
}

const nav = (page: Page, name: RegExp): Promise<void> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const row = (page: Page, text: string): Locator =>
  page.getByRole('list', { name: 'Meetings' }).getByRole('listitem').filter({ hasText: text });
const exportButton = (scope: Page | Locator): Locator => scope.getByRole('button', { name: /^Export & share / });

async function openRow(page: Page, text: string): Promise<void> {
  await row(page, text).locator('.meeting-open').click();
  await expect(page.getByRole('button', { name: 'Back to library' })).toBeVisible();
}

for (const profile of ['g1', 'g2', 'g3'] as const) {
  test(`on a ${apiLabels[profile]} server a meeting whose bot left reads Completed in the library at once`, async ({ page }) => {
    await start(page, { profile });
    await sendLink(page, LINK);
    await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'completed', { timeout: 20_000 });

    await nav(page, /Library/);
    const ended = row(page, MEET_ID);
    // No Refresh: the row was updated when the bot left.
    await expect(ended.locator('.badge')).toHaveText('Completed');
    await expect(ended).not.toContainText('Transcribing');
    await expect(exportButton(ended)).toBeVisible();
    await openRow(page, MEET_ID);
    await expect(page.locator('.meeting-detail-header .badge')).toHaveText('Completed');
    await expect(exportButton(page.locator('.meeting-detail-header'))).toBeVisible();
  });
}

test('a bot the host refused says why on its Live card and in the library, under the Failed filter', async ({ page }, testInfo) => {
  await start(page, { profile: 'g3', scenario: 'rejected' });
  await sendLink(page, LINK);
  await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });

  await nav(page, /Live/);
  const tile = page.getByRole('article').filter({ hasText: MEET_ID });
  await expect(tile).toContainText('The host denied the bot entry to the meeting. Nothing was transcribed.');
  await expect(tile).not.toContainText('left before anything was transcribed');
  await snap(page, testInfo, 'live-failed-reason');

  await nav(page, /Library/);
  await page.getByRole('group', { name: 'Filters' }).getByLabel('Status').selectOption('failed');
  await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem')).toHaveCount(1);
  await expect(row(page, MEET_ID)).toContainText('The host denied the bot entry to the meeting.');
  await expect(row(page, MEET_ID).locator('.badge')).toHaveText('Failed');
  await snap(page, testInfo, 'library-failed-filter');
  const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a bot that broke mid-meeting is Failed with why, and its lines can be exported from the row and the page', async ({ page }) => {
  await start(page, { profile: 'g2', scenario: 'crash' });
  await sendLink(page, LINK);
  await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });

  await nav(page, /Library/);
  const failed = row(page, MEET_ID);
  await expect(failed.locator('.badge')).toHaveText('Failed');
  await expect(failed).toContainText('The bot stopped working during the meeting.');
  await expect(failed).toContainText(/\d+\slines/);
  await expect(exportButton(failed)).toBeVisible();
  await openRow(page, MEET_ID);
  await exportButton(page.locator('.meeting-detail-header')).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-preview')).toContainText('MEETING TRANSCRIPT');
});

test('a meeting last seen live on a server no longer connected reads "as of" that time, never Live, and can still be exported', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  // The bot name picks the simulator's long meeting, so it is still live when the person switches server.
  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  await page.getByRole('button', { name: /Bot options/ }).click();
  await page.getByLabel('Bot name').fill('sim:long');
  await sendLink(page, LINK);
  await expect(meetingCard(page, MEET_ID)).toHaveAttribute('data-status', 'active', { timeout: 20_000 });

  await nav(page, /Library/);
  const liveRow = row(page, MEET_ID);
  await expect(liveRow).toContainText(/\d+\slines?/);
  await expect(liveRow.locator('.badge')).toHaveText('Transcribing');

  // The person connects another server and disconnects the first (several servers stay connected
  // at once otherwise); nobody tells the app any more how that meeting goes on.
  other = await startSimulator({ profile: 'g2', port: 0, apiKeys: [app.apiKey], seed: true, timeScale: 20, rateLimitPerMinute: 0 });
  const ipc = await connectIpc(app.url);
  const firstId = must(await ipc.invoke('app:getState')).currentServerId!;
  must(await ipc.invoke('connection:connect', { url: other.url, apiKey: app.apiKey }));
  expect(must(await ipc.invoke('servers:disconnect', { serverId: firstId })).status).toBe('disconnected');
  ipc.close();

  const stale = row(page, MEET_ID);
  await expect(stale.locator('.badge')).toHaveText(/^Transcribing as of .+\d/);
  await expect(stale.locator('.badge')).toHaveAttribute(
    'title',
    'This meeting’s server is not connected, so this is the last status the app saw. Connect to it to see how the meeting went on.',
  );
  await expect(stale.locator('.badge')).not.toHaveText('Transcribing');
  await expect(exportButton(stale)).toBeVisible();
  await snap(page, testInfo, 'library-other-server-as-of');
  const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await openRow(page, MEET_ID);
  await expect(page.locator('.meeting-detail-header .badge')).toHaveText(/^Transcribing as of /);
  await exportButton(page.locator('.meeting-detail-header')).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  // Only the lines this computer holds: the meeting's server is not the connected one.
  await expect(page.getByTestId('export-preview')).toContainText('MEETING TRANSCRIPT');
});

test('the demo meetings stay apart: in the library while the demo runs, gone from it once a real server is connected', async ({ page }) => {
  test.setTimeout(60_000);
  app = await launchApp({ profile: 'g3' });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Try without an account' }).click();
  await sendLink(page, LINK);
  await expect(meetingCard(page, MEET_ID)).toBeVisible();
  await nav(page, /Library/);
  await expect(row(page, MEET_ID)).toHaveCount(1);
  // The three seeded meetings, the sample meeting the demo plays by itself, and the one sent here.
  await expect(page.getByRole('list', { name: 'Meetings' }).getByRole('listitem')).toHaveCount(5);

  // The demo ends (its simulator stops); the person connects their own server.
  await page.getByRole('button', { name: 'Connect a real server' }).click();
  await page.getByLabel('Server URL').fill(app.simulatorUrl);
  await page.getByLabel('API key', { exact: true }).fill(app.apiKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(linkField(page)).toBeVisible();

  await nav(page, /Library/);
  // The server's own three meetings, and none of the demo's: nothing to tell apart, so no server names.
  const rows = page.getByRole('list', { name: 'Meetings' }).getByRole('listitem');
  await expect(rows.getByText('Transcript on this computer')).toHaveCount(3);
  await expect(rows).toHaveCount(3);
  await expect(row(page, MEET_ID)).toHaveCount(0);
  await expect(rows.locator('.server-chip')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Server' })).toHaveCount(0);
  // Nor does the search find them.
  await page.getByRole('combobox', { name: 'Search all meetings' }).fill('telemetry');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1);
});

test('Clear library brings the connected server’s meetings back by itself', async ({ page }) => {
  await start(page, { profile: 'g3' });
  await nav(page, /Library/);
  const rows = page.getByRole('list', { name: 'Meetings' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);

  await nav(page, /Settings/);
  const dialogText = /Nothing is deleted on any server: the meetings of 127\.0\.0\.1:\d+ are downloaded again right away\./;
  await page.getByRole('button', { name: 'Clear library…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the local library?' });
  await expect(dialog).toContainText(dialogText);
  await dialog.getByRole('button', { name: 'Clear library' }).click();
  await expect(dialog).toBeHidden();

  // No Refresh: the library downloads them again on its own.
  await nav(page, /Library/);
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('list', { name: 'Meetings' }).getByText('Transcript on this computer')).toHaveCount(3);
});
