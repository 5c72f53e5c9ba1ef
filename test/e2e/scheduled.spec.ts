import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, linkField, meetingCard } from './support/launch';
import { comingUp, fieldsIn, shownTime, simulatedMinuteAhead, trayLabels } from './support/planning';

// Scheduled bots from Launch: the server (the simulator, 60x faster) sends the bot about two
// minutes early by itself; the app lists the plan in Coming up and the tray, reminds five minutes
// before, and then follows the bot like any other, captions included.
const FAST = 60;
const ZONE = 'Europe/Berlin';
test.use({ timezoneId: ZONE, locale: 'en-US' });

let app: LaunchedApp | null = null;

test.afterEach(async () => {
  await app?.close();
  app = null;
});

test('a bot scheduled from Launch appears in Coming up and the tray, is reminded of, joins by itself and its captions appear', async ({
  page,
}) => {
  app = await launchApp({ profile: 'g3', timeScale: FAST, simulatorClock: true, seed: false });
  await connect(page, app);

  await linkField(page).fill('https://meet.google.com/abc-defg-hij');
  await page.getByRole('radio', { name: 'Later' }).check();
  await expect(page.getByText(/Times are in your time zone: Europe\/Berlin, UTC\+0[12]:00/)).toBeVisible();

  // A time already past is refused in words, and nothing is scheduled.
  const past = fieldsIn(ZONE, Date.now() - 3_600_000);
  await page.getByLabel('Date', { exact: true }).fill(past.date);
  await page.getByLabel('Time', { exact: true }).fill(past.time);
  await page.getByRole('button', { name: 'Schedule bot' }).click();
  await expect(page.getByText('That time has already passed. Choose a time later than now.')).toBeVisible();
  await expect(comingUp(page)).toHaveCount(0);

  const at = simulatedMinuteAhead(app, 8);
  const when = fieldsIn(ZONE, at);
  await page.getByLabel('Date', { exact: true }).fill(when.date);
  await page.getByLabel('Time', { exact: true }).press('Control+a');
  await page.getByLabel('Time', { exact: true }).pressSequentially(when.time.replace(':', ''));
  await page.getByLabel('Title (optional)').fill('Quarterly planning');
  await page.getByRole('button', { name: 'Schedule bot' }).click();

  const item = comingUp(page).getByRole('listitem').filter({ hasText: 'Quarterly planning' });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Bot joins by itself');
  await expect(item).toContainText(shownTime(ZONE, at));
  await expect.poll(() => trayLabels(app!).join('\n')).toContain('Quarterly planning');

  // The reminder, before the bot sets out, says what the server will do.
  await expect
    .poll(() => app!.ports.notifier.sent.find((n) => n.title.includes('Quarterly planning'))?.body ?? '', { timeout: 30_000 })
    .toContain('about 2 minutes before the start; it waits up to 15 minutes in the lobby');

  // The server's bot takes the plan: it leaves Coming up and is followed like any other bot.
  await expect(item).toHaveCount(0, { timeout: 30_000 });
  const card = meetingCard(page, 'abc-defg-hij');
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toHaveAttribute('data-status', 'active', { timeout: 30_000 });
  await card.getByRole('button', { name: 'Open live captions' }).click();
  await expect(
    page
      .getByRole('region', { name: /^Captions of / })
      .locator('.caption-seg')
      .first(),
  ).toBeVisible({ timeout: 30_000 });
});

test('a plan is changed (time, title, link) and cancelled; once the bot owns it, the refusal is explained', async ({ page }) => {
  app = await launchApp({ profile: 'g3', timeScale: 1, simulatorClock: true, seed: false });
  await connect(page, app);
  await linkField(page).fill('https://meet.google.com/abc-defg-hij');
  await page.getByRole('radio', { name: 'Later' }).check();
  const when = fieldsIn(ZONE, Date.now() + 3 * 3_600_000);
  await page.getByLabel('Date', { exact: true }).fill(when.date);
  await page.getByLabel('Time', { exact: true }).fill(when.time);
  await page.getByLabel('Title (optional)').fill('Design review');
  await page.getByRole('button', { name: 'Schedule bot' }).click();
  const item = comingUp(page).getByRole('listitem').filter({ hasText: 'Design review' });
  await expect(item).toBeVisible();

  await item.getByRole('button', { name: 'Change Design review' }).click();
  const laterAt = Date.now() + 5 * 3_600_000;
  const later = fieldsIn(ZONE, laterAt);
  await item.getByLabel('Time', { exact: true }).fill(later.time);
  await item.getByLabel('Date', { exact: true }).fill(later.date);
  await item.getByLabel('Title').fill('Design review (moved)');
  await item.getByLabel('Meeting link').fill('https://meet.google.com/xyz-abcd-efg');
  await item.getByRole('button', { name: 'Save changes' }).click();
  const moved = comingUp(page).getByRole('listitem').filter({ hasText: 'Design review (moved)' });
  await expect(moved).toContainText(shownTime(ZONE, laterAt));

  // The library's Planned group says it as Coming up does (words, time) and leads back here to change it.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  const planned = page.getByRole('list', { name: 'Planned meetings' }).getByRole('listitem').filter({ hasText: 'Design review (moved)' });
  await expect(planned).toContainText(shownTime(ZONE, laterAt));
  await expect(planned).toContainText('Bot joins by itself');
  await planned.getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Launch' })).toBeVisible();
  await expect(moved.getByRole('button', { name: 'Change Design review (moved)' })).toBeFocused();

  // A bot sent now to the same link takes the plan; changing it is then refused in words.
  await linkField(page).fill('https://meet.google.com/xyz-abcd-efg');
  await page.getByRole('radio', { name: 'Now' }).check();
  await moved.getByRole('button', { name: 'Change Design review (moved)' }).click();
  await page.getByRole('button', { name: 'Send bot' }).click();
  await moved.getByLabel('Title').fill('Too late');
  await moved.getByRole('button', { name: 'Save changes' }).click();
  await expect(moved.getByRole('alert')).toContainText('The bot has already taken this meeting');

  // A fresh plan is cancelled: it leaves Coming up.
  await linkField(page).fill('https://meet.google.com/abc-defg-hij');
  await page.getByRole('radio', { name: 'Later' }).check();
  const launch = page.getByRole('form', { name: 'Send a bot' });
  await launch.getByLabel('Date', { exact: true }).fill(when.date);
  await launch.getByLabel('Time', { exact: true }).fill(when.time);
  await launch.getByLabel('Title (optional)').fill('Retro');
  await page.getByRole('button', { name: 'Schedule bot' }).click();
  const retro = comingUp(page).getByRole('listitem').filter({ hasText: 'Retro' });
  await retro.getByRole('button', { name: 'Cancel Retro' }).click();
  await expect(retro).toHaveCount(0);
});

test('a Vexa 0.10 server shows scheduling as unavailable, with the reason', async ({ page }) => {
  app = await launchApp({ profile: 'g2', timeScale: 1, seed: false });
  await connect(page, app);
  // No card shouts that scheduling is missing: the "Later" choice says why, once chosen.
  await expect(page.getByRole('region', { name: 'Coming up' })).toHaveCount(0);
  await expect(page.getByText('scheduled bots need Vexa 0.12 or later')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Later' }).check();
  await expect(page.getByText('scheduled bots need Vexa 0.12 or later').first()).toBeVisible();
  await expect(page.getByLabel('Date', { exact: true })).toHaveCount(0);
});
