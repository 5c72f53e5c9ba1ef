import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { goTo } from './support/admin';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';
import { expect, test } from './support/test';

// Settings → Watch words: a word added there calls the person back when it is said in a live
// meeting, and the alert opens the live captions at that line.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const audit = async (page: Page) => {
  const result = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
};

test('a word added in Settings alerts once it is said; the alert opens the live captions at that line, and the meeting lists its hits', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Ten times real speech, and the long script: the meeting is still live when the alert is clicked.
  app = await launchApp({ profile: 'g3', scenario: 'long', timeScale: 10 });
  await connect(page, app);

  await goTo(page, 'Settings');
  const card = page.getByRole('region', { name: 'Watch words' });
  await expect(card.getByRole('switch', { name: /Alert me when a watch word is said/ })).toBeChecked();
  const field = card.getByLabel('Add to watch words');
  await field.fill('Picker');
  await field.press('Enter');
  await expect(card.getByRole('list', { name: 'Watch words' })).toContainText('Picker');
  await expect(page.getByTestId('announcer')).toHaveText('Watching “Picker”.');
  await card.getByRole('button', { name: 'Add “any questions”' }).click();
  await expect(card.getByRole('list', { name: 'Watch words' })).toContainText('any questions');
  // Typed again in another case: refused, with the reason.
  await field.fill('picker');
  await field.press('Enter');
  await expect(card).toContainText('“picker” is already watched.');
  await field.fill('');
  await card.scrollIntoViewIfNeeded();
  await snap(page, test.info(), 'settings-watch-words');
  await audit(page);

  await goTo(page, 'Launch');
  await sendLink(page, 'https://meet.google.com/wat-chwo-rds');
  const id = await meetingIdOf(meetingCard(page, 'wat-chwo-rds'));
  const alert = await expect
    .poll(() => app!.ports.notifier.sent.find((n) => n.id.startsWith(`${id}:watch-`)), { timeout: 30_000 })
    .toBeTruthy()
    .then(() => app!.ports.notifier.sent.find((n) => n.id.startsWith(`${id}:watch-`))!);
  expect(alert.title).toMatch(/^“Picker” in /);
  expect(alert.body).toMatch(/^(Maya Lindqvist|Daniel Okafor|Priya Raman): .*picker/i);

  // Somewhere else in the app when the person clicks the alert, a dozen lines later: the line is
  // no longer the newest, so only a scroll to it brings it into view.
  await goTo(page, 'Library');
  const heard = app.simulator.truth(id).length;
  await expect.poll(() => app!.simulator.truth(id).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(heard + 12);
  alert.onClick!();
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();
  const line = page.locator(`.caption-seg[data-key="${alert.lineKey}"]`);
  await expect(line).toHaveAttribute('data-marked', 'true');
  await expect(line).toBeInViewport();
  await expect(line).toContainText(/picker/i);
  await expect(page.getByTestId('announcer')).toHaveText(/^Showing the line: /);

  // The meeting's hits: every line so far with a watched word, each a way back to its line.
  const hitsButton = page.getByRole('button', { name: /^Watch words: \d+$/ });
  await expect(hitsButton).toBeVisible();
  await hitsButton.click();
  const hits = page.getByRole('list', { name: 'Lines that said a watch word' }).getByRole('button');
  await expect.poll(() => hits.count()).toBeGreaterThanOrEqual(2);
  await expect(hits.filter({ hasText: alert.body.replace(/^.*?: /, '').replace(/ \(and \d+ more lines?\)$/, '') })).toContainText(
    'notified',
  );
  await snap(page, test.info(), 'live-watch-words');
  await audit(page);
  const last = hits.last();
  const lastText = (await last.textContent()) ?? '';
  await last.click();
  const marked = page.locator('.caption-seg[data-marked]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toBeInViewport();
  expect(lastText).toContain((await marked.textContent()) ?? '-');

  // Afterwards, the meeting's page keeps the list, read from its stored transcript.
  await page.getByRole('button', { name: 'Stop bot' }).click();
  await goTo(page, 'Library');
  const row = page.getByRole('list', { name: 'Meetings' }).getByRole('listitem').filter({ hasText: 'wat-chwo-rds' });
  await expect(row.locator('.badge')).toHaveText('Completed', { timeout: 30_000 });
  await row.locator('.meeting-open').click();
  const pageHits = page.getByRole('region', { name: 'Transcript' }).getByRole('button', { name: /^Watch words: \d+$/ });
  await expect(pageHits).toBeVisible();
  await pageHits.click();
  const stored = page.getByRole('list', { name: 'Lines that said a watch word' }).getByRole('button');
  await expect.poll(() => stored.count()).toBeGreaterThanOrEqual(2);
  await stored.first().click();
  await expect(page.locator('.caption-seg[data-marked]')).toBeInViewport();
  await expect(page.locator('.caption-seg[data-marked]')).toContainText(/picker/i);
  await snap(page, test.info(), 'meeting-watch-words');
});
