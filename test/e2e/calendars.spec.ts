import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, meetingCard } from './support/launch';
import { comingUp } from './support/planning';
import { icsFeed, startIcsServer, type IcsServer } from '../support/icsServer';

// Calendars in Settings: a feed added by its secret address is synced at once; its meetings show
// in Coming up and a bot joins them by itself (the simulator, 60x faster, sends it about two
// minutes early); a skipped occurrence gets no bot; Vexa 0.10 says it cannot follow calendars.
const FAST = 60;

let app: LaunchedApp | null = null;
let feeds: IcsServer | null = null;

test.afterEach(async () => {
  await app?.close();
  await feeds?.close();
  app = null;
  feeds = null;
});

const openSettings = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Settings/ })
    .click();
const calendarsCard = (page: Page) => page.getByRole('region', { name: 'Calendars' });

async function addFeed(page: Page, name: string, url: string, botName = ''): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a calendar' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Secret address in iCal format').fill(url);
  if (botName) await form.getByLabel('Bot name (optional)').fill(botName);
  await form.getByRole('button', { name: 'Add calendar' }).click();
}

test('a feed with auto-join brings a bot into its meeting and a transcript; a skipped occurrence gets no bot', async ({ page }) => {
  // 25 simulated minutes ahead leave the setup (about ten of them at this speed) before the bot sets out.
  test.setTimeout(120_000);
  app = await launchApp({ profile: 'g3', timeScale: FAST, simulatorClock: true, seed: false });
  feeds = await startIcsServer();
  const start = Math.ceil((app.simulator.now() + 25 * 60_000) / 1000) * 1000;
  feeds.set(
    '/calendar/ical/private-team/basic.ics',
    icsFeed([
      { uid: 'join', summary: 'Roadmap sync', start, link: 'https://meet.google.com/abc-defg-hij' },
      { uid: 'skip', summary: 'Vendor call', start, link: 'https://meet.google.com/xyz-abcd-efg' },
    ]),
  );
  await connect(page, app);
  await openSettings(page);
  await addFeed(page, 'Team', feeds.url('/calendar/ical/private-team/basic.ics'), 'Team Notes');

  const feed = calendarsCard(page).getByRole('listitem', { name: 'Calendar Team' });
  await expect(feed).toContainText('127.0.0.1/….ics');
  await expect(feed).not.toContainText('private-team');
  await expect(feed).toContainText('Synced');
  const next = feed.getByRole('list', { name: 'Next meetings of Team' });
  await expect(next).toContainText('Roadmap sync');
  await expect(next).toContainText('Vendor call');
  await next.getByRole('button', { name: 'Skip Vendor call' }).click();
  await expect(next.getByRole('button', { name: 'Send the bot to Vendor call again' })).toBeVisible();
  // Said in the words Coming up uses.
  await expect(next.getByRole('listitem').filter({ hasText: 'Vendor call' })).toContainText('Skipped: no bot will join');
  await expect(next.getByRole('listitem').filter({ hasText: 'Roadmap sync' })).toContainText('Bot joins by itself');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Send a bot|Launch/ })
    .first()
    .click();
  await expect(comingUp(page).getByRole('listitem').filter({ hasText: 'Vendor call' })).toContainText('Skipped: no bot will join');

  const card = meetingCard(page, 'abc-defg-hij');
  await expect(card).toHaveAttribute('data-status', 'active', { timeout: 60_000 });
  await card.getByRole('button', { name: 'Open live captions' }).click();
  await expect(
    page
      .getByRole('region', { name: /^Captions of / })
      .locator('.caption-seg')
      .first(),
  ).toBeVisible({ timeout: 30_000 });

  // Well past the meeting's start, the skipped one still has no bot: its plan stays as it was.
  await expect.poll(() => app!.simulator.now() > start + 60_000, { timeout: 30_000 }).toBe(true);
  await expect(meetingCard(page, 'xyz-abcd-efg')).toHaveCount(0);
  const res = await fetch(`${app.simulatorUrl}/meetings?status=scheduled`, { headers: { 'X-API-Key': app.apiKey } });
  const rows = ((await res.json()) as { meetings: Array<{ native_meeting_id: string; status: string }> }).meetings;
  expect(rows.map((r) => [r.native_meeting_id, r.status])).toEqual([['xyz-abcd-efg', 'scheduled']]);
});

test('feeds are checked, broken ones named, limited to ten, configured, synced and removed', async ({ page }) => {
  app = await launchApp({ profile: 'g3', timeScale: 1, seed: false });
  feeds = await startIcsServer();
  feeds.set(
    '/work.ics',
    icsFeed([{ uid: 'a', summary: 'Planning', start: Date.now() + 3_600_000, link: 'https://meet.google.com/abc-defg-hij' }]),
  );
  await connect(page, app);
  await openSettings(page);

  await addFeed(page, 'Embed', 'https://calendar.google.com/calendar/embed?src=someone');
  await expect(page.getByRole('form', { name: 'Add a calendar' }).getByRole('alert')).toContainText('embed page');
  await addFeed(page, 'Typo', 'calendar.example.com/basic.ics');
  await expect(page.getByRole('form', { name: 'Add a calendar' }).getByRole('alert')).toContainText('starts with https://');

  await addFeed(page, 'Gone', feeds.url('/missing.ics'));
  await expect(calendarsCard(page).getByRole('listitem', { name: 'Calendar Gone' })).toContainText(
    'Last sync failed: the URL answered HTTP 404',
  );

  await addFeed(page, 'Work', feeds.url('/work.ics'));
  const work = calendarsCard(page).getByRole('listitem', { name: 'Calendar Work' });
  await expect(work.getByRole('list', { name: 'Next meetings of Work' })).toContainText('Planning');
  await work.getByRole('switch', { name: /Bots join this calendar/ }).click();
  await expect(work.getByRole('switch', { name: /Bots join this calendar/ })).not.toBeChecked();
  await work.getByLabel('Bot name for this calendar').fill('Work Notes');
  await work.getByRole('button', { name: 'Save bot name' }).click();
  await expect(work.getByRole('button', { name: 'Save bot name' })).toBeDisabled();
  await work.getByRole('button', { name: 'Sync now' }).click();
  await expect(work).toContainText('Synced');

  // Eight more feeds reach the server's limit of ten; the form then explains it.
  for (let i = 0; i < 8; i++) await addFeed(page, `Extra ${i + 1}`, feeds.url(`/extra${i}.ics`));
  await expect(calendarsCard(page)).toContainText(
    'You follow 10 calendars, the most one Vexa account can have. Remove one to add another.',
  );
  await expect(page.getByRole('form', { name: 'Add a calendar' })).toHaveCount(0);
  await calendarsCard(page).getByRole('listitem', { name: 'Calendar Gone' }).getByRole('button', { name: 'Remove' }).click();
  await expect(calendarsCard(page).getByRole('listitem', { name: 'Calendar Gone' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Add a calendar' })).toBeVisible();
});

test('a Vexa 0.10 server shows calendars as unavailable, with the reason', async ({ page }) => {
  app = await launchApp({ profile: 'g2', timeScale: 1, seed: false });
  await connect(page, app);
  await openSettings(page);
  await expect(calendarsCard(page)).toContainText('calendar feeds need Vexa 0.12 or later');
  await expect(page.getByRole('form', { name: 'Add a calendar' })).toHaveCount(0);
});
