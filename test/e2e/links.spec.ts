import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { joinDeepLink, meetingDeepLink } from '../../shared/deepLink';
import type { LibraryMeetingView } from '../../shared/ipc/library';
import { connectIpc, must } from '../support/ipcClient';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, linkField, meetingCard, snap } from './support/launch';
import { goTo, nativeIdsOn } from './support/servers';
import { expect, test } from './support/test';

// `vexa://` links, delivered the way the desktop shell delivers them (Core.openLink, which its
// command line and macOS open-url handlers call): a join link fills Launch in and sends nothing
// until the person presses Enter; a meeting link opens that meeting of that server even when two
// servers both have a meeting with its number; a broken link is refused with a message.

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const MEET_ID = 'abc-defg-hij';
const MEET = `https://meet.google.com/${MEET_ID}`;
const PLANNING = 'June release planning';

const linkNotice = (page: Page): Locator => page.getByRole('alert').filter({ hasText: 'That link could not be opened' });
const rows = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' }).getByRole('listitem');
const detailServer = (page: Page): Locator => page.locator('.meeting-detail-meta .server-chip > [aria-hidden]');

test('a join link fills Launch in and focuses the field; nothing is sent until Enter', async ({ page }, testInfo) => {
  app = await launchApp({ seed: false });
  await connect(page, app);
  await goTo(page, 'Library');

  expect(await app.core.openLink(joinDeepLink(MEET))).toEqual({ kind: 'join', link: MEET });
  await expect(linkField(page)).toHaveValue(MEET);
  await expect(linkField(page)).toBeFocused();
  await expect(page.getByRole('main', { name: 'Launch' })).toBeVisible();
  await snap(page, testInfo, 'link-join-filled');
  // The link only filled the form: the server has no bot and no card shows.
  expect(await nativeIdsOn(app.simulatorUrl)).toEqual([]);
  await expect(meetingCard(page, MEET_ID)).toHaveCount(0);

  await page.keyboard.press('Enter');
  await expect(meetingCard(page, MEET_ID)).toBeVisible();
  expect(await nativeIdsOn(app.simulatorUrl)).toEqual([MEET_ID]);
});

test('a link that arrives while no window is open waits for the window', async ({ page }) => {
  app = await launchApp({ seed: false });
  await connect(page, app);
  await page.goto('about:blank');

  const second = 'https://meet.google.com/qrs-tuvw-xyz';
  await app.core.openLink(joinDeepLink(second));
  await page.goto(app.url);
  await expect(linkField(page)).toHaveValue(second);
  await expect(linkField(page)).toBeFocused();
  expect(await nativeIdsOn(app.simulatorUrl)).toEqual([]);

  // Taken once: a reload does not fill the field in again.
  await linkField(page).fill('');
  await page.reload();
  await expect(linkField(page)).toBeVisible();
  await expect(linkField(page)).toHaveValue('');
});

test('a join link that arrives before any server is set up waits on Launch until one is connected', async ({ page }) => {
  app = await launchApp({ seed: false });
  await app.core.openLink(joinDeepLink(MEET));
  await connect(page, app);
  await expect(linkField(page)).toHaveValue(MEET);
  await expect(linkField(page)).toBeFocused();
  expect(await nativeIdsOn(app.simulatorUrl)).toEqual([]);
});

test('a meeting link opens the meeting of the server it names, when two servers both have that meeting number', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  app = await launchApp({ profile: 'g3', extraServers: [{ profile: 'g2' }] });
  await connect(page, app);
  const lab = app.extra[0]!;
  const ipc = await connectIpc(app.url);
  must(await ipc.invoke('servers:add', { url: lab.url, apiKey: lab.apiKey }));
  const servers = must(await ipc.invoke('servers:list'));
  const labId = servers.find((s) => new URL(s.id).host === new URL(lab.url).host)!.id;
  const cloudId = servers.find((s) => s.id !== labId)!.id;
  await goTo(page, 'Library');
  await expect(rows(page)).toHaveCount(6);

  // The planning meeting has the same number on both servers.
  const planning = must(await ipc.invoke('library:list', {})).filter((m: LibraryMeetingView) => m.name === PLANNING);
  ipc.close();
  const onCloud = planning.find((m) => m.serverId === cloudId)!;
  const onLab = planning.find((m) => m.serverId === labId)!;
  expect(onLab.remoteId).toBe(onCloud.remoteId);
  await goTo(page, 'Launch');

  // Lab's, by its id percent-encoded.
  await app.core.openLink(meetingDeepLink(labId, onLab.remoteId));
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(PLANNING) })).toBeVisible();
  await expect(detailServer(page)).toHaveText(new URL(lab.url).host);
  await snap(page, testInfo, 'link-meeting-lab');

  // The other server's, by its bare host.
  await app.core.openLink(`vexa://meeting/${new URL(app.simulatorUrl).host}/${onCloud.remoteId}`);
  await expect(detailServer(page)).toHaveText(new URL(app.simulatorUrl).host);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(PLANNING) })).toBeVisible();

  // A number neither server has: said, and the meeting on screen stays.
  await app.core.openLink(meetingDeepLink(labId, 9999));
  await expect(linkNotice(page)).toContainText(/Meeting 9999 of .* is not in the library on this computer/);
  await expect(detailServer(page)).toHaveText(new URL(app.simulatorUrl).host);
});

test('a malformed or unknown link is refused with a message, and Launch stays empty', async ({ page }, testInfo) => {
  app = await launchApp({ seed: false });
  await connect(page, app);

  await app.core.openLink('vexa://join?url=https%3A%2F%2Fmeet.google.com%2F%zz');
  await expect(linkNotice(page)).toContainText('The link that opened Vexa Companion is damaged.');
  await snap(page, testInfo, 'link-refused');
  await linkNotice(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(linkNotice(page)).toHaveCount(0);

  await app.core.openLink(joinDeepLink(`javascript:alert('${MEET}')`));
  await expect(linkNotice(page)).toContainText('its url= must be the meeting’s https:// address');
  await app.core.openLink('vexa://settings/delete-everything');
  await expect(linkNotice(page)).toContainText('does not know what to do with that link');
  await app.core.openLink(meetingDeepLink('https://elsewhere.example', 3));
  await expect(linkNotice(page)).toContainText('a server Vexa Companion does not know: “https://elsewhere.example”');

  await expect(linkField(page)).toHaveValue('');
  expect(await nativeIdsOn(app.simulatorUrl)).toEqual([]);
  // What the log says of the links: their action and length, not what they carried.
  const log = readdirSync(app.logsDir)
    .map((f) => readFileSync(join(app!.logsDir, f), 'utf8'))
    .join('\n');
  expect(log).toContain('Refused a link');
  expect(log).not.toContain('elsewhere.example');
  expect(log).not.toContain('%zz');
});
