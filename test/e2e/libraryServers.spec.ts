import type { Locator, Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../../electron/simulator';
import { connectIpc, must } from '../support/ipcClient';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, snap } from './support/launch';
import { expect, test } from './support/test';

// One library across servers, in the browser-served app: two simulators connected one after the
// other, the first then disconnected, leave both servers' meetings on this computer, the same three meetings on each (same
// names, same meeting ids). Each row, search result and meeting page names its server; a server
// filter, usable from the keyboard and announced, keeps one and is remembered through a reload;
// with one server there is neither.

const PLANNING = 'June release planning';
// Said once, in the planning meeting only (electron/simulator/script.ts).
const WORD = 'telemetry';

let app: LaunchedApp | null = null;
let other: Simulator | null = null;
test.afterEach(async () => {
  await app?.close();
  await other?.close();
  app = other = null;
});

const nav = (page: Page, name: RegExp): Promise<void> =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const rows = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' }).getByRole('listitem');
const chips = (scope: Locator): Locator => scope.locator('.server-chip');
/** The name a chip shows (screen readers hear "on <name>" instead). */
const chipNames = (scope: Locator): Locator => scope.locator('.server-chip > [aria-hidden]');
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const serverFilter = (page: Page): Locator => page.getByRole('combobox', { name: 'Server' });
const search = (page: Page): Locator => page.getByRole('combobox', { name: 'Search all meetings' });
const results = (page: Page): Locator => page.getByRole('listbox', { name: 'Search results' });
const hostOf = (url: string): string => new URL(url).host;

/** Both simulators' meetings in the library: the first connected in the window, the second after it. */
async function twoServers(page: Page): Promise<{ first: string; second: string }> {
  app = await launchApp({ profile: 'g3' });
  await connect(page, app);
  await nav(page, /Library/);
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).getByText('Transcript on this computer')).toHaveCount(3);
  // One server: nothing names it, and there is nothing to filter by.
  await expect(chips(page.locator('body'))).toHaveCount(0);
  await expect(serverFilter(page)).toHaveCount(0);

  other = await startSimulator({ profile: 'g2', port: 0, apiKeys: [app.apiKey], seed: true, timeScale: 20, rateLimitPerMinute: 0 });
  const ipc = await connectIpc(app.url);
  const firstId = must(await ipc.invoke('app:getState')).currentServerId!;
  must(await ipc.invoke('connection:connect', { url: other.url, apiKey: app.apiKey }));
  // Several servers stay connected at once; the first is disconnected on purpose, so the library
  // shows the meetings of a server no longer connected beside the connected one's.
  expect(must(await ipc.invoke('servers:disconnect', { serverId: firstId })).status).toBe('disconnected');
  ipc.close();
  await expect(rows(page)).toHaveCount(6);
  await expect(rows(page).getByText('Transcript on this computer')).toHaveCount(6);
  return { first: hostOf(app.simulatorUrl), second: hostOf(other.url) };
}

test('two servers in one library: rows, results and the meeting page name their server; the filter keeps one', async ({ page }) => {
  test.setTimeout(90_000);
  const { first, second } = await twoServers(page);

  // The same meeting on both servers, told apart by the chip, in sight and in the row's name.
  const planning = rows(page).filter({ hasText: PLANNING });
  await expect(planning).toHaveCount(2);
  expect((await chipNames(planning).allInnerTexts()).sort()).toEqual([first, second].sort());
  for (const host of [first, second]) {
    await expect(page.getByRole('button', { name: new RegExp(`^${PLANNING}.*on ${escaped(host)}`) })).toHaveCount(1);
  }
  const colours = await chips(planning).evaluateAll((els) => els.map((e) => getComputedStyle(e).color));
  expect(new Set(colours).size).toBe(2);
  await snap(page, test.info(), 'library-two-servers');

  // The filter, from the keyboard: each choice is said once the list has followed it.
  const filter = serverFilter(page);
  await expect(filter.locator('option')).toHaveText(['All servers', ...[first, second].sort().map((h) => `${h} (3)`)]);
  await filter.focus();
  await page.keyboard.press('ArrowDown');
  const chosen = [first, second].sort()[0]!;
  await expect(filter).toHaveValue(new RegExp(escaped(chosen)));
  await expect(rows(page)).toHaveCount(3);
  await expect(chipNames(rows(page))).toHaveText([chosen, chosen, chosen]);
  await expect(page.getByTestId('announcer')).toHaveText(`Showing 3 meetings on ${chosen}.`);

  // Remembered for the session: a reload of the window keeps it.
  await page.reload();
  await nav(page, /Library/);
  await expect(serverFilter(page)).toHaveValue(new RegExp(escaped(chosen)));
  await expect(rows(page)).toHaveCount(3);
  await expect(chipNames(rows(page))).toHaveText([chosen, chosen, chosen]);

  // The search spans both servers; the filter narrows it too.
  await serverFilter(page).selectOption({ label: 'All servers' });
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByTestId('announcer')).toHaveText('Showing 6 meetings from all servers.');
  await search(page).fill(WORD);
  const hits = results(page).getByRole('option');
  await expect(hits.filter({ hasText: PLANNING }).first()).toBeVisible();
  const hitServers = async () => [...new Set(await chipNames(results(page)).allInnerTexts())].sort();
  await expect.poll(hitServers).toEqual([first, second].sort());
  await snap(page, test.info(), 'search-two-servers');
  await serverFilter(page).selectOption({ label: `${second} (3)` });
  await expect.poll(hitServers).toEqual([second]);

  // The meeting page says which server it is from.
  await hits.first().click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(PLANNING) })).toBeVisible();
  await expect(chipNames(page.locator('.meeting-detail-meta'))).toHaveText(second);
  await expect(page.locator('.meeting-detail-meta')).toContainText(`on ${second}`);
});
