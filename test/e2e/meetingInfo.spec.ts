import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';

// Who took part, what is wrong while a meeting runs, how it ended, and its chat: in the window,
// served by the web harness in Chromium, against the simulator.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

async function start(page: Page, options: LaunchOptions): Promise<LaunchedApp> {
  app = await launchApp(options);
  await connect(page, app);
  return app;
}

const nav = (page: Page, screen: RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
const meetingList = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' });
const row = (page: Page, name: string): Locator => meetingList(page).getByRole('listitem').filter({ hasText: name });
const search = (page: Page): Locator => page.getByRole('combobox', { name: 'Search all meetings' });
const results = (page: Page): Locator => page.getByRole('listbox', { name: 'Search results' });
const people = (page: Page): Locator => page.getByTestId('participants');

test('g3: who took part is listed, invited apart from heard, and a silent invitee finds the meeting', async ({ page }) => {
  await start(page, { profile: 'g3' });
  await nav(page, /Library/);
  await expect(meetingList(page).getByText('Transcript on this computer')).toHaveCount(3);
  // How each meeting ended, in words, on its row.
  // The line count is said once, beside the platform, not again in the ending.
  const june = row(page, 'June release planning');
  await expect(june.getByTestId('meeting-ending')).toHaveText('Everyone else left, so the bot left too.');
  await expect(june).toContainText('32\u00a0lines');
  await expect(june).not.toContainText('lines were transcribed');

  await search(page).fill('Whitfield');
  const hit = results(page).getByRole('option').filter({ hasText: 'June release planning' });
  await expect(hit).toContainText('Took part: Sam Whitfield');
  await hit.click();
  await expect(page.getByRole('heading', { level: 2, name: /June release planning/ })).toBeVisible();

  const panel = people(page);
  await expect(panel.getByRole('heading', { name: 'Who took part' })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Sam Whitfield' })).toContainText('Invited · declined');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Priya Raman' }).first()).toContainText('Invited · maybe');
  await expect(panel.getByText('Heard speaking')).toBeVisible();
  await expect(panel).toContainText('Attendance was not recorded');
  await expect(panel).not.toContainText(/nobody (came|attended)/i);
  await snap(page, test.info(), 'meeting-info-participants-g3');
});

test('g1: the meeting page says the server cannot list who took part', async ({ page }) => {
  await start(page, { profile: 'g1' });
  await nav(page, /Library/);
  await row(page, 'June release planning')
    .getByRole('button', { name: /^June release planning/ })
    .click();
  await expect(people(page)).toContainText('does not list who took part');
});

test('g3: a bot that hears no audio says so on its tile and in its live captions, with what to do', async ({ page }) => {
  // Slow enough that the two-second-long meeting without audio stays on screen for a few seconds.
  await start(page, { profile: 'g3', scenario: 'no-audio', timeScale: 2 });
  await sendLink(page, 'https://meet.google.com/nau-dioo-mtg');
  const card = meetingCard(page, 'nau-dioo-mtg');
  await meetingIdOf(card);
  const notice = card.getByTestId('health-notice');
  await expect(notice).toContainText('The bot hears no audio', { timeout: 20_000 });
  await expect(notice).toContainText('Check that people in the meeting are unmuted');
  await snap(page, test.info(), 'meeting-info-no-audio-tile');
  await card.getByRole('button', { name: 'Open live captions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();
  await expect(page.getByTestId('health-notice')).toContainText('The bot hears no audio');
});

test('g2: a bot that needs a person to get in says so with what to do', async ({ page }) => {
  await start(page, { profile: 'g2', scenario: 'needs-help', timeScale: 20 });
  await sendLink(page, 'https://meet.google.com/nhp-help-mtg');
  const card = meetingCard(page, 'nhp-help-mtg');
  await expect(card).toHaveAttribute('data-status', 'needs_help');
  await expect(card.getByTestId('health-notice')).toContainText('The bot needs help to get in');
  await expect(card.getByTestId('health-notice')).toContainText('let it in from the lobby');
  // What the server gives: its reason, and the bot's screen on that server, opened without the key.
  await expect(card.getByTestId('health-notice')).toContainText('The server says: admission needs a person');
  const id = await meetingIdOf(card);
  await card.getByTestId('health-notice').getByRole('button', { name: 'Open the bot’s screen' }).click();
  await expect.poll(() => app!.ports.opener.opened).toEqual([`${app!.simulatorUrl}/b/${id}`]);
  expect(app!.ports.opener.opened.join('')).not.toContain(app!.apiKey);

  // The Live screen's tile says it too.
  await nav(page, /Live/);
  await expect(page.locator('.live-tile[data-status="needs_help"]').getByTestId('health-notice')).toContainText(
    'The bot needs help to get in',
  );

  // The meeting's page says it too.
  await nav(page, /Library/);
  await row(page, 'nhp-help-mtg')
    .getByRole('button', { name: /nhp-help-mtg/ })
    .first()
    .click();
  await expect(page.getByTestId('health-notice')).toContainText('The bot needs help to get in');
});

test('g2: chat is shown among the captions, marked as chat, and exported unless left out', async ({ page }) => {
  await start(page, { profile: 'g2', scenario: 'normal', timeScale: 60 });
  await sendLink(page, 'https://meet.google.com/cht-line-mtg');
  const card = meetingCard(page, 'cht-line-mtg');
  await expect(card).toHaveAttribute('data-status', 'completed', { timeout: 20_000 });
  await nav(page, /Library/);
  const meetingRow = row(page, 'cht-line-mtg');
  await expect(meetingRow.getByText('Transcript on this computer')).toBeVisible();
  await meetingRow
    .getByRole('button', { name: /cht-line-mtg/ })
    .first()
    .click();

  const transcript = page.getByRole('region', { name: /^Transcript of / });
  const chatTurn = transcript.locator('.caption-turn[data-source="chat"]');
  // The list draws only the turns in view: finding the message brings it into view.
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('searchbox', { name: 'Find in captions' }).or(page.getByLabel('Find in captions')).first().fill('prototype');
  await expect(chatTurn).toBeVisible();
  await expect(chatTurn).toContainText('Priya Raman');
  await expect(chatTurn).toContainText('in chat');
  await expect(chatTurn).toContainText('Here is the prototype link');
  // Interleaved: the chat turn sits between the lines said before and after it.
  const texts = await transcript.locator('.caption-turn').allTextContents();
  expect(texts.length).toBeGreaterThan(2);
  const at = texts.findIndex((t) => t.includes('Here is the prototype link'));
  expect(texts[at - 1]).toContain('It explains itself at the right moment');
  expect(texts[at + 1]).toContain('Engineering cost is small');
  await snap(page, test.info(), 'meeting-info-chat-g2');

  await page.getByRole('button', { name: /^Export & share / }).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export transcript' });
  const include = dialog.getByRole('checkbox', { name: 'Include chat messages' });
  await expect(include).toBeChecked();
  const save = async (): Promise<string> => {
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download .txt' }).click();
    return readFileSync(await (await download).path(), 'utf8');
  };
  expect(await save()).toMatch(/\] Priya Raman \(chat\): Here is the prototype link/);
  await page.getByRole('button', { name: /^Export & share / }).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  await include.uncheck();
  expect(await save()).not.toContain('prototype link');
});
