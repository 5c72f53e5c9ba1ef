import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { connect, lobbyBanner, meetingCard, meetingIdOf, sendLink } from './support/launch';

// The promises the browser version (`npm run web`, what `npm start` falls back to) makes about
// the browser itself: what it copies is on the browser's clipboard, a bot in the lobby is told by
// a browser notification, a flashing title and a sound, and a restart with a new address is said
// instead of retried forever.

const MEET_ID = 'abc-defg-hij';
const MEET_LINK = `https://meet.google.com/${MEET_ID}`;
const WAITING_TITLE = 'Bot waiting · Vexa Companion';

let apps: LaunchedApp[] = [];

test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function start(page: Page, options: LaunchOptions): Promise<LaunchedApp> {
  const app = await launchApp({ timeScale: 50, browserClipboard: true, ...options });
  apps.push(app);
  await connect(page, app);
  return app;
}

/**
 * Records what the page does with the browser's alert APIs: notifications made (and the
 * permission asked, which starts undecided, as in a fresh browser), oscillators started, and a
 * switch to make the tab look like a background tab (`document.hasFocus()` false).
 */
function watchAlerts(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as {
      seen: { notes: Array<{ title: string; body: string; click(): void }>; asked: number; tones: number; away: boolean };
    };
    w.seen = { notes: [], asked: 0, tones: 0, away: false };
    const Real = window.Notification;
    let permission: NotificationPermission = 'default';
    class Watched extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        w.seen.notes.push({ title, body: options?.body ?? '', click: () => this.onclick?.(new Event('click')) });
      }
      static override get permission() {
        return permission;
      }
      static override requestPermission = async () => {
        w.seen.asked += 1;
        permission = await Real.requestPermission();
        return permission;
      };
    }
    window.Notification = Watched as typeof Notification;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: [number?]) {
      w.seen.tones += 1;
      return start.apply(this, args);
    };
    const hasFocus = Document.prototype.hasFocus;
    Document.prototype.hasFocus = function () {
      return !w.seen.away && hasFocus.call(this);
    };
  });
}

const MEETING = 'June release planning';

async function openLibrary(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  await expect(page.getByRole('list', { name: 'Meetings' })).toBeVisible();
}

/** Picks an item of the meeting's Export & share menu. */
async function pick(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: `Export & share ${MEETING}`, exact: true }).click();
  await page
    .getByRole('menu', { name: `Export & share ${MEETING}`, exact: true })
    .getByRole('menuitem', { name: item })
    .click();
}

const seen = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { seen: { notes: Array<{ title: string; body: string }>; asked: number; tones: number } }).seen;
    return { notes: s.notes.map((n) => ({ title: n.title, body: n.body })), asked: s.asked, tones: s.tones };
  });

test('what the app copies is on the browser clipboard, and a meeting link there is offered on Launch', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = await start(page, { profile: 'g3' });

  await page.evaluate((link) => navigator.clipboard.writeText(`Join: ${link}`), 'https://meet.google.com/xyz-abcd-efg');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const offer = page.getByRole('button', { name: 'Use the meeting link from your clipboard: Google Meet · xyz-abcd-efg' });
  await expect(offer).toBeVisible();

  await openLibrary(page);
  await pick(page, 'Copy as text');
  await expect(page.getByTestId('toast')).toContainText('Copied the transcript as text');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith('MEETING TRANSCRIPT\n')).toBe(true);
  // Nothing went to a clipboard of the Node process.
  expect(await app.ports.clipboard.readText()).toBe('');

  // A token for another Vexa user: "Copied" means it is on this browser's clipboard.
  await pick(page, 'Share with a Vexa user…');
  const share = page.getByRole('dialog', { name: 'Share with a Vexa user' });
  await share.getByRole('button', { name: 'Create token' }).click();
  const token = await share.getByLabel('Token', { exact: true }).inputValue();
  await share.getByRole('button', { name: 'Copy' }).click();
  await expect(share.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await page.keyboard.press('Escape');

  // The AI hand-off: the transcript to paste into the tool is on this browser's clipboard.
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await pick(page, 'Open in ChatGPT');
  await expect(page.getByTestId('toast')).toContainText('The transcript is on your clipboard — paste it into ChatGPT');
  expect((await page.evaluate(() => navigator.clipboard.readText())).startsWith('MEETING TRANSCRIPT\n')).toBe(true);
});

test('when the browser refuses the clipboard, the app says so instead of "Copied"', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await start(page, { profile: 'g3' });
  await openLibrary(page);
  await pick(page, 'Copy as text');
  await expect(page.getByTestId('toast')).toContainText('The browser would not let the page copy');
  await expect(page.getByTestId('toast')).not.toContainText('Copied');
});

test('a bot in the lobby: a browser notification asked for at the send, a flashing title until the tab is seen, a sound; the click shows the meeting', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  await watchAlerts(page);
  await start(page, { profile: 'g3', scenario: 'lobby-wait' });
  expect((await seen(page)).asked).toBe(0);
  const title = await page.title();

  // The page's own time from here, so the title's flashes are counted, not waited for.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  await page.evaluate(() => ((window as unknown as { seen: { away: boolean } }).seen.away = true));
  await sendLink(page, MEET_LINK);
  expect((await seen(page)).asked).toBe(1);
  const card = meetingCard(page, MEET_ID);
  await meetingIdOf(card);
  await expect(lobbyBanner(page, MEET_ID)).toBeVisible();
  await expect.poll(async () => (await seen(page)).notes.map((n) => n.title)).toContainEqual(expect.stringMatching(/waiting in the lobby/));
  await expect(page).toHaveTitle(WAITING_TITLE);
  await page.clock.runFor(1000);
  await expect(page).toHaveTitle(title);
  await page.clock.runFor(1000);
  await expect(page).toHaveTitle(WAITING_TITLE);
  expect((await seen(page)).tones).toBeGreaterThan(0);

  // The person comes back to the tab: the title settles.
  await page.evaluate(() => {
    (window as unknown as { seen: { away: boolean } }).seen.away = false;
    window.dispatchEvent(new Event('focus'));
  });
  await expect(page).toHaveTitle(title);
  await page.clock.runFor(5000);
  await expect(page).toHaveTitle(title);

  await page.keyboard.press('Control+3');
  await expect(card).toHaveCount(0);
  await page.evaluate(() => {
    const s = (window as unknown as { seen: { notes: Array<{ title: string; click(): void }> } }).seen;
    s.notes.find((n) => /waiting in the lobby/.test(n.title))?.click();
  });
  await expect(card).toBeFocused();
});

test('with Do not disturb on, the lobby makes no notification, title or sound in the browser', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await watchAlerts(page);
  const app = await start(page, { profile: 'g3', scenario: 'lobby-wait' });
  await page.keyboard.press('Control+4');
  await page.getByRole('switch', { name: /Do not disturb/ }).check();
  await page.keyboard.press('Control+1');
  const title = await page.title();
  await page.evaluate(() => ((window as unknown as { seen: { away: boolean } }).seen.away = true));
  await sendLink(page, MEET_LINK);
  await expect(lobbyBanner(page, MEET_ID)).toBeVisible();
  // The core has seen the lobby (the tray says so) and decided, under Do not disturb, to stay quiet.
  await expect.poll(() => app.ports.tray.last?.state).toBe('attention');
  const after = await seen(page);
  expect(after.notes).toEqual([]);
  expect(after.tones).toBe(0);
  await expect(page).toHaveTitle(title);
});

test('after a restart with a new address the old tab says so, and pasting the new address reloads it', async ({
  page,
  allowPageProblem,
}) => {
  allowPageProblem(/WebSocket connection to .* failed/);
  // While nothing listens at the address (between the two runs), the tab's check of it is refused.
  allowPageProblem(/^console\.error: Failed to load resource: net::ERR_CONNECTION_REFUSED$/);
  const first = await start(page, { profile: 'g3' });
  const port = Number(new URL(first.url).port);
  await first.close();
  apps = apps.filter((a) => a !== first);
  const second = await launchApp({ profile: 'g3', port });
  apps.push(second);
  expect(new URL(second.url).hash).not.toBe(new URL(first.url).hash);

  const stale = page.getByRole('alert').filter({ hasText: "This tab's address is out of date" });
  await expect(stale).toBeVisible();
  await expect(stale).toContainText('Paste the address it printed');

  // Only the fragment changes: the page reloads itself to take the new token.
  await page.goto(second.url);
  await expect(page.getByLabel('Server URL')).toBeVisible();
  await expect(stale).toHaveCount(0);
});
