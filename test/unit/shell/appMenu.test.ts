import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aboutPanelOptions,
  appMenuTemplate,
  HELP_LINKS,
  navigateWindow,
  SETTINGS_ACCELERATOR,
  SETTINGS_LABEL,
  type AppMenuInput,
} from '../../../electron/main/shell/appMenu';
import { EVENT_CHANNEL } from '../../../shared/ipc/bridge';
import { events } from '../../../shared/ipc/contract';

type Item = ReturnType<typeof appMenuTemplate>[number];

function setup(platform: NodeJS.Platform, isPackaged: boolean) {
  const calls: string[] = [];
  const input: AppMenuInput = {
    platform,
    isPackaged,
    openSettings: () => calls.push('settings'),
    openLogs: () => calls.push('logs'),
    openUrl: (url) => calls.push(`url ${url}`),
  };
  return { template: appMenuTemplate(input), calls };
}

const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const roles = (items: Item[]): string[] => items.map((i) => i.role ?? i.label ?? i.type ?? '?');
const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(submenu(i))]);
const menu = (template: Item[], label: RegExp) => template.find((i) => label.test(i.label ?? ''));

// Every role the template uses, checked against Electron 45's own type (electron.d.ts).
const electronRoles = (() => {
  const dts = readFileSync(join(import.meta.dirname, '..', '..', '..', 'node_modules', 'electron', 'electron.d.ts'), 'utf8');
  const block = /interface MenuItemConstructorOptions \{[\s\S]*?role\?: \(([^)]*)\)/.exec(dts)?.[1] ?? '';
  return new Set([...block.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]));
})();

describe('application menu', () => {
  it('production builds have no Reload or developer tools, on any platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = all(setup(platform, true).template);
      expect(items.map((i) => i.role)).not.toContain('reload');
      expect(items.map((i) => i.role)).not.toContain('forceReload');
      expect(items.map((i) => i.role)).not.toContain('toggleDevTools');
    }
  });

  it('development runs keep Reload and the developer tools in View', () => {
    const view = menu(setup('linux', false).template, /View/);
    expect(roles(submenu(view)).slice(0, 3)).toEqual(['reload', 'forceReload', 'toggleDevTools']);
  });

  it('macOS: the app menu has About, Settings… (Cmd+,), Hide and Quit; Edit carries copy and paste', () => {
    const { template, calls } = setup('darwin', true);
    expect(template.map((i) => i.label)).toEqual(['Vexa Companion', 'Edit', 'View', 'Window', 'Help']);
    const appItems = submenu(template[0]);
    expect(roles(appItems)).toEqual([
      'about',
      'separator',
      SETTINGS_LABEL,
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    const settings = appItems.find((i) => i.label === SETTINGS_LABEL);
    expect(settings?.accelerator).toBe(SETTINGS_ACCELERATOR);
    expect(SETTINGS_ACCELERATOR).toBe('CmdOrCtrl+,');
    (settings?.click as () => void)();
    expect(calls).toEqual(['settings']);
    expect(roles(submenu(menu(template, /Edit/)))).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'separator',
      'selectAll',
    ]);
    expect(roles(submenu(menu(template, /View/)))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(roles(submenu(menu(template, /Window/)))).toEqual(['minimize', 'zoom', 'separator', 'front']);
  });

  it('Windows and Linux: File holds Settings… and Quit, Help holds About; menus have Alt mnemonics', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = setup(platform, true);
      expect(template.map((i) => i.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      expect(roles(submenu(template[0]))).toEqual([SETTINGS_LABEL, 'separator', 'quit']);
      expect(roles(submenu(menu(template, /Window/)))).toEqual(['minimize', 'close']);
      expect(roles(submenu(menu(template, /Help/))).at(-1)).toBe('about');
      expect(all(template).map((i) => i.role)).not.toContain('services');
    }
  });

  it('Help opens the Vexa website and the log folder', () => {
    const { template, calls } = setup('win32', true);
    for (const item of submenu(menu(template, /Help/))) (item.click as (() => void) | undefined)?.();
    expect(calls).toEqual([...HELP_LINKS.map((l) => `url ${l.url}`), 'logs']);
  });

  it('fills the About panel, which Linux leaves empty otherwise', () => {
    expect(aboutPanelOptions('1.2.3', '/opt/app/icon.png')).toEqual({
      applicationName: 'Vexa Companion',
      applicationVersion: '1.2.3',
      website: HELP_LINKS[0].url,
      iconPath: '/opt/app/icon.png',
    });
    expect(aboutPanelOptions('1.2.3', null)).not.toHaveProperty('iconPath');
  });

  it('uses only roles Electron 45 knows', () => {
    expect(electronRoles.size).toBeGreaterThan(30);
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const item of all(setup(platform, false).template)) {
        if (item.role) expect(electronRoles, `role ${item.role}`).toContain(item.role);
      }
    }
  });
});

describe('menu → window navigation', () => {
  function contents(loading: boolean) {
    const sent: unknown[] = [];
    let onLoad: (() => void) | null = null;
    return {
      sent,
      finishLoading: () => onLoad?.(),
      target: {
        isDestroyed: () => false,
        isLoading: () => loading,
        once: (_event: 'did-finish-load', l: () => void) => void (onLoad = l),
        send: (channel: string, message: unknown) => void sent.push([channel, message]),
      },
    };
  }

  it('sends the contract’s ui:navigate event, waiting for a page that is still loading', () => {
    expect(events['ui:navigate'].parse({ screen: 'settings' })).toEqual({ screen: 'settings' });
    const ready = contents(false);
    navigateWindow(ready.target, { screen: 'settings' });
    expect(ready.sent).toEqual([[EVENT_CHANNEL, { event: 'ui:navigate', payload: { screen: 'settings' } }]]);
    const loading = contents(true);
    navigateWindow(loading.target, { screen: 'settings' });
    expect(loading.sent).toEqual([]);
    loading.finishLoading();
    expect(loading.sent).toHaveLength(1);
  });
});
