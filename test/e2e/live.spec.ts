import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';

// Ten times faster than real speech: a line every few hundred milliseconds, so drafts are on
// screen long enough to be seen replaced and the list outgrows its window within seconds.
const PACE = 10;

let app: LaunchedApp | null = null;

async function start(page: Page, options: LaunchOptions): Promise<LaunchedApp> {
  app = await launchApp({ timeScale: PACE, ...options });
  await connect(page, app);
  return app;
}

test.afterEach(async () => {
  await app?.close();
  app = null;
});

/** The core's session with the server is up once the top bar shows the live connection. */
const liveSession = (page: Page) => expect(page.getByRole('button', { name: /^Live updates:/ })).toBeVisible();

/** Sends a bot, lets it in, and opens its live captions from the meeting card. */
async function openLiveCaptions(page: Page, app: LaunchedApp, nativeId: string): Promise<number> {
  await liveSession(page);
  await sendLink(page, `https://meet.google.com/${nativeId}`);
  const card = meetingCard(page, nativeId);
  const id = await meetingIdOf(card);
  app.simulator.admit(id);
  await expect(card).toHaveAttribute('data-status', 'active');
  await card.getByRole('button', { name: 'Open live captions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();
  return id;
}

const captionList = (page: Page) => page.getByRole('region', { name: /^Captions of / });

// The few DOM members the page functions below use: this project compiles without the DOM library.
interface PageNode {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  isConnected: boolean;
}
interface ScrollBox {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): Iterable<PageNode>;
}
interface PageGlobals {
  requestAnimationFrame(callback: () => void): number;
  getComputedStyle(el: unknown): { borderLeftColor: string; fontSize: string };
  probe?: PageNode;
}

const scroll = (list: Locator) =>
  list.evaluate((el) => {
    const box = el as unknown as ScrollBox;
    return {
      top: box.scrollTop,
      height: box.scrollHeight,
      view: box.clientHeight,
      fromEnd: box.scrollHeight - box.scrollTop - box.clientHeight,
    };
  });

const fontSize = (locator: Locator) =>
  locator.evaluate((el) => parseFloat((globalThis as unknown as PageGlobals).getComputedStyle(el).fontSize));
const connectionStatus = (page: Page) => page.getByRole('status', { name: /^Live updates:/ });

/** Every confirmed line of the list, read by scrolling it from top to bottom (only rows in view are in the DOM). */
async function confirmedLines(page: Page): Promise<Map<string, string>> {
  const entries = await captionList(page).evaluate(async (list) => {
    const el = list as unknown as ScrollBox;
    const { requestAnimationFrame } = globalThis as unknown as PageGlobals;
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen = new Map<string, string>();
    const collect = () => {
      for (const seg of el.querySelectorAll('.caption-seg[data-draft="false"]')) seen.set(seg.dataset.key ?? '', seg.textContent ?? '');
    };
    el.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 500; guard++) {
      collect();
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
      el.scrollTop += el.clientHeight * 0.7;
      await frame();
    }
    collect();
    return [...seen];
  });
  return new Map(entries);
}

test('live captions: speakers, drafts in place, auto-follow, find, a dropped socket, the overlay, and nothing lost', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const app = await start(page, { profile: 'g3', scenario: 'long' });
  const id = await openLiveCaptions(page, app, 'abc-defg-hij');
  const list = captionList(page);

  // Captions arrive grouped into speaker turns, each speaker with a colour of their own.
  const turns = list.locator('li.caption-turn');
  await expect.poll(() => turns.count()).toBeGreaterThanOrEqual(3);
  const speakers = await turns.locator('.caption-speaker').allTextContents();
  expect(new Set(speakers).size).toBeGreaterThanOrEqual(2);
  const colours = await turns.evaluateAll(
    (rows) => new Set(rows.map((r) => (globalThis as unknown as PageGlobals).getComputedStyle(r).borderLeftColor)).size,
  );
  expect(colours).toBeGreaterThanOrEqual(2);
  await snap(page, testInfo, 'live-captions');
  // Screen readers hear confirmed captions through a polite region of the view.
  await expect(page.getByTestId('caption-announcer')).toHaveText(/(Maya Lindqvist|Daniel Okafor|Priya Raman): |new captions/);

  // A draft line becomes its confirmed text in the same element: no row is swapped in underneath the reader.
  const draftKey = await list.evaluate(
    (el) =>
      new Promise<string>((resolve) => {
        const page = globalThis as unknown as PageGlobals;
        const look = () => {
          const draft = (el as unknown as ScrollBox).querySelector('.caption-seg[data-draft="true"]:not([data-key$="-provisional"])');
          if (!draft) return void page.requestAnimationFrame(look);
          page.probe = draft;
          resolve(draft.dataset.key ?? '');
        };
        look();
      }),
  );
  expect(draftKey).not.toBe('');
  await page.waitForFunction(() => {
    const probe = (globalThis as unknown as PageGlobals).probe;
    return probe?.isConnected === true && probe.dataset.draft === 'false';
  });

  // Scrolling up pauses auto-follow: new captions keep arriving and the view stays put.
  await expect
    .poll(
      async () => {
        const s = await scroll(list);
        return s.height > s.view + 300;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const box = await list.boundingBox();
  await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 100);
  await page.mouse.wheel(0, -400);
  const jump = page.getByRole('button', { name: 'Jump to live' });
  await expect(jump).toBeVisible();
  const paused = await scroll(list);
  await expect.poll(async () => (await scroll(list)).height).toBeGreaterThan(paused.height);
  expect(Math.abs((await scroll(list)).top - paused.top)).toBeLessThan(4);
  await snap(page, testInfo, 'live-paused');
  await list.focus();
  await page.keyboard.press('End');
  await expect(jump).toBeHidden();
  await expect.poll(async () => (await scroll(list)).fromEnd).toBeLessThan(40);

  // Ctrl+F finds a word in the meeting and marks it, as text.
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in captions' });
  await expect(find).toBeFocused();
  await find.fill('picker');
  await expect(page.getByRole('search').getByRole('status')).toHaveText(/^\d+ of \d+\+?$/);
  const current = list.locator('mark[data-current]');
  await expect(current).toHaveText(/picker/i);
  await expect(current).toBeInViewport();
  const firstCount = await page.getByRole('search').getByRole('status').textContent();
  await find.press('Enter');
  await expect(page.getByRole('search').getByRole('status')).toHaveText(/^1 of /);
  await expect(current).toBeInViewport();
  await snap(page, testInfo, 'live-search');
  expect(firstCount).toMatch(/^(\d+) of \1\+?$/);
  await find.press('Escape');
  await expect(find).toBeHidden();
  await expect(list.locator('mark')).toHaveCount(0);
  await page.keyboard.press('End');

  // G3 cannot reconfigure a running bot: no language control is offered, and no line on every live
  // view says what the server lacks (Settings lists what each server offers).
  await expect(page.getByLabel('Language')).toHaveCount(0);
  await expect(page.getByText(/cannot change a running bot/)).toHaveCount(0);

  // An unreadable frame is skipped and counted, quietly.
  app.simulator.injectRaw(id, JSON.stringify({ type: 'transcript', meeting: { id }, speaker: 'Maya Lindqvist', confirmed: 'not a list' }));

  // The live socket drops and the first reconnects are refused: the view says so, then recovers.
  app.simulator.setFault({ status: 503, body: '{"detail":"unavailable"}', paths: '/ws', count: 6 });
  app.simulator.dropSockets();
  await expect(connectionStatus(page)).toHaveAccessibleName(/Reconnecting|Offline/);
  await snap(page, testInfo, 'live-reconnecting');
  await expect(connectionStatus(page)).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('rejected-frames')).toHaveAttribute('data-count', '1', { timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Caption details' })).toHaveAttribute('data-attention', 'true');

  // The overlay panel shows the latest lines, in the chosen size.
  await page.getByRole('button', { name: 'Overlay' }).click();
  const overlay = page.getByRole('complementary', { name: /^Caption overlay/ });
  await expect(overlay).toBeVisible();
  await expect.poll(() => overlay.locator('.caption-overlay-lines li').count()).toBeGreaterThan(0);
  expect(app.ports.overlays.meetingId).toBe(id);
  const lines = overlay.locator('.caption-overlay-lines');
  const sizeBefore = await fontSize(lines);
  await overlay.getByRole('button', { name: 'Larger text' }).click();
  await expect.poll(() => fontSize(lines)).toBeGreaterThan(sizeBefore);
  await snap(page, testInfo, 'live-overlay');
  await overlay.getByRole('button', { name: 'Close the caption overlay' }).click();
  await expect(overlay).toBeHidden();
  await expect.poll(() => app.ports.overlays.meetingId).toBeNull();

  // Another drop while the meeting runs, and this time the server cannot give the transcript back:
  // a gap marker says what could be missing. (Once a meeting has ended and its lines are in the
  // library, the core no longer holds it live, and a drop cannot lose any of its lines.)
  app.simulator.setFault({ status: 503, body: '{"detail":"unavailable"}', paths: '/transcripts', count: 12 });
  app.simulator.dropSockets();
  const gap = list.locator('.caption-gap');
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, -100_000);
        return gap.count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await expect(gap).toHaveText(/^Part of the meeting could not be recovered \(\d{1,2}:\d{2}.*–\d{1,2}:\d{2}.*\)$/);
  await snap(page, testInfo, 'live-gap');
  await page.keyboard.press('End');

  // Stop the bot; once the meeting is over, every confirmed line of the server is on screen, once.
  await page.getByRole('button', { name: /^Stop bot \(/ }).click();
  await expect(page.locator('.captions-header')).toContainText(/Stopped|Completed/, { timeout: 20_000 });
  const truth = app.simulator.truth(id);
  expect(truth.length).toBeGreaterThan(10);
  const difference = async () => {
    const shown = await confirmedLines(page);
    const expected = new Map(truth.map((s) => [s.segment_id, s.text.trim()]));
    return {
      missing: [...expected].filter(([key]) => !shown.has(key)),
      extra: [...shown].filter(([key]) => !expected.has(key)),
      changed: [...expected].filter(([key, text]) => shown.has(key) && shown.get(key) !== text),
    };
  };
  await expect.poll(difference, { timeout: 15_000 }).toEqual({ missing: [], extra: [], changed: [] });
  await snap(page, testInfo, 'live-complete');
});

test('many meetings at once on a v0.10 server, each with its own lines, and the bot controls', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const app = await start(page, { profile: 'g2', scenario: 'long' });
  await liveSession(page);
  for (const nativeId of ['abc-defg-hij', 'klm-nopq-rst']) {
    await sendLink(page, `https://meet.google.com/${nativeId}`);
    const card = meetingCard(page, nativeId);
    app.simulator.admit(await meetingIdOf(card));
    await expect(card).toHaveAttribute('data-status', 'active');
  }

  await page.keyboard.press('Control+2');
  const tiles = page.getByRole('article').filter({ has: page.getByRole('list', { name: 'Latest captions' }) });
  await expect(tiles).toHaveCount(2);
  for (const tile of await tiles.all()) await expect.poll(() => tile.locator('.live-tile-lines li').count()).toBeGreaterThan(1);
  await snap(page, testInfo, 'live-tiles');

  await page.getByRole('button', { name: /Open live captions of .*klm-nopq-rst/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /klm-nopq-rst/ })).toBeVisible();
  await expect.poll(() => captionList(page).locator('li.caption-turn').count()).toBeGreaterThan(1);

  const language = page.getByLabel('Language');
  await expect(language).toBeVisible();
  await expect(page.getByText(/cannot change a running bot/)).toHaveCount(0);
  // The announcer is one rate-limited live region shared with status changes, so the server's
  // acceptance is read from the core's log instead.
  const reconfigured = () =>
    readFileSync(join(app.logsDir, 'companion.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('Bot reconfigured'));
  await language.selectOption('fr');
  await expect.poll(() => reconfigured().some((l) => l.includes('"language":"fr"')), { timeout: 10_000 }).toBe(true);
  await page.getByRole('radio', { name: 'Translate' }).check();
  await expect.poll(() => reconfigured().some((l) => l.includes('"task":"translate"')), { timeout: 10_000 }).toBe(true);
  await expect(page.locator('.bot-controls [role="alert"]')).toHaveCount(0);
  await snap(page, testInfo, 'live-bot-controls-g2');

  // Clock times instead of meeting times, remembered across a reload.
  const firstTime = captionList(page).locator('.caption-time').first();
  await page.getByRole('radio', { name: 'Clock time' }).check();
  await expect(firstTime).toHaveText(/^\d{1,2}:\d{2}:\d{2}/);
  await page.getByRole('button', { name: 'Caption details' }).click();
  await expect(page.getByRole('dialog', { name: 'Caption details' })).toContainText('Every live update from the server could be read.');
  await snap(page, testInfo, 'live-details');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'All live meetings' }).click();
  await expect(tiles).toHaveCount(2);
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, testInfo, 'live-tiles-dark');

  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Live/ }).click();
  await page.getByRole('button', { name: /Open live captions of .*abc-defg-hij/ }).click();
  await expect(page.getByRole('radio', { name: 'Clock time' })).toBeChecked();
  await expect.poll(() => captionList(page).locator('.caption-turn').count()).toBeGreaterThan(1);
  await snap(page, testInfo, 'live-captions-dark');

  // The desktop app's overlay window shows this route alone (here in the same tab, which holds the harness token).
  const id = Number(await page.locator('.captions-view').getAttribute('data-meeting-id'));
  await page.goto(new URL(`/#/overlay/${id}`, app.url).href);
  await page.reload();
  const overlay = page.getByRole('complementary', { name: /^Caption overlay/ });
  await expect(overlay).toBeVisible();
  await expect.poll(() => overlay.locator('.caption-overlay-lines li').count()).toBeGreaterThan(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await snap(page, testInfo, 'live-overlay-window');
});

test('a meeting that ends without a single caption says so instead of staying blank', async ({ page }, testInfo) => {
  const app = await start(page, { profile: 'g3', scenario: 'silence' });
  await openLiveCaptions(page, app, 'abc-defg-hij');
  await expect(page.getByText('Listening. Captions appear here as people speak.')).toBeVisible();
  const warning = page.locator('.banner').filter({ hasText: 'The meeting ended with no captions at all.' });
  await expect(warning).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.captions-header')).toContainText('Completed');
  await snap(page, testInfo, 'live-no-captions');
});
