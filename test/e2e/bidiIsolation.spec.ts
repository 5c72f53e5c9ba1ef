import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';
import { connect, snap } from './support/launch';

// A server may name a meeting or a participant with RIGHT-TO-LEFT OVERRIDE (U+202E), which
// reverses everything after it in the same paragraph, and a stray POP DIRECTIONAL ISOLATE (U+2069)
// that would end an isolate around it early. The window shows such text isolated (`<bdi>`, or
// FSI…PDI inside a sentence), so the app's own words around it keep their order.

const RLO = '\u202E';
const NAME = `Budget \u2069${RLO}review`;
const PARTICIPANT = `Ann ${RLO}admin`;

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

/**
 * Every text on the page holding the override that is not inside an isolate, or that holds a PDI
 * closing nothing before it (it would end the isolate around it).
 */
async function unisolated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node as Text).data;
      let depth = 0;
      for (const ch of text) {
        if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') depth++;
        else if (ch === '\u2069' && --depth < 0) break;
      }
      if (depth < 0) {
        bad.push(text);
        continue;
      }
      const at = text.indexOf('\u202E');
      if (at < 0) continue;
      const element = node.parentElement;
      if (element?.closest('bdi')) continue;
      if (element && getComputedStyle(element).unicodeBidi === 'isolate') continue;
      if (text.lastIndexOf('\u2068', at) >= 0 && text.indexOf('\u2069', at) > at) continue;
      bad.push(text);
    }
    return bad;
  });
}

/** The left edge of the first occurrence of `needle` in the text of `scope`, as drawn. */
async function xOf(scope: Locator, needle: string): Promise<number> {
  return scope.evaluate((root, n) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(n);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + n.length);
      return range.getBoundingClientRect().left;
    }
    throw new Error(`"${n}" is not in ${root.textContent ?? ''}`);
  }, needle);
}

test('a name with a right-to-left override does not reorder the app’s words around it', async ({ page }) => {
  test.setTimeout(60_000);
  app = await launchApp({ profile: 'g2' });
  const renamed = await fetch(`${app.simulatorUrl}/meetings/google_meet/kqv-mzrp-tdx`, {
    method: 'PATCH',
    headers: { 'X-API-Key': app.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { name: NAME, participants: [PARTICIPANT, 'Bo'] } }),
  });
  expect(renamed.status).toBe(200);
  await connect(page, app);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Library/ })
    .click();
  const list = page.getByRole('list', { name: 'Meetings' });
  const row = list.getByRole('button', { name: /^Budget/ });
  await expect(row).toBeVisible();
  expect(await unisolated(page)).toEqual([]);

  // Search finds it by a word of its name; the hit shows the name.
  await page.getByRole('combobox', { name: 'Search all meetings' }).fill('Budget');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('Budget');
  expect(await unisolated(page)).toEqual([]);
  await page.getByRole('combobox', { name: 'Search all meetings' }).fill('');

  await row.click();
  await expect(page.getByRole('heading', { level: 2, name: /^Budget/ })).toBeVisible();
  await expect(page.getByText('Ann', { exact: false }).first()).toBeVisible();
  expect(await unisolated(page)).toEqual([]);

  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Delete “/ });
  await expect(dialog).toBeVisible();
  expect(await unisolated(page)).toEqual([]);
  // Drawn left to right: “Delete”, the opening quote, the name, then the closing quote after it.
  const title = dialog.getByRole('heading', { level: 2 });
  const [open, name, overridden, close] = [
    await xOf(title, '“'),
    await xOf(title, 'Budget'),
    await xOf(title, 'review'),
    await xOf(title, '”'),
  ];
  expect(open).toBeLessThan(name);
  expect(close).toBeGreaterThan(overridden);
  await snap(page, test.info(), 'bidi-delete-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /^Export & share Budget/ }).click();
  await page.getByRole('menuitem', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export transcript' })).toContainText('Budget');
  expect(await unisolated(page)).toEqual([]);
});
