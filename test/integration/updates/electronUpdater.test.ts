import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdatePhase, UpdateSettings, UpdatesView } from '../../../shared/ipc/updates';
import { UpdateService } from '../../../electron/core/updates/updateService';
import { createElectronUpdater } from '../../../electron/main/shell/updater';
import { quietLogger } from '../../support/logger';
import { waitFor } from '../../support/waitFor';
import {
  appImage,
  installAppImage,
  latestYml,
  NodeHttpExecutor,
  serveFeed,
  sha512,
  standInElectron,
  TestApp,
  writeUpdateConfig,
  type LocalFeed,
} from './localFeed';

/*
 * The update flow end to end, with electron-updater's own AppImageUpdater and GenericProvider
 * behind the app's adapter (electron/main/shell/updater.ts) and UpdateService, against a release
 * feed served here on 127.0.0.1. Only what needs the Electron binary is replaced, through the
 * library's own seams: the AppAdapter interface (the app's version and folders) and the HTTP
 * executor (Node's http instead of Electron's net). The sha512 check, the temporary download, the
 * cache folder and the AppImage swap are the library's.
 */

const RUNNING = '0.1.0';
const NEWER = '0.2.0';
const NEW_FILE = `Vexa-Companion-${NEWER}.AppImage`;
const NOTES = '<h2>Vexa Companion 0.2.0</h2><ul><li>Lobby alerts &amp; captions are faster</li></ul>';
// Linux x64 and arm64 read different channel files; the feed answers both.
const CHANNELS = ['latest-linux.yml', 'latest-linux-arm64.yml'];

let root: string;
let app: TestApp;
let feed: LocalFeed | null = null;
let runningAppImage: string;
const oldBytes = appImage(RUNNING, 8);

function releaseFiles(prefix: string, version: string, served: Buffer, published: Buffer = served): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const channel of CHANNELS) files.set(`${prefix}/${channel}`, Buffer.from(latestYml(version, NEW_FILE, published, NOTES)));
  files.set(`${prefix}/${NEW_FILE}`, served);
  return files;
}

function newUpdater(): AppImageUpdater {
  const updater = new AppImageUpdater(null, app);
  // The AppAdapter constructor path leaves the executor unset; the app's is Electron's net.
  (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  // These fake AppImages carry no block map, so the differential download would only log its
  // failure before the full download every first update makes anyway.
  updater.disableDifferentialDownload = true;
  return updater;
}

function start(updater: AppImageUpdater, options: { live?: string[]; feedUrl?: string | null } = {}) {
  const views: UpdatesView[] = [];
  let settings: UpdateSettings = { enabled: true, feedUrl: options.feedUrl ?? null };
  const service = new UpdateService({
    updater: createElectronUpdater({
      isPackaged: true,
      version: RUNNING,
      updater: () => updater,
      updateConfigPath: app.appUpdateConfigPath,
      readUpdateConfig: () => readFileSync(app.appUpdateConfigPath, 'utf8'),
      appImage: true,
      log: () => undefined,
    }),
    settings: { get: () => settings, save: (next) => void (settings = next) },
    liveMeetings: () => options.live ?? [],
    // Checks are started by the test (checkNow), never by a timer.
    clock: { now: () => Date.now(), setTimeout: () => ({ cancel: () => undefined }) },
    logger: quietLogger,
    emit: (view) => views.push(view),
  });
  service.start();
  return { service, views, phases: () => views.map((v) => v.state.phase) };
}

const pendingDir = () => join(app.baseCachePath, 'vexa-companion-updater', 'pending');
const pendingFiles = () => (existsSync(pendingDir()) ? readdirSync(pendingDir()).filter((f) => f.endsWith('.AppImage')) : []);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vexa-updates-'));
  app = new TestApp(RUNNING, root);
  runningAppImage = installAppImage(join(root, 'Applications'), `Vexa-Companion-${RUNNING}.AppImage`, oldBytes);
  vi.stubEnv('APPIMAGE', runningAppImage);
  vi.stubEnv('VEXA_UPDATE_TEST_MARKER', join(root, 'started.txt'));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await feed?.close();
  feed = null;
  rmSync(root, { recursive: true, force: true });
});

describe('a newer version on the feed built into the app', () => {
  it('is found, downloaded with progress, verified against its sha512 and ready; Restart now asks during a meeting, then installs it', async () => {
    const newBytes = appImage(NEWER);
    feed = await serveFeed(releaseFiles('/releases', NEWER, newBytes));
    writeUpdateConfig(app, `${feed.url}/releases`);
    const { service, views, phases } = start(newUpdater(), { live: ['Weekly sync'] });

    const view = await service.checkNow();

    expect(view.state).toEqual({
      phase: 'ready',
      offer: { version: NEWER, notes: 'Vexa Companion 0.2.0\n\n• Lobby alerts & captions are faster' },
    });
    expect(view.lastCheck?.result).toBe('update-found');
    expect(view.feed).toBe(`${feed.url}/releases`);
    // An AppImage installs on Restart now only (electron/main/shell/updater.ts says why).
    expect(view.installsAtQuit).toBe(false);
    expect(phases()).toEqual(expect.arrayContaining(['checking', 'available', 'downloading', 'ready']));
    const progress = views
      .map((v) => v.state)
      .filter((s): s is Extract<UpdatePhase, { phase: 'downloading' }> => s.phase === 'downloading');
    expect(progress.at(-1)?.progress).toEqual({ percent: 100, transferred: newBytes.length, total: newBytes.length });
    // The verified download waits in electron-updater's cache folder, byte for byte what the feed published.
    expect(pendingFiles()).toEqual([NEW_FILE]);
    expect(sha512(readFileSync(join(pendingDir(), NEW_FILE)))).toBe(sha512(newBytes));
    expect(sha512(readFileSync(runningAppImage))).toBe(sha512(oldBytes));

    // A bot is live: nothing happens until the person confirms.
    expect(service.restart(false)).toEqual({ outcome: 'confirm', liveMeetings: ['Weekly sync'] });
    expect(existsSync(runningAppImage)).toBe(true);
    expect(app.quits).toBe(0);

    const electron = standInElectron();
    try {
      expect(service.restart(true)).toEqual({ outcome: 'restarting' });
      // AppImageUpdater swapped the file: the old version's AppImage is gone, the new one is in its
      // folder under its own name, started, and the app was asked to quit.
      const installed = join(root, 'Applications', NEW_FILE);
      expect(existsSync(runningAppImage)).toBe(false);
      expect(sha512(readFileSync(installed))).toBe(sha512(newBytes));
      expect(statSync(installed).mode & 0o111).not.toBe(0);
      await waitFor('the app to be asked to quit', () => app.quits === 1);
      expect(electron.events).toEqual(['before-quit-for-update']);
      await waitFor(
        'the new version to start',
        () => existsSync(join(root, 'started.txt')) && readFileSync(join(root, 'started.txt'), 'utf8'),
      );
      expect(readFileSync(join(root, 'started.txt'), 'utf8').trim()).toBe(`${NEWER} started`);
    } finally {
      electron.remove();
    }
  });
});

describe('a tampered download', () => {
  it('is refused: an error in words, nothing kept, nothing installed, the running version untouched', async () => {
    const genuine = appImage(NEWER);
    const tampered = Buffer.from(genuine);
    tampered.write('#!/bin/sh\necho "not from Vexa"', 0);
    feed = await serveFeed(releaseFiles('/mirror', NEWER, tampered, genuine));
    writeUpdateConfig(app, `${feed.url}/releases`);
    // The person's own feed (Settings), which the adapter hands to electron-updater's GenericProvider.
    const { service } = start(newUpdater());
    service.configure({ feedUrl: `${feed.url}/mirror` });

    const view = await service.checkNow();

    expect(view.state.phase).toBe('error');
    expect(view.state).toMatchObject({ offer: { version: NEWER } });
    expect(view.state.phase === 'error' && view.state.message).toMatch(
      /did not match the checksum its feed publishes, so it was deleted\. Nothing was installed/,
    );
    expect(feed.requests).toContain(`/mirror/${NEW_FILE}`);
    expect(pendingFiles()).toEqual([]);
    expect(() => service.restart(true)).toThrow(/No update is ready to install yet/);
    expect(sha512(readFileSync(runningAppImage))).toBe(sha512(oldBytes));
    expect(app.quits).toBe(0);
  });
});

describe('the same or an older version on the feed', () => {
  it.each([
    ['the same version', RUNNING],
    ['an older version', '0.0.9'],
  ])('%s means up to date, and nothing is downloaded', async (_what, version) => {
    feed = await serveFeed(releaseFiles('/releases', version, appImage(version, 8)));
    writeUpdateConfig(app, `${feed.url}/releases`);
    const { service } = start(newUpdater());

    const view = await service.checkNow();

    expect(view.state).toEqual({ phase: 'idle' });
    expect(view.lastCheck?.result).toBe('up-to-date');
    expect(feed.requests.filter((p) => p.endsWith('.AppImage'))).toEqual([]);
  });
});

describe('a feed without a release for this system', () => {
  it('says which file is missing and where to fix the address', async () => {
    feed = await serveFeed(new Map());
    writeUpdateConfig(app, `${feed.url}/nothing-here`);
    const { service } = start(newUpdater());

    const view = await service.checkNow();

    expect(view.state.phase).toBe('error');
    expect(view.state.phase === 'error' && view.state.message).toMatch(
      /^The update feed at 127\.0\.0\.1:\d+ has no release for this system \(latest-linux(-arm64)?\.yml is missing\)\. Check the feed address under Updates in Settings\.$/,
    );
    expect(view.lastCheck?.result).toBe('failed');
  });
});
