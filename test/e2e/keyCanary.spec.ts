import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp } from './support/app';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Everything the page holds: markup, form values (not in markup), storage and the title. */
async function pageContents(page: Page): Promise<string> {
  // A string expression: this file is type-checked without the DOM library.
  return page.evaluate<string>(`[
    document.documentElement.outerHTML,
    ...Array.from(document.querySelectorAll('input, textarea')).map((el) => el.value),
    JSON.stringify({ ...sessionStorage }),
    JSON.stringify({ ...localStorage }),
    document.title,
    location.href,
  ].join('\\n')`);
}

test('a unique API key never reaches the DOM, the IPC payloads, the logs or the SQLite cache', async ({ page }) => {
  const canary = `vxa_tx_CANARY${Date.now().toString(36)}Q${Math.random().toString(36).slice(2, 14)}`;
  const app = await launchApp({ profile: 'g3', apiKey: canary });
  const consoleText: string[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  try {
    await page.goto(app.url);
    await page.getByLabel('Server URL').fill(app.simulatorUrl);
    await page.getByLabel('API key', { exact: true }).fill(canary);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('group', { name: 'Connection test result' })).toContainText('v0.12 API');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: /v0.12 API/ })).toBeVisible();

    const seen: string[] = [await pageContents(page)];
    await page.keyboard.press('Control+3');
    await expect(page.getByText(/\d+ meetings?/).first()).toBeVisible();
    seen.push(await pageContents(page));
    await page.keyboard.press('Control+4');
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByRole('region', { name: 'API key', exact: true })).toContainText(`••••${canary.slice(-4)}`);
    seen.push(await pageContents(page));
    await page.reload();
    await expect(page.getByRole('banner').getByRole('button', { name: /v0.12 API/ })).toBeVisible();
    seen.push(await pageContents(page));

    for (const text of [...seen, ...consoleText]) expect(text.includes(canary)).toBe(false);
    expect(app.outgoing.length).toBeGreaterThan(5);
    expect(app.outgoing.filter((f) => f.includes(canary))).toEqual([]);
  } finally {
    await app.close({ keepData: true });
  }
  const files = filesUnder(app.dataDir);
  expect(files.some((f) => f.endsWith('cache.sqlite'))).toBe(true);
  expect(files.some((f) => f.endsWith('companion.log'))).toBe(true);
  for (const f of files) expect(readFileSync(f).includes(canary), f).toBe(false);
});
