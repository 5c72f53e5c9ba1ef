import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_PROFILE_NAME, profilePaths, type ProfileInput } from '../../../electron/main/profile';

const productName = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { productName: string })
  .productName;

const MACHINES: Record<'darwin' | 'win32' | 'linux', Omit<ProfileInput, 'isPackaged' | 'env'>> = {
  darwin: { platform: 'darwin', appData: '/Users/ana/Library/Application Support', home: '/Users/ana', cwd: '/Users/ana/src/app' },
  win32: { platform: 'win32', appData: 'C:\\Users\\ana\\AppData\\Roaming', home: 'C:\\Users\\ana', cwd: 'C:\\src\\app' },
  linux: { platform: 'linux', appData: '/home/ana/.config', home: '/home/ana', cwd: '/home/ana/src/app' },
};

describe('where a run keeps its data: the development profile', () => {
  it.each(Object.keys(MACHINES) as Array<keyof typeof MACHINES>)('an installed app on %s keeps Electron’s own folders', (os) => {
    expect(profilePaths({ ...MACHINES[os], isPackaged: true, env: {} })).toBeNull();
  });

  it('a development run on macOS keeps data and logs in folders of its own', () => {
    expect(profilePaths({ ...MACHINES.darwin, isPackaged: false, env: {} })).toEqual({
      userData: '/Users/ana/Library/Application Support/Vexa Companion Dev',
      logs: '/Users/ana/Library/Logs/Vexa Companion Dev',
    });
  });

  it('a development run on Windows keeps data and logs in folders of its own', () => {
    expect(profilePaths({ ...MACHINES.win32, isPackaged: false, env: {} })).toEqual({
      userData: 'C:\\Users\\ana\\AppData\\Roaming\\Vexa Companion Dev',
      logs: 'C:\\Users\\ana\\AppData\\Roaming\\Vexa Companion Dev\\logs',
    });
  });

  it('a development run on Linux keeps data and logs in folders of its own', () => {
    expect(profilePaths({ ...MACHINES.linux, isPackaged: false, env: {} })).toEqual({
      userData: '/home/ana/.config/Vexa Companion Dev',
      logs: '/home/ana/.config/Vexa Companion Dev/logs',
    });
  });

  it('never shares the installed app’s folder (which is named after the product)', () => {
    expect(DEV_PROFILE_NAME).not.toBe(productName);
    for (const machine of Object.values(MACHINES)) {
      const dev = profilePaths({ ...machine, isPackaged: false, env: {} });
      expect(dev?.userData).not.toBe(join(machine.appData, productName));
      expect(dev?.userData.endsWith(productName)).toBe(false);
    }
  });

  it.each([true, false])('VEXA_COMPANION_DATA_DIR wins over both (packaged: %s)', (isPackaged) => {
    expect(profilePaths({ ...MACHINES.linux, isPackaged, env: { VEXA_COMPANION_DATA_DIR: '/tmp/e2e-profile' } })).toEqual({
      userData: '/tmp/e2e-profile',
      logs: '/tmp/e2e-profile/logs',
    });
  });

  it('a relative VEXA_COMPANION_DATA_DIR is taken from the folder the app was started in (Electron wants absolute paths)', () => {
    expect(profilePaths({ ...MACHINES.win32, isPackaged: true, env: { VEXA_COMPANION_DATA_DIR: 'profiles\\b' } })?.userData).toBe(
      'C:\\src\\app\\profiles\\b',
    );
  });

  it('an empty VEXA_COMPANION_DATA_DIR counts as unset', () => {
    expect(profilePaths({ ...MACHINES.linux, isPackaged: true, env: { VEXA_COMPANION_DATA_DIR: '' } })).toBeNull();
  });
});
