import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { createVexaClient, type VexaClient } from '../../electron/core/vexa';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, snap } from './support/launch';

// A weekly Meet room keeps its link, and every Vexa server resolves a link to its newest meeting.
// Renaming, sharing and deleting last week's meeting in the Library must reach last week's meeting
// (by its id, where the server can) or nothing on the server, and the window says which.

const NATIVE = 'wkl-ysyn-cmx';
const OLDER_G1 = 'Weekly sync, week 1';
const NEWEST_G1 = 'Weekly sync, week 2';
const RENAMED = 'Week 1, pricing';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

const meetingList = (page: Page): Locator => page.getByRole('list', { name: 'Meetings' });
const editState = (page: Page, field: string): Locator => page.getByTestId(`edit-state-${field}`);

/**
 * Two meetings held one after the other in the same room. Where the server can rename (G1), each
 * is named once it ended, while the link still reached it.
 */
async function twoOnOneLink(owner: VexaClient): Promise<[number, number]> {
  const ids: number[] = [];
  for (const week of [1, 2]) {
    const m = await owner.launchBot({ platform: 'google_meet', nativeMeetingId: NATIVE, botName: 'sim:normal' });
    await expect.poll(async () => (await owner.getMeeting(m.id)).status, { timeout: 20_000 }).toBe('completed');
    if (owner.capabilities.meetingEdit) await owner.updateMeeting('google_meet', NATIVE, { name: `Weekly sync, week ${week}` });
    ids.push(m.id);
  }
  return ids as [number, number];
}

/** Name, link and transcript lines of each meeting, as the server holds them. */
async function onServer(owner: VexaClient, ids: readonly number[]) {
  const { meetings } = await owner.listAllMeetings();
  return Promise.all(
    ids.map(async (id) => {
      const m = meetings.find((x) => x.id === id)!;
      const readable = !m.transcriptDeleted && m.nativeMeetingId !== null;
      const lines = readable ? (await owner.getTranscript('google_meet', NATIVE, { meetingId: id })).segments.length : 0;
      return { id, name: m.name, deleted: m.transcriptDeleted, lines };
    }),
  );
}

/** The first line of a meeting's public text transcript (G1/G2 share links), stamped in UTC. */
function firstPublicLine(a: LaunchedApp, remoteId: number): string {
  const s = a.simulator.truth(remoteId)[0]!;
  return `[${s.absolute_start_time.slice(0, 19).replace('T', ' ')}] ${s.speaker}: ${s.text}`;
}

for (const profile of ['g1', 'g3'] as const) {
  test(`${profile}: rename, share and delete last week's meeting of a recurring link; this week's stays as it was`, async ({ page }) => {
    test.setTimeout(40_000);
    app = await launchApp({ profile, timeScale: 100 });
    const owner = createVexaClient({ baseUrl: app.simulatorUrl, apiKey: app.apiKey, generation: profile });
    const [olderId, newestId] = await twoOnOneLink(owner);
    const before = await onServer(owner, [olderId, newestId]);
    expect(before.every((m) => m.lines > 0)).toBe(true);

    await connect(page, app);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Library/ })
      .click();
    await expect(meetingList(page).getByRole('listitem')).toHaveCount(5);
    // G1 rows carry the names given on the server; G3 ones are named by their link, newest first.
    const title = profile === 'g1' ? OLDER_G1 : `Google Meet ${NATIVE}`;
    const rows = meetingList(page).getByRole('button', { name: new RegExp(`^${profile === 'g1' ? 'Weekly sync' : title}`) });
    await expect(rows).toHaveCount(2);
    await snap(page, test.info(), `recurring-${profile}-library`);
    await (profile === 'g1' ? meetingList(page).getByRole('button', { name: new RegExp(`^${OLDER_G1}`) }) : rows.nth(1)).click();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(title) })).toBeVisible();

    // Rename: kept on this computer, with the reason.
    await page.getByRole('button', { name: `${title}, rename` }).click();
    const field = page.getByRole('textbox', { name: 'Meeting name' });
    await field.fill(RENAMED);
    await field.press('Enter');
    await expect(page.getByRole('button', { name: `${RENAMED}, rename` })).toBeVisible();
    await expect(editState(page, 'name')).toHaveText('Kept on this computer');
    await expect(
      page.getByText(
        profile === 'g1'
          ? 'This server only changes the latest meeting on this link, and a newer meeting now uses the same link. The change is kept on this computer.'
          : 'This server version cannot rename past meetings.',
      ),
    ).toBeVisible();
    await snap(page, test.info(), `recurring-${profile}-rename-kept`);
    expect(await onServer(owner, [olderId, newestId])).toEqual(before);

    // Share: the link or token is for last week's meeting.
    await page.getByRole('button', { name: `Export & share ${RENAMED}` }).click();
    await page
      .getByRole('menu', { name: `Export & share ${RENAMED}` })
      .getByRole('menuitem', { name: profile === 'g1' ? 'Share link…' : 'Share with a Vexa user…' })
      .click();
    if (profile === 'g1') {
      const share = page.getByRole('dialog', { name: 'Share a link to the transcript' });
      await share.getByRole('button', { name: 'Create link' }).click();
      const url = await share.getByLabel('Link', { exact: true }).inputValue();
      const text = await (await fetch(url)).text();
      expect(text).toContain(firstPublicLine(app, olderId));
      expect(text).not.toContain(firstPublicLine(app, newestId));
      await snap(page, test.info(), 'recurring-g1-share');
      await share.getByRole('button', { name: 'Done' }).click();
      await expect(share).toBeHidden();
    } else {
      const share = page.getByRole('dialog', { name: 'Share with a Vexa user' });
      await share.getByRole('button', { name: 'Create token' }).click();
      // The token names its meeting: "<meeting id>.<secret>".
      await expect(share.getByLabel('Token', { exact: true })).toHaveValue(new RegExp(`^${olderId}\\.\\S{8,}$`));
      await snap(page, test.info(), 'recurring-g3-share');
      await page.keyboard.press('Escape');
      await expect(share).toBeHidden();
    }

    // Delete on the server too.
    await page.getByRole('button', { name: 'Delete…' }).click();
    const choose = page.getByRole('dialog', { name: new RegExp(`^Delete “${RENAMED}”`) });
    await choose.getByRole('radio', { name: /From the server too/ }).check();
    await choose.getByRole('button', { name: 'Continue' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete for everyone?' });
    await confirm.getByRole('textbox', { name: /Type the meeting’s name to confirm/ }).fill(RENAMED);
    await confirm.getByRole('button', { name: 'Delete for everyone' }).click();
    const after = await (async () => {
      if (profile === 'g3') {
        await expect(confirm).toBeHidden();
        return onServer(owner, [olderId, newestId]);
      }
      // G1 reaches a meeting only through its link, which names this week's meeting now.
      const kept = page.getByRole('dialog', { name: 'Still on the server' });
      await expect(kept).toContainText(`“${RENAMED}” was removed from this computer only.`);
      await expect(kept).toContainText(
        'This server only changes the latest meeting on this link, and a newer meeting now uses the same link, so this meeting’s transcript stays on the server.',
      );
      await snap(page, test.info(), 'recurring-g1-delete-kept');
      await kept.getByRole('button', { name: 'Close' }).click();
      await expect(kept).toBeHidden();
      return onServer(owner, [olderId, newestId]);
    })();
    await expect(meetingList(page).getByRole('listitem')).toHaveCount(4);
    await expect(meetingList(page).getByRole('button', { name: new RegExp(`^${RENAMED}`) })).toHaveCount(0);
    await snap(page, test.info(), `recurring-${profile}-after-delete`);

    // This week's meeting is exactly as it was; last week's is deleted only where its id reaches it.
    expect(after[1]).toEqual(before[1]);
    expect(after[0]).toEqual(profile === 'g3' ? { ...before[0], deleted: true, lines: 0 } : before[0]);
    if (profile === 'g1') expect(after.map((m) => m.name)).toEqual([OLDER_G1, NEWEST_G1]);
  });
}
