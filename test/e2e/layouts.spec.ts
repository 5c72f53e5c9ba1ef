import type { Locator, Page } from '@playwright/test';
import { fakeLoginItems } from '../support/fakeLoginItems';
import { launchApp, type LaunchedApp } from './support/app';
import { asDesktopApp } from './support/desktop';
import { steppedUpdater } from './support/fakeUpdater';
import { brokenWords, reachable, truncatedWithoutFullText, windowOverflow, wordsCoveredBy, wordsSticking } from './support/layoutProbe';
import { connect, linkField, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';
import { addServer, goTo } from './support/servers';
import { expect, test } from './support/test';

// Every screen from the window's minimum width (720 px) to a wide monitor, and at 200 % zoom,
// measured rather than eyeballed: no word split across lines where it would fit on one, no text
// cut short without its full text, no sideways scrolling, the buttons that matter inside the
// window and not under anything, nothing floating over text. Screenshots of each width in both
// themes go to test-results/e2e/screens.

const WIDTHS = [720, 1024, 1440] as const;
const HEIGHT = 800;
const TEAMS_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ0MjY4ZTgtNGU0Ni00YWFhLWE0ZjYtZWE4NWY2YjE4ZjQ3%40thread.v2/0';
const LONG_NAME = 'Quarterly planning with every team lead, the whole roadmap and the hiring plan for the second half of the year';
const LONG_TOKEN_NAME = 'Retro: https://wiki.example.com/engineering/retrospectives/2026/onboarding-and-notifications';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

/** Names two past meetings as people do: one long sentence, one with a link that cannot wrap at a space. */
async function nameSeededMeetings(a: LaunchedApp): Promise<void> {
  for (const [platform, id, name] of [
    ['google_meet', 'kqv-mzrp-tdx', LONG_NAME],
    ['teams', '93817264501', LONG_TOKEN_NAME],
  ] as const) {
    const response = await fetch(`${a.simulatorUrl}/meetings/${platform}/${id}`, {
      method: 'PATCH',
      headers: { 'X-API-Key': a.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { name } }),
    });
    expect(response.status).toBe(200);
  }
}

/** Connects, and sends two bots that are let in and keep talking (a Google Meet and a Teams meeting). */
async function withLiveMeetings(page: Page): Promise<LaunchedApp> {
  app = await launchApp({ profile: 'g2', scenario: 'long', timeScale: 10 });
  await nameSeededMeetings(app);
  await connect(page, app);
  for (const link of ['https://meet.google.com/abc-defg-hij', TEAMS_LINK]) {
    await sendLink(page, link);
    const card = page.getByRole('article').first();
    await expect(card).toHaveAttribute('data-status', /.+/);
    app.simulator.admit(await meetingIdOf(card));
  }
  await expect(page.locator('.meeting-card[data-status="active"]')).toHaveCount(2);
  return app;
}

/** What is wrong with the layout on screen now, in words; empty when nothing is. */
async function layoutProblems(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const w of await brokenWords(page))
    problems.push(`${where}: “${w.word}” is split across lines in ${w.where} (${w.contentWidth} px wide)`);
  for (const t of await truncatedWithoutFullText(page)) problems.push(`${where}: ${t} is cut short and its full text is nowhere`);
  for (const w of await wordsSticking(page)) problems.push(`${where}: ${w} sticks out of its box`);
  const overflow = await windowOverflow(page);
  if (overflow.sideways > 0) problems.push(`${where}: the window scrolls ${overflow.sideways} px sideways`);
  if (overflow.down > 0) problems.push(`${where}: the window itself scrolls ${overflow.down} px down`);
  return problems;
}

/** The control is reachable once the layout has settled (captions keep arriving and resize the panel). */
async function mustReach(control: Locator, what: string, found: string[], options: { scroll?: boolean } = {}): Promise<void> {
  let problem: string | null = null;
  await expect
    .poll(async () => (problem = await reachable(control, options)), { timeout: 5_000 })
    .toBeNull()
    .catch(() => undefined);
  if (problem) found.push(`${what}: ${problem}`);
}

/** Measures the screen and takes its picture in both themes. */
async function look(page: Page, name: string, found: string[]): Promise<void> {
  found.push(...(await layoutProblems(page, name)));
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await snap(page, test.info(), `layout-${name}-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const captions = (page: Page): Locator => page.getByRole('region', { name: /^Captions of / });
const meetingList = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' });
const exportDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Export transcript' });

for (const width of WIDTHS) {
  test(`at ${width} px wide every screen keeps its words whole, its buttons reachable and its text uncovered`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: HEIGHT });
    await withLiveMeetings(page);
    const found: string[] = [];

    // Launch, with two meetings in flight.
    await expect(page.locator('.meeting-card .meeting-history li')).not.toHaveCount(0);
    await linkField(page).fill('https://meet.google.com/xyz-abcd-efg');
    await mustReach(page.getByRole('button', { name: 'Send bot' }), `${width} launch: Send bot`, found, { scroll: true });
    await linkField(page).fill('');
    await look(page, `${width}-launch`, found);

    // Live: the tiles, then one meeting's captions read back while new ones arrive.
    await goTo(page, 'Live');
    const tiles = page.getByRole('article').filter({ has: page.getByRole('list', { name: 'Latest captions' }) });
    await expect(tiles).toHaveCount(2);
    for (const tile of await tiles.all()) await expect.poll(() => tile.locator('li').count()).toBeGreaterThan(1);
    await look(page, `${width}-live`, found);
    await page
      .getByRole('button', { name: /^Open live captions of .*abc-defg-hij/ })
      .first()
      .click();
    await expect.poll(async () => captions(page).evaluate((el) => el.scrollHeight > el.clientHeight + 200), { timeout: 40_000 }).toBe(true);
    const box = await captions(page).boundingBox();
    await page.mouse.move((box?.x ?? 0) + 100, (box?.y ?? 0) + 60);
    await page.mouse.wheel(0, -300);
    const jump = page.getByRole('button', { name: 'Jump to live' });
    await expect(jump).toBeVisible();
    const underJump = await wordsCoveredBy(jump);
    if (underJump.length > 0) found.push(`${width} live captions: Jump to live covers “${underJump.join(' ')}”`);
    await mustReach(jump, `${width} live captions: Jump to live`, found);
    await look(page, `${width}-captions`, found);

    // The library: the list, search results, a meeting, its export dialog and the toast after saving.
    await goTo(page, 'Library');
    await expect(meetingList(page).getByRole('listitem')).toHaveCount(5);
    await look(page, `${width}-library`, found);
    await page.getByRole('combobox', { name: 'Search all meetings' }).fill('telemetry');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
    await look(page, `${width}-search`, found);
    await page.getByRole('button', { name: 'Clear the search' }).click();
    await meetingList(page)
      .getByRole('button', { name: new RegExp(`^${LONG_NAME.slice(0, 30)}`) })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: /Quarterly planning/ })).toBeVisible();
    await look(page, `${width}-meeting`, found);
    await page.keyboard.press('Control+E');
    await expect(page.getByTestId('export-preview')).toContainText('MEETING TRANSCRIPT');
    const download = exportDialog(page).getByRole('button', { name: /^Download \./ });
    await mustReach(download, `${width} export dialog: Download`, found);
    await look(page, `${width}-export`, found);
    const file = page.waitForEvent('download');
    await download.click();
    await file;
    const toast = page.getByTestId('toast');
    await expect(toast).toContainText('Downloaded');
    // The transcript is read to its end, where the toast would sit.
    await page.getByRole('region', { name: /^Transcript of / }).evaluate((el) => (el.scrollTop = el.scrollHeight));
    const underToast = await wordsCoveredBy(toast);
    if (underToast.length > 0) found.push(`${width} meeting: the toast covers “${underToast.join(' ')}”`);
    await snap(page, test.info(), `layout-${width}-toast-light`);

    expect(found).toEqual([]);
  });
}

test('the export dialog of a 1280×800 screen shows Download without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  app = await launchApp({ profile: 'g2' });
  await nameSeededMeetings(app);
  await connect(page, app);
  await goTo(page, 'Library');
  await meetingList(page)
    .getByRole('button', { name: new RegExp(`^${LONG_NAME.slice(0, 30)}`) })
    .click();
  await expect(page.getByRole('button', { name: /^Export & share/ })).toBeVisible();
  await page.keyboard.press('Control+E');
  await expect(page.getByTestId('export-preview')).toContainText('MEETING TRANSCRIPT');
  const found: string[] = [];
  await mustReach(exportDialog(page).getByRole('button', { name: /^Download \./ }), '1280×800 export dialog: Download', found);
  await snap(page, test.info(), 'layout-1280x800-export');
  expect(found).toEqual([]);
});

test.describe('at 200 % zoom (a 1440 × 800 window shows 720 × 400 CSS pixels)', () => {
  test.use({ viewport: { width: 720, height: 400 }, deviceScaleFactor: 2 });

  test('the library, a meeting, its export dialog and Launch keep their words whole and their buttons reachable', async ({ page }) => {
    test.setTimeout(120_000);
    app = await launchApp({ profile: 'g2' });
    await nameSeededMeetings(app);
    await connect(page, app);
    const found: string[] = [];
    await linkField(page).fill('https://meet.google.com/xyz-abcd-efg');
    await mustReach(page.getByRole('button', { name: 'Send bot' }), 'zoomed launch: Send bot', found, { scroll: true });
    await look(page, 'zoom-launch', found);
    await goTo(page, 'Library');
    await expect(meetingList(page).getByRole('listitem')).toHaveCount(3);
    await look(page, 'zoom-library', found);
    await meetingList(page)
      .getByRole('button', { name: new RegExp(`^${LONG_NAME.slice(0, 30)}`) })
      .click();
    await look(page, 'zoom-meeting', found);
    await page.keyboard.press('Control+E');
    await expect(page.getByTestId('export-preview')).toContainText('MEETING TRANSCRIPT');
    await mustReach(exportDialog(page).getByRole('button', { name: /^Download \./ }), 'zoomed export dialog: Download', found);
    await mustReach(exportDialog(page).getByRole('button', { name: 'Cancel' }), 'zoomed export dialog: Cancel', found);
    await look(page, 'zoom-export', found);
    await page.keyboard.press('Escape');
    await goTo(page, 'Settings');
    await look(page, 'zoom-settings', found);
    expect(found).toEqual([]);
  });
});

test('the caption overlay closes when its meeting ends and never covers Send bot', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 720, height: 560 });
  app = await launchApp({ profile: 'g2', scenario: 'long', timeScale: 10, seed: false });
  await connect(page, app);
  await sendLink(page, 'https://meet.google.com/abc-defg-hij');
  const card = meetingCard(page, 'abc-defg-hij');
  app.simulator.admit(await meetingIdOf(card));
  await expect(card).toHaveAttribute('data-status', 'active');
  await card.getByRole('button', { name: 'Open live captions' }).click();
  await page.getByRole('button', { name: 'Overlay' }).click();
  const overlay = page.getByRole('complementary', { name: /^Caption overlay/ });
  await expect(overlay).toBeVisible();
  const found: string[] = [];
  await goTo(page, 'Launch');
  await linkField(page).fill('https://meet.google.com/xyz-abcd-efg');
  await mustReach(page.getByRole('button', { name: 'Send bot' }), 'Launch with the overlay open: Send bot', found, { scroll: true });
  await snap(page, test.info(), 'layout-overlay-open');
  await card.getByRole('button', { name: /Stop the bot/ }).click();
  await expect(card).toHaveAttribute('data-status', 'completed', { timeout: 20_000 });
  await expect(overlay).toBeHidden();
  await expect.poll(() => app?.ports.overlays.meetingId ?? null).toBeNull();
  await mustReach(page.getByRole('button', { name: 'Send bot' }), 'Launch after the meeting ended: Send bot', found, { scroll: true });
  await snap(page, test.info(), 'layout-overlay-after-end');
  expect(found).toEqual([]);
});

test('Settings of the desktop app (servers, start at login, shortcuts, updates) at 720, 1024 and 1440 px', async ({ page }) => {
  test.setTimeout(120_000);
  const updates = steppedUpdater([
    () => ({ kind: 'found', version: '0.2.0', notes: 'Faster sync of long libraries.\nCaptions follow the speaker.' }),
  ]);
  app = await launchApp({
    profile: 'g3',
    seed: false,
    decorateCore: asDesktopApp('linux'),
    loginItems: fakeLoginItems().items,
    updates: { updater: updates.updater, firstCheckMs: 0 },
    extraServers: [{ profile: 'g2', seed: false }],
  });
  await connect(page, app);
  await addServer(page, app.extra[0]!.url, app.extra[0]!.apiKey);
  await goTo(page, 'Settings');
  await expect(page.getByRole('list', { name: 'Servers' }).getByRole('listitem')).toHaveCount(2);
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    for (const region of ['Servers', 'Start at login', 'Global shortcuts', 'Updates']) {
      const card = page.getByRole('region', { name: region, exact: true });
      await card.scrollIntoViewIfNeeded();
      await snap(page, test.info(), `layout-${width}-settings-${region.toLowerCase().replaceAll(' ', '-')}`);
    }
    found.push(...(await layoutProblems(page, `${width} settings`)));
    await look(page, `${width}-settings`, found);
  }
  expect(found).toEqual([]);
});
