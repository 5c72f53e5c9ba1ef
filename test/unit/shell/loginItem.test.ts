import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createElectronLoginItems, DEV_BUILD_REASON, launchPath, type LoginItemApp } from '../../../electron/main/shell/loginItem';
import { startedAtLogin, HIDDEN_ARG } from '../../../electron/main/shell/startHidden';
import { AUTOSTART_FILE, autostartDir, autostartEntry, execArg, readAutostartEntry } from '../../../electron/main/shell/xdgAutostart';

// Electron's own types (electron.d.ts), reached through the adapter's: tests never name 'electron'.
type LoginItemSettings = ReturnType<LoginItemApp['getLoginItemSettings']>;
type LoginItemSettingsOptions = Parameters<LoginItemApp['getLoginItemSettings']>[0];
type Settings = Parameters<LoginItemApp['setLoginItemSettings']>[0];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'vexa-autostart-'));
  dirs.push(d);
  return d;
};

/**
 * Electron's `app` login items as electron.d.ts (Electron 45) shapes them. Windows matches the Run
 * entry by path and arguments: a read with other ones reports `openAtLogin: false` (Electron app
 * docs for getLoginItemSettings). macOS reports `status` (SMAppService, macOS 13+).
 */
function fakeApp(over: Partial<LoginItemSettings> = {}, isPackaged = true) {
  const sets: Settings[] = [];
  const reads: Array<LoginItemSettingsOptions | undefined> = [];
  let entry: { path?: string; args?: string[] } | null = null;
  const app: LoginItemApp = {
    isPackaged,
    setLoginItemSettings(settings) {
      sets.push(settings);
      entry = settings.openAtLogin ? { path: settings.path, args: settings.args } : null;
    },
    getLoginItemSettings(options) {
      reads.push(options);
      const matches =
        entry !== null && entry.path === options?.path && JSON.stringify(entry.args ?? []) === JSON.stringify(options?.args ?? []);
      return {
        openAtLogin: matches,
        wasOpenedAtLogin: false,
        status: entry ? 'enabled' : 'not-registered',
        executableWillLaunchAtLogin: entry !== null,
        launchItems: [],
        ...over,
      };
    },
  };
  return { app, sets, reads };
}

const base = { execPath: '/opt/Vexa Companion/vexa-companion', env: {}, home: '/home/ada' };

describe('start at login on macOS and Windows (Electron login items)', () => {
  it('is unavailable in a development build, which would register a bare Electron', async () => {
    const { app, sets } = fakeApp({}, false);
    const items = createElectronLoginItems({ ...base, app, platform: 'darwin' });
    expect(await items.read()).toEqual({ status: 'unavailable', reason: DEV_BUILD_REASON });
    await expect(items.set(true)).rejects.toThrow(DEV_BUILD_REASON);
    expect(sets).toEqual([]);
  });

  it('Windows: registers the installed executable with --hidden and reads it back with the same path and arguments', async () => {
    const { app, sets, reads } = fakeApp();
    const exe = 'C:\\Users\\ada\\AppData\\Local\\Programs\\Vexa Companion\\Vexa Companion.exe';
    const items = createElectronLoginItems({ ...base, execPath: exe, app, platform: 'win32' });
    expect(await items.read()).toEqual({ status: 'off', reason: null });
    await items.set(true);
    expect(sets).toEqual([{ openAtLogin: true, path: exe, args: [HIDDEN_ARG] }]);
    expect(await items.read()).toEqual({ status: 'on', reason: null });
    expect(reads.at(-1)).toEqual({ path: exe, args: [HIDDEN_ARG] });
  });

  it('Windows: an entry switched off in Task Manager reads as turned off there, and says where to switch it on', async () => {
    const { app } = fakeApp({ executableWillLaunchAtLogin: false });
    const items = createElectronLoginItems({ ...base, app, platform: 'win32' });
    await items.set(true);
    const reading = await items.read();
    expect(reading.status).toBe('disabled-by-user');
    expect(reading.reason).toMatch(/Task Manager › Startup apps/);
  });

  it('Windows portable build: registers its own file, not the temporary folder it runs from', () => {
    expect(launchPath('win32', 'C:\\Temp\\2x\\Vexa Companion.exe', { PORTABLE_EXECUTABLE_FILE: 'D:\\Apps\\Vexa.exe' })).toBe(
      'D:\\Apps\\Vexa.exe',
    );
  });

  it('macOS: reads SMAppService status, including waiting for approval in System Settings', async () => {
    for (const [status, expected] of [
      ['enabled', 'on'],
      ['requires-approval', 'needs-approval'],
      ['not-registered', 'off'],
      ['not-found', 'off'],
    ] as const) {
      const { app } = fakeApp({ status });
      expect((await createElectronLoginItems({ ...base, app, platform: 'darwin' }).read()).status).toBe(expected);
    }
    const { app, sets } = fakeApp();
    await createElectronLoginItems({ ...base, app, platform: 'darwin' }).set(true);
    // The main app service; `openAsHidden` is gone on macOS 13+ (electron/electron#37244).
    expect(sets).toEqual([{ openAtLogin: true }]);
  });
});

describe('start at login on Linux (XDG autostart)', () => {
  it('writes an autostart entry that starts the AppImage hidden, honouring XDG_CONFIG_HOME, and removes it', async () => {
    const config = tempDir();
    const { app, sets } = fakeApp();
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ada/Apps/Vexa Companion-0.1.0.AppImage' };
    const items = createElectronLoginItems({ ...base, execPath: '/tmp/.mount_Vexa12/vexa-companion', env, app, platform: 'linux' });
    const file = join(config, 'autostart', AUTOSTART_FILE);
    expect(await items.read()).toEqual({ status: 'off', reason: null });
    await items.set(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    expect(text).toContain('Type=Application');
    expect(text).toContain('Exec="/home/ada/Apps/Vexa Companion-0.1.0.AppImage" --hidden');
    expect(await items.read()).toEqual({ status: 'on', reason: null });
    await items.set(false);
    expect(existsSync(file)).toBe(false);
    expect(await items.read()).toEqual({ status: 'off', reason: null });
    expect(sets).toEqual([]);
  });

  it('reads an entry switched off by the desktop, or one that starts another copy of the app', async () => {
    const config = tempDir();
    const items = createElectronLoginItems({ ...base, env: { XDG_CONFIG_HOME: config }, app: fakeApp().app, platform: 'linux' });
    await items.set(true);
    const file = join(config, 'autostart', AUTOSTART_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'));
    expect((await items.read()).status).toBe('disabled-by-user');
    writeFileSync(file, autostartEntry('/old/place/vexa-companion'));
    expect((await items.read()).status).toBe('off');
    expect((await items.read()).reason).toMatch(/another copy of the app/);
    expect(readAutostartEntry(autostartEntry(base.execPath) + 'Hidden=true\n', base.execPath).status).toBe('disabled-by-user');
  });

  it('falls back to ~/.config/autostart when XDG_CONFIG_HOME is unset or relative', () => {
    expect(autostartDir({}, '/home/ada')).toBe('/home/ada/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative/config' }, '/home/ada')).toBe('/home/ada/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: '/srv/cfg' }, '/home/ada')).toBe('/srv/cfg/autostart');
  });

  it('quotes the executable as the Desktop Entry spec asks (field codes, shell characters, backslashes)', () => {
    expect(execArg('/opt/Vexa Companion/vexa')).toBe('"/opt/Vexa Companion/vexa"');
    expect(execArg('/a/100%/b')).toBe('"/a/100%%/b"');
    expect(execArg('/a/$HOME/"q"/`x`')).toBe('"/a/\\\\$HOME/\\\\"q\\\\"/\\\\`x\\\\`"');
    expect(execArg('/a\\b')).toBe('"/a\\\\\\\\b"');
  });

  it('is unavailable inside Snap and Flatpak, whose files are not the desktop’s', async () => {
    const items = createElectronLoginItems({ ...base, env: { FLATPAK_ID: 'ai.vexa.Companion' }, app: fakeApp().app, platform: 'linux' });
    expect((await items.read()).status).toBe('unavailable');
  });
});

describe('knowing the app was started at login', () => {
  it('reads --hidden on Windows and Linux, and wasOpenedAtLogin on macOS', () => {
    expect(startedAtLogin({ platform: 'win32', argv: ['Vexa.exe', HIDDEN_ARG] })).toBe(true);
    expect(startedAtLogin({ platform: 'linux', argv: ['vexa-companion'] })).toBe(false);
    expect(startedAtLogin({ platform: 'darwin', argv: ['Vexa', HIDDEN_ARG], wasOpenedAtLogin: false })).toBe(false);
    expect(startedAtLogin({ platform: 'darwin', argv: ['Vexa'], wasOpenedAtLogin: true })).toBe(true);
  });
});
