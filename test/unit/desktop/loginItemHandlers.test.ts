import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesktopHandlers, loginItemView } from '../../../electron/core/desktop/loginItem';
import type { LoginItems } from '../../../electron/core/desktop/ports';
import { SettingsStore } from '../../../electron/core/settings';
import { fakeLoginItems as fakeOs } from '../../support/fakeLoginItems';
import { quietLogger } from '../../support/logger';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function settingsStore(): SettingsStore {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-login-'));
  dirs.push(dir);
  return new SettingsStore(join(dir, 'settings.json'));
}

function handlers(items: LoginItems, settings = settingsStore()) {
  let pushed = 0;
  const h = createDesktopHandlers({ loginItems: items, settings, logger: quietLogger, emitState: () => void pushed++ });
  return { h, settings, pushed: () => pushed };
}

describe('start at login, as the core keeps it', () => {
  it('is off by default; turning it on asks the OS, stores the wish, and shows what the OS reads back', async () => {
    const { os, items } = fakeOs();
    const { h, settings, pushed } = handlers(items);
    expect(settings.settings.desktop.startAtLogin).toBe(false);
    expect(await h['desktop:loginItem'](undefined)).toEqual({ wanted: false, status: 'off', canChange: true, message: null });
    expect(await h['desktop:setStartAtLogin']({ enabled: true })).toEqual({ wanted: true, status: 'on', canChange: true, message: null });
    expect(os.status).toBe('on');
    expect(settings.settings.desktop.startAtLogin).toBe(true);
    expect(pushed()).toBe(1);
    expect(await h['desktop:setStartAtLogin']({ enabled: false })).toMatchObject({ wanted: false, status: 'off' });
    expect(os.status).toBe('off');
  });

  it('says so when the OS refuses, keeping the wish beside what the OS does', async () => {
    const { os, items } = fakeOs();
    os.refuse = true;
    const { h } = handlers(items);
    const view = await h['desktop:setStartAtLogin']({ enabled: true });
    expect(view.status).toBe('failed');
    expect(view.wanted).toBe(true);
    expect(view.message).toMatch(/The system refused to add the app to the apps that start at login/);
  });

  it('follows a change made in the OS itself: removed there, it reads off and says how to add it again', async () => {
    const { os, items } = fakeOs();
    const { h } = handlers(items);
    await h['desktop:setStartAtLogin']({ enabled: true });
    os.status = 'off';
    const view = await h['desktop:loginItem'](undefined);
    expect(view).toMatchObject({ wanted: true, status: 'off' });
    expect(view.message).toMatch(/removed .* outside Vexa Companion/);
  });

  it('refuses to change anything where the app cannot start at login, and says why', async () => {
    const items: LoginItems = {
      read: async () => ({ status: 'unavailable', reason: 'This is a development build; only the installed app can start at login.' }),
      set: async () => {
        throw new Error('never called');
      },
    };
    const { h, settings } = handlers(items);
    expect(await h['desktop:loginItem'](undefined)).toEqual({
      wanted: false,
      status: 'unavailable',
      canChange: false,
      message: 'This is a development build; only the installed app can start at login.',
    });
    await expect(h['desktop:setStartAtLogin']({ enabled: true })).rejects.toMatchObject({ code: 'login_item_unavailable' });
    expect(settings.settings.desktop.startAtLogin).toBe(false);
  });

  it('explains the states the OS holds back in its own words', () => {
    expect(loginItemView(true, { status: 'needs-approval', reason: null }).message).toMatch(/System Settings › General › Login Items/);
    expect(loginItemView(true, { status: 'disabled-by-user', reason: 'Open Task Manager.' })).toMatchObject({
      message: 'Open Task Manager.',
      canChange: true,
    });
  });
});
