import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { startSimulator, type SimProfile, type Simulator } from '../../electron/simulator';
import { connectIpc, must } from '../support/ipcClient';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';

// Export, copy, share and AI hand-off from a past meeting of the Library, in the browser-served
// app against the simulator: G2 makes public share links, G3 mints tokens for other Vexa users.

const MEETING = 'June release planning';

let app: LaunchedApp | null = null;
let otherServer: Simulator | null = null;

test.afterEach(async () => {
  await app?.close();
  app = null;
  await otherServer?.close();
  otherServer = null;
});

const goTo = (page: Page, screen: 'Launch' | 'Library' | 'Settings') =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(screen) })
    .click();

async function start(page: Page, profile: SimProfile): Promise<LaunchedApp> {
  app = await launchApp({ profile });
  await connect(page, app);
  await goTo(page, 'Library');
  await expect(page.getByRole('list', { name: 'Meetings' })).toBeVisible();
  return app;
}

/** Opens the meeting's actions menu and picks an item. */
async function pick(page: Page, item: string | RegExp, meeting = MEETING): Promise<void> {
  await page.getByRole('button', { name: `Export & share ${meeting}`, exact: true }).click();
  const menu = page.getByRole('menu', { name: `Export & share ${meeting}`, exact: true });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: item }).click();
  await expect(menu).toBeHidden();
}

const toast = (page: Page): Locator => page.getByTestId('toast');
const preview = (page: Page): Locator => page.getByTestId('export-preview');
const exportDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Export transcript' });
/** The last URL handed to the opener, and its prompt. */
function lastOpened(app: LaunchedApp): { url: string; prompt: string } {
  const url = app.ports.opener.opened.at(-1) ?? '';
  return { url, prompt: new URL(url).searchParams.get('q') ?? '' };
}

async function exportFlow(page: Page, profile: SimProfile, save: 'button' | 'enter'): Promise<void> {
  await pick(page, 'Export…');
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(MEETING);
  await expect(preview(page)).toContainText('MEETING TRANSCRIPT');
  await expect(preview(page)).toContainText('Platform: Google Meet');
  await snap(page, test.info(), `export-${profile}-dialog-txt`);

  await dialog.getByRole('radio', { name: 'Subtitles (SRT)' }).check();
  await expect(preview(page)).toHaveText(/^1\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n/);
  // Subtitles always count from the start: the clock-time choice is off for them.
  await expect(dialog.getByRole('radio', { name: 'Clock time' })).toBeDisabled();

  await dialog.getByRole('radio', { name: 'Web captions (WebVTT)' }).check();
  await expect(preview(page)).toHaveText(/^WEBVTT\n\n/);
  await expect(preview(page)).toContainText('<v ');

  // A range the export cannot use is refused in place and nothing is saved.
  await dialog.getByLabel('To').fill('2:7x');
  await expect(dialog.getByRole('alert')).toContainText('minutes and seconds');
  await dialog.getByLabel('To').fill('');
  await snap(page, test.info(), `export-${profile}-dialog-vtt`);

  const download = page.waitForEvent('download');
  if (save === 'enter') await dialog.getByRole('radio', { name: /WebVTT/ }).press('Enter');
  else await dialog.getByRole('button', { name: 'Download .vtt' }).click();
  const file = await download;
  // Named after the day the meeting started (the simulator's seed: 26 hours ago) where the person
  // is, never today's date.
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const day = (ms: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(ms);
  const started = Date.now() - 26 * 3_600_000;
  const days = new Set([day(started - 120_000), day(started + 120_000)]);
  expect(days).not.toContain(day(Date.now()));
  expect([...days].map((d) => `${MEETING} ${d}.vtt`)).toContain(file.suggestedFilename());
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.startsWith('WEBVTT\n')).toBe(true);
  expect(text).toMatch(/\n00:00:\d\d\.\d{3} --> 00:00:\d\d\.\d{3}\n<v [^>]+>/);
  await expect(dialog).toBeHidden();
  await expect(toast(page)).toContainText(`Downloaded ${file.suggestedFilename()}`);
}

async function copyFlow(page: Page, app: LaunchedApp, profile: SimProfile): Promise<void> {
  await pick(page, 'Copy as Markdown');
  await expect(toast(page)).toContainText('Copied the transcript as Markdown');
  const markdown = await app.ports.clipboard.readText();
  expect(markdown.startsWith(`# ${MEETING}`)).toBe(true);
  expect(markdown).toContain('## Transcript');
  await snap(page, test.info(), `export-${profile}-copied`);

  await pick(page, 'Copy as text');
  await expect(toast(page)).toContainText('Copied the transcript as text');
  const text = await app.ports.clipboard.readText();
  expect(text.startsWith(`MEETING TRANSCRIPT\n\nMeeting: ${MEETING}\nPlatform: Google Meet\n`)).toBe(true);
}

test('g2: export with a live preview, copy, a public share link with its countdown, and ChatGPT with the link', async ({ page }) => {
  const app = await start(page, 'g2');
  await exportFlow(page, 'g2', 'button');
  await copyFlow(page, app, 'g2');

  await page.getByRole('button', { name: `Export & share ${MEETING}` }).click();
  await snap(page, test.info(), 'export-g2-menu');
  await page.keyboard.press('Escape');

  await pick(page, 'Share link…');
  const share = page.getByRole('dialog', { name: 'Share a link to the transcript' });
  await expect(share).toContainText('Anyone with the link can read the transcript until it expires');
  await share.getByRole('radio', { name: '15 minutes' }).check();
  await expect(share.locator('[data-checked="true"]')).toHaveText('15 minutes');
  await snap(page, test.info(), 'export-g2-share-create');
  await share.getByRole('button', { name: 'Create link' }).click();
  const field = share.getByLabel('Link', { exact: true });
  await expect(field).toHaveValue(new RegExp(`^${app.simulatorUrl}/public/transcripts/[\\w-]{22}\\.txt$`));
  const url = await field.inputValue();
  const countdown = share.getByTestId('share-expiry');
  await expect(countdown).toHaveText(/Expires in \d\d:\d\d/);
  const first = await countdown.textContent();
  await expect.poll(() => countdown.textContent()).not.toBe(first);
  await expect(share).toContainText('Anyone with the link can read the transcript until it expires');

  await share.getByRole('button', { name: 'Copy' }).click();
  await expect(share.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await app.ports.clipboard.readText()).toBe(url);
  const served = await fetch(url);
  expect((await served.text()).startsWith('MEETING TRANSCRIPT\n')).toBe(true);
  await snap(page, test.info(), 'export-g2-share-link');
  await share.getByRole('button', { name: 'Done' }).click();
  await expect(share).toBeHidden();

  await pick(page, 'Open in ChatGPT');
  await expect(toast(page)).toContainText('Opened ChatGPT with a link to the transcript');
  expect(app.ports.opener.opened).toHaveLength(1);
  const opened = lastOpened(app);
  expect(opened.url.startsWith('https://chatgpt.com/')).toBe(true);
  expect(opened.url).toContain(encodeURIComponent(`${app.simulatorUrl}/public/transcripts/`));
  expect(opened.prompt).toMatch(
    new RegExp(`^Read the meeting transcript at ${app.simulatorUrl}/public/transcripts/\\S+\\.txt so I can ask questions about it\\.$`),
  );

  // A template edited in Settings is what the next hand-off asks.
  await goTo(page, 'Settings');
  const prompts = page.getByRole('region', { name: 'AI prompts' });
  await prompts.getByLabel('ChatGPT', { exact: true }).fill('Summarise {url} as three bullet points.');
  await expect(prompts.getByRole('button', { name: 'Reset the ChatGPT prompt to the default' })).toBeVisible();
  await prompts.getByRole('button', { name: 'Save prompts' }).click();
  await expect(prompts.getByRole('button', { name: 'Undo changes' })).toBeHidden();
  await prompts.scrollIntoViewIfNeeded();
  await snap(page, test.info(), 'export-g2-settings-prompts');
  await goTo(page, 'Library');
  await pick(page, 'Open in ChatGPT');
  await expect.poll(() => app.ports.opener.opened.length).toBe(2);
  expect(lastOpened(app).prompt).toMatch(
    new RegExp(`^Summarise ${app.simulatorUrl}/public/transcripts/\\S+\\.txt as three bullet points\\.$`),
  );
});

test('g3: export saved with Enter, copy, a token for another Vexa user, and ChatGPT through the clipboard', async ({ page }) => {
  const app = await start(page, 'g3');
  await exportFlow(page, 'g3', 'enter');
  await copyFlow(page, app, 'g3');

  await pick(page, 'Share with a Vexa user…');
  const share = page.getByRole('dialog', { name: 'Share with a Vexa user' });
  await expect(share).toContainText('they redeem it in their Vexa client');
  await snap(page, test.info(), 'export-g3-share-create');
  await share.getByRole('button', { name: 'Create token' }).click();
  const field = share.getByLabel('Token', { exact: true });
  await expect(field).toHaveValue(/^\d+\.\S{8,}$/);
  await expect(share.getByTestId('share-expiry')).toHaveText(/Expires in \d+ h \d\d min/);
  await share.getByRole('button', { name: 'Copy' }).click();
  // The copy goes through the core: the clipboard holds the token once that round trip is done.
  const token = await field.inputValue();
  await expect.poll(() => app.ports.clipboard.readText()).toBe(token);
  await snap(page, test.info(), 'export-g3-share-token');
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();

  await pick(page, 'Open in ChatGPT');
  await expect(toast(page)).toHaveText(/The transcript is on your clipboard — paste it into ChatGPT/);
  expect(app.ports.opener.opened).toHaveLength(1);
  expect(lastOpened(app).url.startsWith('https://chatgpt.com/')).toBe(true);
  expect(lastOpened(app).prompt).toMatch(/paste a meeting transcript/);
  const text = await app.ports.clipboard.readText();
  expect(text.startsWith(`MEETING TRANSCRIPT\n\nMeeting: ${MEETING}\nPlatform: Google Meet\n`)).toBe(true);
  await snap(page, test.info(), 'export-g3-handoff-clipboard');

  // Settings say the templates do not apply on a server without public links.
  await goTo(page, 'Settings');
  await expect(page.getByRole('region', { name: 'AI prompts' })).toContainText('This server does not make public links');
});

/** Sends a bot to a G2 meeting, admits it and opens its live captions. */
async function followLive(page: Page): Promise<LaunchedApp> {
  const app = await start(page, 'g2');
  await goTo(page, 'Launch');
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  const card = meetingCard(page, 'abc-defg-hij');
  app.simulator.admit(await meetingIdOf(card));
  await expect(card).toHaveAttribute('data-status', 'active');
  await card.getByRole('button', { name: 'Open live captions' }).click();
  return app;
}

test('a meeting followed live offers the same actions in its header', async ({ page }) => {
  await followLive(page);
  await expect(page.getByRole('region', { name: /^Captions of / })).toBeVisible();

  await page.getByRole('button', { name: /^Export & share / }).click();
  await expect(page.getByRole('menuitem', { name: 'Open in Claude' })).toBeVisible();
  await snap(page, test.info(), 'export-live-menu');
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  await expect(preview(page)).toContainText('Meeting ID: abc-defg-hij');
  await snap(page, test.info(), 'export-live-dialog');
  await page.keyboard.press('Escape');
  await expect(exportDialog(page)).toBeHidden();
  // Focus goes back to the button that opened the menu.
  await expect(page.getByRole('button', { name: /^Export & share / })).toBeFocused();

  // Ctrl+E opens the export dialog straight away, as the menu and the button say.
  await expect(page.getByRole('button', { name: /^Export & share / })).toHaveAttribute('aria-keyshortcuts', 'Control+E Meta+E');
  await page.getByRole('region', { name: /^Captions of / }).click();
  await page.keyboard.press('Control+E');
  await expect(exportDialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(exportDialog(page)).toBeHidden();
  // In the library the shortcut belongs to the opened meeting, not to the rows of the list.
  await goTo(page, 'Library');
  await page.keyboard.press('Control+E');
  await expect(exportDialog(page)).toBeHidden();
  await page
    .getByRole('list', { name: 'Meetings' })
    .getByRole('button', { name: /^June release planning/ })
    .click();
  // The shortcut is the opened meeting's: press it once the meeting is on screen, as a person would.
  await expect(page.getByRole('heading', { level: 2, name: /June release planning/ })).toBeVisible();
  await page.keyboard.press('Control+E');
  await expect(exportDialog(page)).toContainText(MEETING);
});

test('the speaker filter keeps only the ticked speakers in the export', async ({ page }) => {
  await start(page, 'g2');
  await pick(page, 'Export…');
  const dialog = exportDialog(page);
  await expect(preview(page)).toContainText('MEETING TRANSCRIPT');
  const speakers = dialog.getByRole('group', { name: 'Speakers' }).getByRole('checkbox');
  await expect(speakers).toHaveCount(3);
  const first = (await dialog.getByRole('group', { name: 'Speakers' }).locator('label').first().innerText()).trim();
  await expect(preview(page)).toContainText(`${first}:`);
  await speakers.first().uncheck();
  await expect(preview(page)).not.toContainText(`${first}:`);
  await expect(preview(page)).toContainText('MEETING TRANSCRIPT');
});

test('a meeting of another server is exported and copied from this computer, without a share link', async ({ page }) => {
  const app = await start(page, 'g2');
  const rows = page.getByRole('list', { name: 'Meetings' });
  await expect(rows.getByText('Transcript on this computer')).toHaveCount(3);

  // The person switches to another server; the first server's meetings stay in the library.
  otherServer = await startSimulator({ profile: 'g3', port: 0, apiKeys: [app.apiKey] });
  const ipc = await connectIpc(app.url);
  must(await ipc.invoke('connection:connect', { url: otherServer.url, apiKey: app.apiKey }));
  ipc.close();

  await page.getByRole('button', { name: `Export & share ${MEETING}` }).click();
  const menu = page.getByRole('menu', { name: `Export & share ${MEETING}` });
  await expect(menu.getByRole('menuitem', { name: 'Export…' })).toBeVisible();
  // Once the other server is the connected one, the share item goes: links come from a meeting's own server.
  await expect(menu.getByRole('menuitem', { name: /Share/ })).toHaveCount(0);
  await snap(page, test.info(), 'export-other-server-menu');
  await menu.getByRole('menuitem', { name: 'Copy as text' }).click();
  await expect(toast(page)).toContainText('Copied the transcript as text');
  const copied = await app.ports.clipboard.readText();
  expect(copied).toMatch(/^MEETING TRANSCRIPT/);
  expect(copied).toContain('Meeting ID: kqv-mzrp-tdx');

  await pick(page, 'Export…');
  await expect(preview(page)).toContainText('Meeting ID: kqv-mzrp-tdx');
  const download = page.waitForEvent('download');
  await exportDialog(page).getByRole('button', { name: 'Download .txt' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(copied);
});

test('with the server gone mid-meeting, the export holds the lines on this computer and says so', async ({ page }) => {
  const app = await followLive(page);
  // Captions are flowing (the first line may already have scrolled out of the live view when the
  // page opened late; the export below must still hold it).
  await expect(page.getByRole('region', { name: /^Captions of / })).toContainText(/Lindqvist|Okafor|Raman/);
  // The confirmed lines reach this computer's library in batches; the server goes once some have.
  const ipc = await connectIpc(app.url);
  await expect
    .poll(async () => must(await ipc.invoke('library:list', {})).find((m) => m.nativeMeetingId === 'abc-defg-hij')?.segmentCount ?? 0)
    .toBeGreaterThan(0);
  ipc.close();
  await app.simulator.close();

  await page.keyboard.press('Control+E');
  await expect(preview(page)).toContainText('MEETING TRANSCRIPT');
  await expect(exportDialog(page)).toContainText('The server cannot be reached, so this holds only the lines on this computer.');
  await snap(page, test.info(), 'export-partial-offline');
  const download = page.waitForEvent('download');
  await exportDialog(page).getByRole('button', { name: 'Download .txt' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toContain('Morning');
  await expect(toast(page)).toContainText('only the lines on this computer');
});

test('a meeting the server named with 600 characters previews, exports, copies and shares', async ({ page }) => {
  // G1/G2 take a name of any length; the window's requests carry the meeting's ids, not its name.
  const long = `Quarterly planning ${'with every team lead and the whole roadmap '.repeat(14)}`.slice(0, 600);
  app = await launchApp({ profile: 'g2' });
  const renamed = await fetch(`${app.simulatorUrl}/meetings/google_meet/kqv-mzrp-tdx`, {
    method: 'PATCH',
    headers: { 'X-API-Key': app.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { name: long } }),
  });
  expect(renamed.status).toBe(200);
  await connect(page, app);
  await goTo(page, 'Library');
  await expect(page.getByRole('list', { name: 'Meetings' })).toBeVisible();

  await pick(page, 'Export…', long);
  await expect(preview(page)).toContainText('MEETING TRANSCRIPT');
  const download = page.waitForEvent('download');
  await exportDialog(page).getByRole('button', { name: 'Download .txt' }).click();
  const file = await download;
  expect(file.suggestedFilename().startsWith(long.slice(0, 100))).toBe(true);
  expect(readFileSync(await file.path(), 'utf8')).toMatch(/^MEETING TRANSCRIPT\n/);
  await expect(toast(page)).toContainText('Downloaded');

  await pick(page, 'Copy as Markdown', long);
  await expect(toast(page)).toContainText('Copied the transcript as Markdown');
  expect(await app.ports.clipboard.readText()).toMatch(new RegExp(`^# ${long}\n`));

  await pick(page, 'Share link…', long);
  const share = page.getByRole('dialog', { name: 'Share a link to the transcript' });
  await share.getByRole('button', { name: 'Create link' }).click();
  await expect(share.getByLabel('Link', { exact: true })).toHaveValue(new RegExp(`^${app.simulatorUrl}/public/transcripts/`));
});

test('notes written in the library keep their line breaks in the exported text', async ({ page }) => {
  const app = await start(page, 'g2');
  const list = page.getByRole('list', { name: 'Meetings' });
  await list
    .getByRole('listitem')
    .filter({ hasText: MEETING })
    .getByRole('button', { name: new RegExp(`^${MEETING}`) })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(MEETING) })).toBeVisible();
  await page.getByRole('textbox', { name: 'Notes' }).fill('Agenda:\n1. Budget (UX test)\n2. Hiring\n\nDecide by Friday.');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByTestId('edit-state-notes')).toHaveText('Saved');

  await pick(page, 'Copy as text');
  await expect(toast(page)).toContainText('Copied the transcript as text');
  expect(await app.ports.clipboard.readText()).toContain('\nNotes:\nAgenda:\n1. Budget (UX test)\n2. Hiring\n\nDecide by Friday.\n\n---\n');

  await pick(page, 'Copy as Markdown');
  await expect(toast(page)).toContainText('Copied the transcript as Markdown');
  expect(await app.ports.clipboard.readText()).toContain(
    '## Notes\n\nAgenda:\\\n1\\. Budget (UX test)\\\n2\\. Hiring\n\nDecide by Friday.\n',
  );
});
