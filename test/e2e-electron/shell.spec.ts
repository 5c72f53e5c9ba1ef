import { HELP_LINKS, SETTINGS_LABEL } from '../../electron/main/shell/appMenu';
import { expect, requiresElectron, test } from './fixture';
import { openedLinks, recordOpenedLinks } from './mainProcess';
import { connect, navButton } from './ui';

// The window and its guards: what the page can reach, where links go, the CSP, the menu, and a
// clean quit. Each test starts the app on a fresh data folder (fixture.ts).

/** The page's globals these tests touch (the node tsconfig has no DOM types). */
interface PageGlobals {
  vexa?: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; code?: string; value?: { transport?: string } }> };
  require?: unknown;
  process?: unknown;
  injected?: unknown;
  location: { href: string };
  open(url: string): unknown;
  document: { createElement(tag: string): { textContent: string }; body: { append(node: unknown): void } };
}

interface MenuEntry {
  label: string;
  role: string | null;
  submenu: MenuEntry[];
}

test.describe('Electron shell', () => {
  requiresElectron();

  test('shows the app from app://companion with only window.vexa exposed to the page', async ({ desktop }) => {
    const { window } = await desktop.launch();
    expect(window.url()).toMatch(/^app:\/\/companion\//);
    await expect(window.getByRole('heading', { name: 'Welcome to Vexa Companion' })).toBeVisible();
    const globals = await window.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { invoke: typeof g.vexa?.invoke, require: typeof g.require, process: typeof g.process };
    });
    expect(globals).toEqual({ invoke: 'function', require: 'undefined', process: 'undefined' });
  });

  test('answers app:getState through the preload and refuses channels outside the contract', async ({ desktop }) => {
    const { window } = await desktop.launch();
    const state = await window.evaluate(() => (globalThis as unknown as PageGlobals).vexa?.invoke('app:getState'));
    expect(state?.ok).toBe(true);
    expect(state?.value?.transport).toBe('electron');
    const refused = await window.evaluate(() =>
      (globalThis as unknown as PageGlobals).vexa?.invoke('fs:readFile', { path: '/etc/passwd' }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'unknown_channel' });
  });

  test('keeps the window on the app and sends web links to the system browser', async ({ desktop }) => {
    const { app, window } = await desktop.launch();
    await recordOpenedLinks(app);
    const prevented = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<boolean>((resolve) => {
          BrowserWindow.getAllWindows()[0]?.webContents.once('will-navigate', (event) =>
            setImmediate(() => resolve(event.defaultPrevented)),
          );
        }),
    );
    await window.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/from-a-link';
    });
    expect(await prevented).toBe(true);
    expect(window.url()).toMatch(/^app:\/\/companion\//);
    await expect.poll(() => openedLinks(app)).toEqual(['https://example.com/from-a-link']);
  });

  test('opens web links from window.open in the system browser and never in a new window', async ({ desktop }) => {
    const { app, window } = await desktop.launch();
    await recordOpenedLinks(app);
    await window.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      g.open('javascript:alert(1)');
      g.open('https://example.com/docs?from=app');
    });
    await expect.poll(() => openedLinks(app)).toEqual(['https://example.com/docs?from=app']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('does not run script injected into the page (CSP)', async ({ desktop }) => {
    const { window } = await desktop.launch();
    const injected = await window.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      const script = g.document.createElement('script');
      script.textContent = 'globalThis.injected = 1';
      g.document.body.append(script);
      return typeof g.injected;
    });
    expect(injected).toBe('undefined');
  });

  // Whether a packaged build drops Reload and the developer tools cannot be seen here (this run is
  // unpackaged; appMenu.test.ts pins the packaged template). What can: the menu is the app's own,
  // not Electron's default one, and its items do what they say.
  test("installs the app's own menu, whose Settings item opens Settings", async ({ desktop }) => {
    const server = await desktop.startServer();
    const { app, window } = await desktop.launch();
    await connect(window, server);
    const { packaged, menu } = await app.evaluate(({ app: electronApp, Menu }) => {
      type Entry = { label: string; role: string | null; submenu: Entry[] };
      const walk = (items: Electron.MenuItem[]): Entry[] =>
        items.map((i) => ({ label: i.label, role: i.role ?? null, submenu: i.submenu ? walk(i.submenu.items) : [] }));
      return { packaged: electronApp.isPackaged, menu: walk(Menu.getApplicationMenu()?.items ?? []) };
    });
    const all = (entries: MenuEntry[]): MenuEntry[] => entries.flatMap((e) => [e, ...all(e.submenu)]);
    const labels = all(menu).map((e) => e.label);
    const roles = all(menu).map((e) => e.role);
    expect(packaged).toBe(false);
    expect(labels).toEqual(expect.arrayContaining([SETTINGS_LABEL, 'Open the log folder', HELP_LINKS[0].label]));
    // Electron's default menu has these Help items; the app's has none of them.
    expect(labels).not.toContain('Learn More');
    expect(labels).not.toContain('Search Issues');
    // A development run keeps the developer tools, from the app's template.
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'quit']));

    await expect(navButton(window, 'Settings')).not.toHaveAttribute('aria-current', 'page');
    const clicked = await app.evaluate(({ Menu }, label) => {
      const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined =>
        items.map((i) => (i.label === label ? i : i.submenu ? find(i.submenu.items) : undefined)).find((i) => i !== undefined);
      const item = find(Menu.getApplicationMenu()?.items ?? []);
      item?.click();
      return item !== undefined;
    }, SETTINGS_LABEL);
    expect(clicked).toBe(true);
    await expect(navButton(window, 'Settings')).toHaveAttribute('aria-current', 'page');
  });

  test('closes the core cleanly on quit', async ({ desktop }) => {
    const { app } = await desktop.launch();
    await app.close();
    expect(desktop.readLog()).toMatch(/INFO Core closed\n$/);
  });
});
