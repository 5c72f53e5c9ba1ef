import { EventEmitter } from 'node:events';
import type { AppUpdater, UpdateCheckResult } from 'electron-updater';
import { describe, expect, it } from 'vitest';
import { createElectronUpdater, feedOfUpdateConfig } from '../../../electron/main/shell/updater';

/**
 * electron-updater's AppUpdater as the adapter uses it (the members named in its out/AppUpdater.d.ts);
 * the library's own classes run against a real feed in test/integration/updates.
 */
class FakeAppUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  logger: unknown = console;
  feeds: unknown[] = [];
  configPaths: Array<string | null> = [];
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  result: UpdateCheckResult | null = null;
  download: () => Promise<string[]> = () => Promise.resolve(['/cache/pending/app.AppImage']);
  setFeedURL(options: unknown): void {
    this.feeds.push(options);
  }
  set updateConfigPath(value: string | null) {
    this.configPaths.push(value);
  }
  checkForUpdates(): Promise<UpdateCheckResult | null> {
    return Promise.resolve(this.result);
  }
  downloadUpdate(): Promise<string[]> {
    return this.download();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function setup(isPackaged = true, appImage = false) {
  const fake = new FakeAppUpdater();
  let built = 0;
  const logs: string[] = [];
  const updater = createElectronUpdater({
    isPackaged,
    version: '0.1.0',
    updater: () => {
      built++;
      return fake as unknown as AppUpdater;
    },
    updateConfigPath: '/opt/Vexa Companion/resources/app-update.yml',
    readUpdateConfig: () =>
      'owner: Vexa-ai\nrepo: vexa-companion\nprovider: github\nreleaseType: release\nupdaterCacheDirName: vexa-companion-updater\n',
    log: (level, message) => void logs.push(`${level} ${message}`),
    appImage,
  });
  return { fake, updater, logs, built: () => built };
}

const info = (version: string, releaseNotes?: string | null) => ({
  version,
  files: [],
  path: '',
  sha512: '',
  releaseDate: '',
  releaseNotes,
});

describe('the electron-updater adapter', () => {
  it('in a development build never builds electron-updater’s updater and says why', async () => {
    const { updater, built } = setup(false);
    expect(updater.off).toBe('development');
    updater.setFeed('https://updates.example.com/');
    updater.setInstallOnQuit(true);
    await expect(updater.check()).rejects.toThrow();
    expect(built()).toBe(0);
  });

  it('builds it on first use: the service decides downloads, a downgrade is never taken, updates install at quit', () => {
    const { fake, updater, built, logs } = setup();
    expect(updater.off).toBeNull();
    expect(built()).toBe(0);
    updater.setFeed(null);
    expect(built()).toBe(1);
    expect({
      autoDownload: fake.autoDownload,
      allowDowngrade: fake.allowDowngrade,
      autoInstallOnAppQuit: fake.autoInstallOnAppQuit,
    }).toEqual({
      autoDownload: false,
      allowDowngrade: false,
      autoInstallOnAppQuit: true,
    });
    (fake.logger as { info(m: string): void }).info('Checking for update');
    expect(logs).toEqual(['info electron-updater: Checking for update']);
    // The library emits 'error' besides rejecting; an unheard one would throw.
    expect(() => fake.emit('error', new Error('offline'))).not.toThrow();
    // An authenticating proxy gets empty credentials, which ends the request with an error instead of a wait.
    const answers: string[][] = [];
    fake.emit('login', { isProxy: true }, (user: string, password: string) => answers.push([user, password]));
    expect(answers).toEqual([['', '']]);
  });

  it('hands the person’s feed to the generic provider, and goes back to app-update.yml when it is cleared', () => {
    const { fake, updater } = setup();
    updater.setFeed('https://updates.example.com/companion/');
    updater.setFeed(null);
    expect(fake.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.com/companion/' }]);
    expect(fake.configPaths).toEqual(['/opt/Vexa Companion/resources/app-update.yml']);
    expect(updater.builtInFeed()).toBe('https://github.com/Vexa-ai/vexa-companion/releases');
  });

  it('reads a check: declined, up to date, or a newer version with its notes', async () => {
    const { fake, updater } = setup();
    expect(await updater.check()).toEqual({ kind: 'inactive' });
    fake.result = { isUpdateAvailable: false, updateInfo: info('0.1.0'), versionInfo: info('0.1.0') };
    expect(await updater.check()).toEqual({ kind: 'up-to-date', latest: '0.1.0' });
    fake.result = { isUpdateAvailable: true, updateInfo: info('0.2.0', '<p>New</p>'), versionInfo: info('0.2.0') };
    expect(await updater.check()).toEqual({ kind: 'found', version: '0.2.0', notes: '<p>New</p>' });
  });

  it('reports download progress only while its download runs, and passes a failure on', async () => {
    const { fake, updater } = setup();
    const seen: number[] = [];
    fake.download = async () => {
      fake.emit('download-progress', { percent: 30, transferred: 3, total: 10, delta: 3, bytesPerSecond: 1 });
      return [];
    };
    await updater.download((p) => seen.push(p.percent));
    fake.emit('download-progress', { percent: 90, transferred: 9, total: 10, delta: 6, bytesPerSecond: 1 });
    expect(seen).toEqual([30]);
    fake.download = () => Promise.reject(Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }));
    await expect(updater.download(() => undefined)).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
  });

  it('installs at quit only while updates are on, and Restart now installs silently and starts the new version', () => {
    const { fake, updater } = setup();
    updater.setInstallOnQuit(false);
    updater.setFeed(null);
    expect(fake.autoInstallOnAppQuit).toBe(false);
    updater.setInstallOnQuit(true);
    expect(fake.autoInstallOnAppQuit).toBe(true);
    updater.quitAndInstall();
    expect(fake.installs).toEqual([[true, true]]);
    expect(updater.installsAtQuit).toBe(true);
  });

  it('an AppImage never installs at quit, only on Restart now', () => {
    const { fake, updater } = setup(true, true);
    expect(updater.installsAtQuit).toBe(false);
    updater.setInstallOnQuit(true);
    updater.setFeed(null);
    expect(fake.autoInstallOnAppQuit).toBe(false);
    updater.setInstallOnQuit(true);
    expect(fake.autoInstallOnAppQuit).toBe(false);
  });
});

describe('the built-in feed named in app-update.yml', () => {
  it('is a GitHub repository’s releases page or a generic feed’s address', () => {
    expect(feedOfUpdateConfig('provider: generic\nurl: https://updates.example.com/companion\nupdaterCacheDirName: x\n')).toBe(
      'https://updates.example.com/companion',
    );
    expect(feedOfUpdateConfig('owner: \'Vexa-ai\'\nrepo: "vexa-companion"\nprovider: github\n')).toBe(
      'https://github.com/Vexa-ai/vexa-companion/releases',
    );
  });

  it('is unknown without the file or for another provider', () => {
    expect(feedOfUpdateConfig(null)).toBeNull();
    expect(feedOfUpdateConfig('provider: s3\nbucket: b\n')).toBeNull();
    expect(feedOfUpdateConfig('provider: github\nowner: Vexa-ai\n')).toBeNull();
  });
});
