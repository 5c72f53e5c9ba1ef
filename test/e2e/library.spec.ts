import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import type { SimProfile } from '../../electron/simulator';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, snap } from './support/launch';

// The offline library in the browser-served app against the simulator: the seeded meetings are
// synced into the local cache, searched, opened at a hit, renamed (G2 sends it, G3 keeps it here),
// read and searched with the server gone, edited offline and replayed, and deleted locally.

const PLANNING = 'June release planning';
// Said once, in the planning meeting only (electron/simulator/script.ts).
const WORD = 'telemetry';

let app: LaunchedApp | null = null;

test.afterEach(async () => {
  await app?.close();
  app = null;
});

const nav = (page: Page, name: RegExp): Promise<void> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const meetingList = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' });
const row = (page: Page, name: string): Locator => meetingList(page).getByRole('listitem').filter({ hasText: name });
const search = (page: Page): Locator => page.getByRole('combobox', { name: 'Search all meetings' });
const results = (page: Page): Locator => page.getByRole('listbox', { name: 'Search results' });
const transcript = (page: Page): Locator => page.getByRole('region', { name: /^Transcript of / });
const offlineBadge = (page: Page): Locator => page.getByRole('banner').getByRole('button', { name: /^Offline\. Open the library/ });
const editState = (page: Page, field: string): Locator => page.getByTestId(`edit-state-${field}`);

async function openLibrary(page: Page, profile: SimProfile): Promise<LaunchedApp> {
  app = await launchApp({ profile });
  await connect(page, app);
  await nav(page, /Library/);
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(3);
  // The background download brings every transcript to this computer.
  await expect(meetingList(page).getByText('Transcript on this computer')).toHaveCount(3);
  await expect(page.getByTestId('sync-bar')).toContainText(/Synced (just now|\d+ min ago)/);
  return app;
}

async function openMeeting(page: Page, name: string): Promise<void> {
  await row(page, name)
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
}

async function rename(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `${from}, rename` }).click();
  const field = page.getByRole('textbox', { name: 'Meeting name' });
  await expect(field).toBeFocused();
  await field.fill(to);
  await field.press('Enter');
  await expect(page.getByRole('button', { name: `${to}, rename` })).toBeVisible();
}

async function back(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Back to (library|search results)$/ }).click();
  await expect(search(page)).toBeVisible();
}

test('g3: search to the segment, a rename kept on this computer, the timeline, reading offline, local delete', async ({ page }) => {
  test.setTimeout(60_000);
  const app = await openLibrary(page, 'g3');
  await expect(row(page, PLANNING)).toContainText('Google Meet');
  await snap(page, test.info(), 'library-g3-list');
  // The arrow keys move between rows.
  await meetingList(page)
    .getByRole('button', { name: new RegExp(`^${PLANNING}`) })
    .focus();
  await page.keyboard.press('ArrowDown');
  await expect(meetingList(page).getByRole('button', { name: /^Design review: onboarding/ })).toBeFocused();

  // As-you-type: the first letters already find the word, highlighted in its snippet.
  await page.keyboard.press('Control+K');
  await expect(search(page)).toBeFocused();
  await page.keyboard.type(WORD.slice(0, 6));
  const hit = results(page).getByRole('option').filter({ hasText: 'Daniel Okafor' }).first();
  await expect(hit.locator('mark')).toHaveText(/^telemetry$/i);
  await expect(hit).toContainText(PLANNING);
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await snap(page, test.info(), 'library-g3-search');

  await search(page).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(PLANNING) })).toBeVisible();
  const marked = transcript(page).locator('mark', { hasText: /^telemetry$/i });
  await expect(marked).toBeVisible();
  await expect(marked).toHaveAttribute('data-current', 'true');
  await snap(page, test.info(), 'library-g3-opened-at-hit');

  // The server's status trail, with the time spent in each state.
  const timeline = page.getByRole('region', { name: 'Status timeline' });
  await expect(timeline).toContainText('From the server’s history');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Waiting in the lobby' })).toContainText(/\d+ s/);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Completed' })).toContainText('Everyone else left, so the bot left too.');
  await timeline.scrollIntoViewIfNeeded();
  await snap(page, test.info(), 'library-g3-timeline');

  // G3 cannot rename a past meeting: the new name stays here, and says so.
  await rename(page, PLANNING, 'Release plan (mine)');
  await expect(editState(page, 'name')).toHaveText('Kept on this computer');
  await expect(page.getByText('This server version cannot rename past meetings.')).toBeVisible();
  await snap(page, test.info(), 'library-g3-kept-local');

  await back(page);
  await expect(search(page)).toBeFocused();
  await search(page).fill('');
  await expect(row(page, 'Release plan (mine)')).toBeVisible();

  // The server goes away: the cache still lists, opens and searches.
  await app.simulator.close();
  await page.getByRole('button', { name: /Refresh the library/ }).click();
  await expect(page.getByTestId('sync-bar')).toContainText('Offline — showing what is on this computer');
  await expect(offlineBadge(page)).toBeVisible();
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(3);
  await snap(page, test.info(), 'library-g3-offline-list');

  await openMeeting(page, 'Support sync');
  await expect(transcript(page).getByRole('listitem').first()).toBeVisible();
  await back(page);
  await search(page).fill('picker');
  const options = results(page).getByRole('option');
  await expect(options).toHaveCount(5);
  await expect(options.first().locator('mark').first()).toHaveText(/^picker$/i);
  await snap(page, test.info(), 'library-g3-offline-search');
  // The keyboard walks the results; Enter opens the chosen line.
  await search(page).press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const line = (await options.nth(1).locator('.search-hit-text').textContent())?.replace(/^…|…$/g, '').trim() ?? '';
  await search(page).press('Enter');
  await expect(transcript(page).locator('mark[data-current]')).toHaveText(/^picker$/i);
  await expect(transcript(page).getByText(line)).toBeVisible();
  await back(page);
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await search(page).press('Escape');
  await expect(search(page)).toHaveValue('');

  // Delete from this computer only, in two steps.
  await openMeeting(page, 'Design review: onboarding');
  await page.getByRole('button', { name: 'Delete…' }).click();
  const choose = page.getByRole('dialog', { name: /^Delete “Design review: onboarding”/ });
  await expect(choose.getByRole('radio', { name: /From this computer only/ })).toBeChecked();
  await choose.getByRole('button', { name: 'Continue' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove from this computer?' });
  await snap(page, test.info(), 'library-g3-delete-confirm');
  await confirm.getByRole('button', { name: 'Remove from this computer' }).click();
  await expect(confirm).toBeHidden();
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(2);
  await expect(row(page, 'Design review: onboarding')).toHaveCount(0);

  // Settings show what the library holds; clearing it asks first.
  await nav(page, /Settings/);
  const section = page.getByRole('region', { name: 'Local library' });
  await expect(section.getByTestId('library-stats')).toContainText('2 meetings');
  await expect(section.getByTestId('library-stats')).toContainText(/last synced (just now|\d+ min ago)/);
  await section.scrollIntoViewIfNeeded();
  await snap(page, test.info(), 'library-g3-settings');
  await section.getByRole('button', { name: 'Clear library…' }).click();
  const clear = page.getByRole('dialog', { name: 'Clear the local library?' });
  await expect(clear).toContainText('Nothing is deleted on any server');
  await expect(clear).toContainText('1 edit has not reached a server');
  await clear.getByRole('button', { name: 'Clear library' }).click();
  await expect(clear).toBeHidden();
  await expect(section.getByTestId('library-stats')).toContainText('0 meetings');
  await nav(page, /Library/);
  await expect(page.getByRole('heading', { name: 'No meetings yet' })).toBeVisible();
});

/** A meeting row as the simulator lists it (its `data` carries name and notes on G2). */
interface ServerRow {
  id: number;
  native_meeting_id: string | null;
  data: Record<string, unknown>;
}

async function serverRows(app: LaunchedApp): Promise<ServerRow[]> {
  const response = await fetch(`${app.simulatorUrl}/meetings`, { headers: { 'X-API-Key': app.apiKey } });
  return ((await response.json()) as { meetings: ServerRow[] }).meetings;
}

async function serverMeeting(app: LaunchedApp, nativeId: string): Promise<ServerRow | undefined> {
  return (await serverRows(app)).find((m) => m.native_meeting_id === nativeId);
}

/** The answer to reading a transcript by its meeting link: its status and how many segments came. */
async function serverTranscript(app: LaunchedApp, platform: string, nativeId: string): Promise<{ status: number; segments: number }> {
  const response = await fetch(`${app.simulatorUrl}/transcripts/${platform}/${nativeId}`, { headers: { 'X-API-Key': app.apiKey } });
  const body = (await response.json()) as { segments?: unknown[] };
  return { status: response.status, segments: body.segments?.length ?? 0 };
}

test('g2: a rename saved on the server, an edit made offline waits and is sent when the server is back, delete on the server', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const app = await openLibrary(page, 'g2');
  await openMeeting(page, PLANNING);

  await rename(page, PLANNING, 'June release: the plan');
  await expect(editState(page, 'name')).toHaveText('Saved');
  await expect.poll(async () => (await serverMeeting(app, 'kqv-mzrp-tdx'))?.data.name).toBe('June release: the plan');
  const participants = page.getByRole('textbox', { name: 'Add to participants' });
  await participants.fill('Maya Lindqvist');
  await participants.press('Enter');
  await participants.fill('Daniel Okafor');
  await participants.press('Enter');
  await expect(page.getByRole('list', { name: 'Participants' }).getByRole('listitem')).toHaveCount(3);
  await expect(editState(page, 'participants')).toHaveText('Saved');
  await expect.poll(async () => (await serverMeeting(app, 'kqv-mzrp-tdx'))?.data.participants).toEqual(['Maya Lindqvist', 'Daniel Okafor']);
  const timeline = page.getByRole('region', { name: 'Status timeline' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Transcribing' })).toContainText(/\d+ min \d\d s|\d+ s/);
  await snap(page, test.info(), 'library-g2-saved');

  // The server goes down (every request, the live socket too): the app says it works offline.
  app.simulator.setFault({ status: 503, body: 'down', count: 1000 });
  app.simulator.dropSockets();
  await expect(offlineBadge(page)).toBeVisible();
  // Said once: the live indicator does not repeat "Offline" (nor say Connected), the server pill is not connected.
  await expect(page.getByRole('banner').getByRole('button', { name: /^Live updates: (Offline|Connected)/ })).toHaveCount(0);
  await expect(page.getByRole('banner')).not.toContainText(/Offline.*Offline/);
  await expect(page.getByRole('banner').getByRole('button', { name: /, offline\. Open server settings$/ })).toBeVisible();

  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.fill('Decision: the conflict picker ships behind a flag.');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(editState(page, 'notes')).toHaveText('Waiting for connection');
  await expect(page.getByText('Kept on this computer and sent when the server is back.')).toBeVisible();
  await snap(page, test.info(), 'library-g2-waiting');

  await back(page);
  await expect(row(page, 'June release: the plan')).toContainText('edited here');

  // Back up: Refresh (or the live connection coming back) syncs, which sends the waiting edit.
  app.simulator.setFault(null);
  await page.getByRole('button', { name: /^(Refresh the library|Retry syncing)/ }).click();
  await expect(page.getByTestId('sync-bar')).toContainText(/Synced (just now|\d+ min ago)/);
  await expect(offlineBadge(page)).toBeHidden();
  await openMeeting(page, 'June release: the plan');
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('Decision: the conflict picker ships behind a flag.');
  await expect(editState(page, 'notes')).toHaveText('Saved');
  await expect
    .poll(async () => (await serverMeeting(app, 'kqv-mzrp-tdx'))?.data.notes)
    .toBe('Decision: the conflict picker ships behind a flag.');
  await snap(page, test.info(), 'library-g2-replayed');

  // Delete on the server: a second step that needs the meeting's name.
  await back(page);
  const support = await serverMeeting(app, '84213579601');
  expect(support, 'the seeded meeting is on the server before the delete').toBeDefined();
  expect((await serverTranscript(app, 'zoom', '84213579601')).segments).toBeGreaterThan(0);
  await openMeeting(page, 'Support sync');
  await page.getByRole('button', { name: 'Delete…' }).click();
  const choose = page.getByRole('dialog', { name: /^Delete “Support sync”/ });
  await choose.getByRole('radio', { name: /From the server too/ }).check();
  await choose.getByRole('button', { name: 'Continue' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete for everyone?' });
  await expect(confirm).toContainText('This cannot be undone.');
  const button = confirm.getByRole('button', { name: 'Delete for everyone' });
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await confirm.getByRole('textbox', { name: /Type the meeting’s name to confirm/ }).fill('Support sync');
  await snap(page, test.info(), 'library-g2-delete-server');
  await button.click();
  await expect(confirm).toBeHidden();
  await expect(row(page, 'Support sync')).toHaveCount(0);
  // G2 deletes the transcript and anonymises the row (its link is cleared, its data reduced to
  // `redacted`), so the same row is looked up by id and the old link reads nothing.
  await expect
    .poll(async () => (await serverRows(app)).find((m) => m.id === support!.id))
    .toMatchObject({ native_meeting_id: null, data: { redacted: true } });
  expect(await serverTranscript(app, 'zoom', '84213579601')).toEqual({ status: 404, segments: 0 });
  // A sync with the server does not bring it back, and neither does opening the app again.
  await page.getByRole('button', { name: /^Refresh the library/ }).click();
  await expect(page.getByTestId('sync-bar')).toContainText(/Synced (just now|\d+ min ago)/);
  await page.reload();
  await nav(page, /Library/);
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(2);
  await expect(row(page, 'Support sync')).toHaveCount(0);

  // Ctrl+K searches the library from any screen.
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Launch' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await expect(search(page)).toBeFocused();
});
