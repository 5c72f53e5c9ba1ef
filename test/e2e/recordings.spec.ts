import type { Locator, Page, Response } from '@playwright/test';
import { expect, test } from './support/test';
import type { SimProfile } from '../../electron/simulator';
import { startSimulator } from '../../electron/simulator';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, snap } from './support/launch';

// Recordings in the browser-served app against the simulator: the meeting's audio plays through
// the app's own address (/media/<ticket>, Range answered with 206, never a key in a URL), seeks,
// highlights the line being heard, plays from a clicked line, changes speed, is kept on this
// computer and plays again with the server stopped; on G2 it downloads and is deleted.

const PLANNING = 'June release planning';
// The seeded meetings are made in this order for the one user (electron/simulator/seed.ts).
const PLANNING_ID = 3;

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const nav = (page: Page, name: RegExp): Promise<void> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const panel = (page: Page): Locator => page.getByTestId('recordings-panel');
const audio = (page: Page): Locator => page.getByTestId('recording-audio');
const playingLine = (page: Page): Locator => page.locator('.caption-seg[data-playing]');

/** Opens the planning meeting from the library's list. */
const openPlanningRow = (page: Page): Promise<void> =>
  page
    .getByRole('list', { name: 'Meetings' })
    .getByRole('listitem')
    .filter({ hasText: PLANNING })
    .getByRole('button', { name: new RegExp(`^${PLANNING}`) })
    .click();

async function openPlanning(page: Page, profile: SimProfile): Promise<LaunchedApp> {
  app = await launchApp({ profile });
  await connect(page, app);
  await nav(page, /Library/);
  const list = page.getByRole('list', { name: 'Meetings' });
  await expect(list.getByText('Transcript on this computer')).toHaveCount(3);
  await openPlanningRow(page);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(PLANNING) })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Play' })).toBeVisible();
  return app;
}

const mediaState = (page: Page) =>
  audio(page).evaluate((el: HTMLAudioElement) => ({
    currentTime: el.currentTime,
    duration: el.duration,
    paused: el.paused,
    rate: el.playbackRate,
    readyState: el.readyState,
    src: el.currentSrc,
  }));

/** Every URL the window asked for, and the media answers. */
function watch(page: Page): { urls: string[]; media: Response[] } {
  const seen = { urls: [] as string[], media: [] as Response[] };
  page.on('request', (r) => seen.urls.push(r.url()));
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/media/')) seen.media.push(r);
  });
  return seen;
}

test('g3: play, seek, the heard line highlighted, a line plays from its moment, speed, kept offline and played with the server stopped', async ({
  page,
}) => {
  const seen = watch(page);
  const a = await openPlanning(page, 'g3');
  const lines = a.simulator.truth(PLANNING_ID).sort((x, y) => x.start - y.start);
  expect(lines.length).toBeGreaterThan(5);

  await panel(page).getByRole('button', { name: 'Play' }).click();
  await expect(audio(page)).toBeVisible();
  await expect.poll(async () => (await mediaState(page)).duration).toBeGreaterThan(lines.at(-1)!.end);
  // The element's address is the app's own, with the page's token and no key.
  const src = (await mediaState(page)).src;
  expect(new URL(src).origin).toBe(new URL(a.url).origin);
  expect(new URL(src).pathname).toMatch(/^\/media\/[A-Za-z0-9_-]{32}$/);

  // Seek to the middle of a line: the position is there and that line is the highlighted one.
  const target = lines[4]!;
  const mid = (target.start + target.end) / 2;
  await audio(page).evaluate((el: HTMLAudioElement, t) => void (el.currentTime = t), mid);
  await expect.poll(async () => (await mediaState(page)).currentTime).toBeCloseTo(mid, 1);
  await expect(playingLine(page)).toHaveCount(1);
  await expect(playingLine(page)).toHaveText(target.text.trim());
  await snap(page, test.info(), 'recordings-g3-seeked');

  // A click on another line plays from its start and moves the highlight there.
  const clicked = lines[8]!;
  await page.locator('.caption-seg', { hasText: clicked.text.trim() }).first().click();
  await expect.poll(async () => (await mediaState(page)).paused).toBe(false);
  await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThanOrEqual(clicked.start - 0.05);
  expect((await mediaState(page)).currentTime).toBeLessThan(clicked.end);
  await expect(playingLine(page)).toHaveText(clicked.text.trim());

  await panel(page).getByRole('combobox', { name: 'Playback speed' }).selectOption('1.5');
  await expect.poll(async () => (await mediaState(page)).rate).toBe(1.5);

  // The audio came in parts: 206 with Content-Range, through the app's own address.
  const partial = seen.media.filter((r) => r.status() === 206);
  expect(partial.length).toBeGreaterThan(0);
  expect(await partial[0]!.headerValue('content-range')).toMatch(/^bytes \d+-\d+\/\d+$/);
  expect(seen.urls.filter((u) => u.includes(a.apiKey))).toEqual([]);
  expect(seen.urls.filter((u) => u.startsWith(a.simulatorUrl))).toEqual([]);

  // Kept for offline: its size shows here and in Settings.
  await panel(page).getByRole('button', { name: 'Keep for offline' }).click();
  await expect(panel(page).getByText(/^Kept offline · \d/)).toBeVisible();
  // Deleting the meeting would take that audio too: its dialog says so before anything goes.
  await page.getByRole('button', { name: 'Delete…' }).click();
  const deleting = page.getByRole('dialog', { name: /^Delete / });
  await expect(deleting.getByText('From this computer only').locator('..')).toContainText(
    /The audio kept on this computer for offline listening \(\d[\d.]* [KM]B\) is deleted too\./,
  );
  await deleting.getByRole('button', { name: 'Cancel' }).click();
  await nav(page, /Settings/);
  await expect(page.getByTestId('offline-recordings-usage')).toContainText('1 recording uses');

  // The server stops; a fresh page plays the kept copy, seeking included.
  await a.simulator.close();
  seen.media.length = 0;
  await page.reload();
  await nav(page, /Library/);
  await openPlanningRow(page);
  // Offline, said as the library says it, never the connection error; the kept copy is offered.
  await expect(panel(page).getByText('Offline', { exact: true })).toBeVisible();
  await expect(page.getByTestId('recordings-reason')).toContainText('The copy kept on this computer plays without it');
  await expect(panel(page)).not.toContainText('Nothing is answering');
  await panel(page).getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await mediaState(page)).duration).toBeGreaterThan(lines.at(-1)!.end);
  // A line in view of the reopened transcript (the list draws only what is in view).
  const late = lines[6]!;
  await page.locator('.caption-seg', { hasText: late.text.trim() }).first().click();
  await expect.poll(async () => (await mediaState(page)).currentTime).toBeGreaterThanOrEqual(late.start - 0.05);
  await expect(playingLine(page)).toHaveText(late.text.trim());
  expect(seen.media.some((r) => r.status() === 206)).toBe(true);
  await snap(page, test.info(), 'recordings-g3-offline');
  expect(seen.urls.filter((u) => u.includes(a.apiKey))).toEqual([]);
});

test('g2: the recording downloads in the browser, and is deleted with a confirmation that says what is lost', async ({ page }) => {
  await openPlanning(page, 'g2');
  const download = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toMatch(/recording-\d+\.wav$/);

  await panel(page).getByRole('button', { name: 'Delete recording…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this recording?' });
  await expect(dialog).toContainText('deleted on the server for everyone');
  await expect(dialog).toContainText('The transcript stays');
  await dialog.getByRole('button', { name: 'Delete recording' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel(page).getByRole('button', { name: 'Play' })).toHaveCount(0);
  await expect(page.getByTestId('recordings-reason')).toContainText('The server kept no recording of this meeting');
  // The transcript lines no longer offer to play.
  await expect(page.locator('.caption-seg[data-playable]')).toHaveCount(0);
});

test('g3: a transcription-only key plays the recording but is not offered to delete it, and is told why', async ({ page }) => {
  // The gateway asks for the `bot` scope to delete a recording; reading takes `tx` (shared/vexa/keyScope.ts).
  const apiKey = `vxa_tx_${'t'.repeat(32)}`;
  const sim = await startSimulator({
    profile: 'g3',
    port: 0,
    apiKeys: [{ key: apiKey, scopes: ['tx'] }],
    seed: true,
    rateLimitPerMinute: 0,
  });
  try {
    app = await launchApp({ profile: 'g3', simulator: sim, apiKey });
    await connect(page, app);
    await nav(page, /Library/);
    await openPlanningRow(page);
    await expect(panel(page).getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(page.getByTestId('recordings-delete-note')).toHaveText(
      'This key can play and download recordings but not delete them: deleting needs a key with the “bot” scope.',
    );
    await expect(panel(page).getByRole('button', { name: 'Delete recording…' })).toHaveCount(0);
  } finally {
    await app?.close();
    app = null;
    await sim.close();
  }
});
