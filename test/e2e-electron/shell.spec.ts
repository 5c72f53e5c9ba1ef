import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_FILE } from '../../electron/core/logger';
import { electronArgs, locateElectron, MISSING_ELECTRON_REASON, projectRoot } from './electronBinary';

/** The page's globals this suite touches (the node tsconfig has no DOM types). */
interface PageGlobals {
  vexa?: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; code?: string; value?: { transport?: string } }> };
  require?: unknown;
  process?: unknown;
  injected?: unknown;
  location: { href: string };
  open(url: string): unknown;
  document: { createElement(tag: string): { textContent: string }; body: { append(node: unknown): void } };
}

const binary = locateElectron();

/** Replaces shell.openExternal in the main process, so no test ever opens a real browser. */
async function recordOpenedLinks(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ shell }) => {
    const g = globalThis as unknown as { opened: string[] };
    g.opened = [];
    shell.openExternal = async (url: string) => {
      g.opened.push(url);
    };
  });
}

const openedLinks = (app: ElectronApplication) => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened);

test.describe('Electron shell', () => {
  test.skip(binary === null, MISSING_ELECTRON_REASON);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vexa-electron-e2e-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    app = await electron.launch({
      executablePath: binary ?? '',
      args: electronArgs(),
      cwd: projectRoot,
      env: { ...env, VEXA_COMPANION_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
      await testInfo.attach('window', { body: await page.screenshot(), contentType: 'image/png' });
    }
    await app.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('shows the app from app://companion with only window.vexa exposed to the page', async () => {
    expect(page.url()).toMatch(/^app:\/\/companion\//);
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { invoke: typeof g.vexa?.invoke, require: typeof g.require, process: typeof g.process };
    });
    expect(globals).toEqual({ invoke: 'function', require: 'undefined', process: 'undefined' });
  });

  test('answers app:getState through the preload and refuses channels outside the contract', async () => {
    const state = await page.evaluate(() => (globalThis as unknown as PageGlobals).vexa?.invoke('app:getState'));
    expect(state?.ok).toBe(true);
    expect(state?.value?.transport).toBe('electron');
    const refused = await page.evaluate(() => (globalThis as unknown as PageGlobals).vexa?.invoke('fs:readFile', { path: '/etc/passwd' }));
    expect(refused).toMatchObject({ ok: false, code: 'unknown_channel' });
  });

  test('keeps the window on the app and sends web links to the system browser', async () => {
    await recordOpenedLinks(app);
    const prevented = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<boolean>((resolve) => {
          BrowserWindow.getAllWindows()[0]?.webContents.once('will-navigate', (event) =>
            setImmediate(() => resolve(event.defaultPrevented)),
          );
        }),
    );
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/from-a-link';
    });
    expect(await prevented).toBe(true);
    expect(page.url()).toMatch(/^app:\/\/companion\//);
    await expect.poll(() => openedLinks(app)).toEqual(['https://example.com/from-a-link']);
  });

  test('opens web links from window.open in the system browser and never in a new window', async () => {
    await recordOpenedLinks(app);
    await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      g.open('javascript:alert(1)');
      g.open('https://example.com/docs?from=app');
    });
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened))
      .toEqual(['https://example.com/docs?from=app']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('does not run script injected into the page (CSP)', async () => {
    const injected = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      const script = g.document.createElement('script');
      script.textContent = 'globalThis.injected = 1';
      g.document.body.append(script);
      return typeof g.injected;
    });
    expect(injected).toBe('undefined');
  });

  test('closes the core cleanly on quit', async () => {
    const logs = await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs'));
    await app.close();
    expect(readFileSync(join(logs, LOG_FILE), 'utf8')).toContain('Core closed');
  });
});
