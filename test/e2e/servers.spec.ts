import type { Locator, Page } from '@playwright/test';
import { launchApp, type LaunchedApp, type LaunchOptions } from './support/app';
import { connect, linkField, lobbyBanner, meetingCard, meetingIdOf, sendLink, snap } from './support/launch';
import { addServer, goTo, nameServer, nativeIdsOn, sendFrom, serverRow } from './support/servers';
import { expect, test } from './support/test';

// Two servers of different generations connected at once (a v0.12 and a v0.10 simulator): a bot
// sent from each through the launch picker, cards, lobby banners and live tiles naming their
// server, one search over both, and a server disconnected, then removed with its meetings kept,
// whose meetings are still read on this computer.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const FIRST = 'abc-defg-hij';
const SECOND = 'qrs-tuvw-xyz';

const meetingList = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' });
const liveTile = (page: Page, nativeId: string): Locator =>
  page.locator('.live-tile').filter({ has: page.getByRole('heading', { name: new RegExp(nativeId) }) });

/** The g3 simulator connected from the start screen, the g2 one added in Settings; both named. */
async function twoServers(page: Page, timeScale = 20, options: Partial<LaunchOptions> = {}): Promise<LaunchedApp> {
  app = await launchApp({
    ...options,
    timeScale,
    profile: 'g3',
    scenario: 'lobby-wait',
    seed: false,
    extraServers: [{ profile: 'g2', scenario: 'lobby-wait', seed: false }],
  });
  await connect(page, app);
  const lab = app.extra[0]!;
  await addServer(page, lab.url, lab.apiKey);
  await nameServer(page, new URL(lab.url).host, 'Lab', 'Teal');
  await nameServer(page, new URL(app.simulatorUrl).host, 'Cloud', 'Orange');
  return app;
}

test('two servers: a bot from each through the picker, labelled everywhere, searched together, disconnected and removed with meetings kept', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // Slow enough that both meetings are still running while the live tiles are read.
  const app = await twoServers(page, 4);
  const lab = app.extra[0]!;

  // Both in the list, in order, with their generations and masked keys.
  await expect(serverRow(page, 'Cloud')).toContainText('v0.12 API');
  await expect(serverRow(page, 'Cloud')).toContainText('Connected');
  await expect(serverRow(page, 'Lab')).toContainText('v0.10 API');
  await expect(serverRow(page, 'Lab')).toContainText(`••••${lab.apiKey.slice(-4)}`);
  await expect(page.locator('body')).not.toContainText(lab.apiKey);
  await snap(page, testInfo, 'servers-settings');

  // The first bot: offered on the current server, sent from Lab by choice.
  await goTo(page, 'Launch');
  await linkField(page).fill(`https://meet.google.com/${FIRST}`);
  await expect(sendFrom(page).getByRole('radio', { name: 'Cloud' })).toBeChecked();
  await expect(sendFrom(page).getByRole('radio', { name: 'Cloud' })).toHaveAccessibleDescription(/The server you are working with/);
  await expect(sendFrom(page).getByRole('radio', { name: 'Lab' })).toHaveAccessibleDescription(/v0\.10 API/);
  await sendFrom(page).getByRole('radio', { name: 'Lab' }).check();
  await snap(page, testInfo, 'launch-picker');
  await linkField(page).press('Enter');
  const first = meetingCard(page, FIRST);
  await expect(first.getByRole('heading')).toHaveText(new RegExp(`${FIRST}.*on Lab`));
  await expect(first.locator('.server-tag')).toHaveAttribute('data-server-colour', 'teal');
  await expect(lobbyBanner(page, FIRST)).toBeVisible();
  await expect(page.getByRole('region', { name: new RegExp(`lobby of .*${FIRST}.* on Lab`) })).toBeVisible();

  // The second: Lab is offered now (last used for Meet links), Cloud picked.
  await linkField(page).fill(`https://meet.google.com/${SECOND}`);
  const labOption = sendFrom(page).getByRole('radio', { name: 'Lab' });
  await expect(labOption).toBeChecked();
  await expect(labOption).toHaveAccessibleDescription(/Last used for links on meet\.google\.com/);
  await sendFrom(page).getByRole('radio', { name: 'Cloud' }).check();
  await linkField(page).press('Enter');
  const second = meetingCard(page, SECOND);
  await expect(second.getByRole('heading')).toHaveText(new RegExp(`${SECOND}.*on Cloud`));

  // Each bot reached the server it was sent from, and only that one.
  expect(await nativeIdsOn(lab.url)).toEqual([FIRST]);
  expect(await nativeIdsOn(app.simulatorUrl)).toEqual([SECOND]);
  await expect(first).toHaveAttribute('data-server-id', lab.url);
  await expect(second).toHaveAttribute('data-server-id', app.simulatorUrl);
  await snap(page, testInfo, 'cards-two-servers');

  // Both servers numbered their meeting alike: the lobby alert of Lab's meeting, clicked from
  // another screen, brings Lab's card into view, not Cloud's.
  const id = await meetingIdOf(first);
  expect(await meetingIdOf(second)).toBe(id);
  await expect.poll(() => app.ports.notifier.sent.filter((n) => n.id.startsWith(`${id}:lobby@`)).length).toBe(2);
  await goTo(page, 'Library');
  app.ports.notifier.sent.find((n) => n.id === `${id}:lobby@${lab.url}`)?.onClick?.();
  await expect(first).toBeFocused();
  await goTo(page, 'Library');
  app.ports.notifier.sent.find((n) => n.id === `${id}:lobby@${app.simulatorUrl}`)?.onClick?.();
  await expect(second).toBeFocused();

  // Admitted on both; the top bar counts both servers live, and the tiles name their servers.
  lab.simulator.admit(await meetingIdOf(first));
  app.simulator.admit(await meetingIdOf(second));
  await expect(first).toHaveAttribute('data-status', 'active');
  await expect(second).toHaveAttribute('data-status', 'active');
  await expect(page.getByRole('button', { name: /^Live updates:/ })).toHaveAccessibleName('Live updates: Connected: all 2 servers');
  await goTo(page, 'Live');
  await expect(liveTile(page, FIRST).getByRole('heading')).toHaveText(new RegExp(`${FIRST}.*on Lab`));
  await expect(liveTile(page, SECOND).getByRole('heading')).toHaveText(new RegExp(`${SECOND}.*on Cloud`));
  for (const nativeId of [FIRST, SECOND])
    await expect(liveTile(page, nativeId).getByRole('list', { name: 'Latest captions' }).getByRole('listitem').first()).toBeVisible();
  await snap(page, testInfo, 'live-two-servers');

  // Stopped from their cards; the buttons say which server.
  await goTo(page, 'Launch');
  await first.getByRole('button', { name: `Stop the bot in Google Meet · ${FIRST} on Lab` }).click();
  await second.getByRole('button', { name: `Stop the bot in Google Meet · ${SECOND} on Cloud` }).click();
  await expect(first).toHaveAttribute('data-status', /completed|failed/);
  await expect(second).toHaveAttribute('data-status', /completed|failed/);

  // One search over both servers' transcripts.
  await goTo(page, 'Library');
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(2);
  // The library draws each server in the colour it has on the cards (Lab's picked teal).
  await expect(meetingList(page).getByRole('listitem').filter({ hasText: FIRST }).locator('.server-chip')).toHaveAttribute(
    'data-server-colour',
    'teal',
  );
  await page.getByRole('combobox', { name: 'Search all meetings' }).fill('Morning');
  const results = page.getByRole('listbox', { name: 'Search results' });
  // The first line was said in both meetings, one on each server: both are found.
  await expect(results.getByRole('option').filter({ hasText: 'Morning both, thanks for making time' })).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Search all meetings' }).press('Escape');

  // Lab disconnected: its key is forgotten, its meeting still opens and reads.
  await goTo(page, 'Settings');
  await serverRow(page, 'Lab').getByRole('button', { name: 'Disconnect Lab…' }).click();
  await page.getByRole('dialog', { name: 'Disconnect from Lab?' }).getByRole('button', { name: 'Disconnect' }).click();
  await expect(serverRow(page, 'Lab')).toContainText('Disconnected');
  await expect(serverRow(page, 'Lab')).toContainText('No API key kept.');
  await expect(page.getByRole('button', { name: /^Live updates:/ })).toHaveAccessibleName('Live updates: Connected');
  await goTo(page, 'Library');
  await meetingList(page).getByRole('listitem').filter({ hasText: FIRST }).getByRole('button').first().click();
  await expect(
    page
      .getByRole('region', { name: /^Transcript of / })
      .getByText(/Morning both/)
      .first(),
  ).toBeVisible();
  await snap(page, testInfo, 'disconnected-server-meeting');
  await page.getByRole('button', { name: /^Back to (library|search results)$/ }).click();

  // Lab removed, its meetings kept (the default): still listed and read.
  await goTo(page, 'Settings');
  await serverRow(page, 'Lab').getByRole('button', { name: 'Remove Lab…' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove Lab?' });
  await expect(remove.getByRole('radio', { name: /Keep them on this computer/ })).toBeChecked();
  await expect(remove.getByRole('radio', { name: /Delete them from this computer/ })).not.toBeChecked();
  await expect(remove).toContainText('1 meeting');
  await snap(page, testInfo, 'remove-server-dialog');
  await remove.getByRole('button', { name: 'Remove, keep its meetings' }).click();
  await expect(remove).toHaveCount(0);
  await expect(serverRow(page, 'Lab')).toContainText('Removed, meetings kept');
  await goTo(page, 'Library');
  await expect(meetingList(page).getByRole('listitem').filter({ hasText: FIRST })).toHaveCount(1);
  await expect(meetingList(page).getByRole('listitem')).toHaveCount(2);
});

test('the live indicator names each server’s state and reconnects one; the bot limit names its server', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // A dropped live connection waits a long time before its next attempt: only "Reconnect now" brings it back within the test.
  const app = await twoServers(page, 20, { live: { backoffBaseMs: 60_000, backoffMaxMs: 60_000 } });
  const lab = app.extra[0]!;
  await goTo(page, 'Launch');
  const indicator = page.getByRole('button', { name: /^Live updates:/ });
  await expect(indicator).toHaveAccessibleName('Live updates: Connected: all 2 servers');

  // Lab drops: the summary counts one of two, the tooltip says which, and Lab alone can be retried.
  const restarted = lab.simulator.restart(1500);
  await expect(indicator).toHaveAccessibleName('Live updates: Connected: 1 of 2 servers');
  await indicator.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: /Cloud: Connected\. Lab: (Reconnecting|Offline)/ })).toBeVisible();
  await indicator.click();
  const list = page.getByRole('dialog', { name: 'Live updates of each server' });
  await expect(list.getByRole('button', { name: 'Reconnect now to Lab' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Reconnect now to Cloud' })).toHaveCount(0);
  await snap(page, testInfo, 'live-summary-one-down');
  await restarted;
  await list.getByRole('button', { name: 'Reconnect now to Lab' }).click();
  await expect(indicator).toHaveAccessibleName('Live updates: Connected: all 2 servers', { timeout: 15_000 });
  await page.keyboard.press('Escape');

  // Lab takes one bot: the second is refused there (a v0.10 server says its limit in a 403), and
  // the message names Lab and its running bot.
  await linkField(page).fill(`https://meet.google.com/${FIRST}`);
  await sendFrom(page).getByRole('radio', { name: 'Lab' }).check();
  await linkField(page).press('Enter');
  await expect(meetingCard(page, FIRST)).toBeVisible();
  lab.simulator.setFault({
    status: 403,
    body: JSON.stringify({ detail: 'Concurrent bot limit reached (1/1).' }),
    paths: '/bots',
    count: 1,
  });
  await sendLink(page, `https://meet.google.com/${SECOND}`);
  await expect(sendFrom(page).getByRole('radio', { name: 'Lab' })).toBeChecked();
  const limit = page.getByRole('group', { name: 'Bot limit reached on Lab' });
  await expect(limit).toContainText('Your bot limit on Lab is reached');
  await expect(limit.getByRole('list', { name: 'Bots running on Lab' }).getByRole('listitem')).toHaveCount(1);
  await expect(sendFrom(page).getByRole('radio', { name: 'Lab' })).toHaveAccessibleDescription(/No bot free/);
  expect(await nativeIdsOn(lab.url)).toEqual([FIRST]);
  expect(await nativeIdsOn(app.simulatorUrl)).toEqual([]);

  // The person's order, from the keyboard: focus stays on the button that moved the row.
  await goTo(page, 'Settings');
  const rows = page.getByRole('list', { name: 'Servers' }).getByRole('listitem');
  await expect(rows.first()).toHaveAccessibleName('Cloud');
  const up = serverRow(page, 'Lab').getByRole('button', { name: 'Move Lab up' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(rows.first()).toHaveAccessibleName('Lab');
  await expect(up).toBeFocused();
  await expect(up).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(rows.first()).toHaveAccessibleName('Cloud');
  await expect(serverRow(page, 'Lab').getByRole('button', { name: 'Move Lab down' })).toBeFocused();

  // The screens of one server follow the server picker.
  await expect(page.getByRole('region', { name: 'Server', exact: true })).toContainText('v0.12 API');
  await page.getByRole('group', { name: 'Server shown' }).getByLabel('Server').selectOption({ label: 'Lab' });
  await expect(page.getByRole('region', { name: 'Server', exact: true })).toContainText('v0.10 API');
  await expect(serverRow(page, 'Lab')).toContainText('Current');
  await expect(page.getByRole('region', { name: 'API key', exact: true })).toContainText(lab.apiKey.slice(-4));
});
