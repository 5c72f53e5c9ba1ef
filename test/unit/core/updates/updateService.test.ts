import { describe, expect, it } from 'vitest';
import type { UpdateProgress, UpdateSettings, UpdatesView } from '../../../../shared/ipc/updates';
import { CHECK_EVERY_MS, FIRST_CHECK_MS, UpdateService } from '../../../../electron/core/updates/updateService';
import type { CheckOutcome, Updater } from '../../../../electron/core/updates/updaterPort';
import { inactiveUpdater } from '../../../../electron/core/updates/updaterPort';
import { quietLogger } from '../../../support/logger';
import { waitFor } from '../../../support/waitFor';

interface Timer {
  fn: () => void;
  ms: number;
  cancelled: boolean;
}

/** An updater whose answers the test scripts; it records what the service asked of it. */
function fakeUpdater(
  script: { check?: () => Promise<CheckOutcome>; download?: (progress: (p: UpdateProgress) => void) => Promise<void> } = {},
) {
  const calls = { checks: 0, downloads: 0, installs: 0, feeds: [] as Array<string | null>, installOnQuit: [] as boolean[] };
  const updater: Updater = {
    off: null,
    currentVersion: '0.1.0',
    installsAtQuit: true,
    builtInFeed: () => 'https://github.com/Vexa-ai/vexa-companion/releases',
    setFeed: (url) => void calls.feeds.push(url),
    check: () => {
      calls.checks++;
      return script.check ? script.check() : Promise.resolve({ kind: 'up-to-date', latest: '0.1.0' });
    },
    download: (progress) => {
      calls.downloads++;
      return script.download ? script.download(progress) : Promise.resolve();
    },
    setInstallOnQuit: (on) => void calls.installOnQuit.push(on),
    quitAndInstall: () => void calls.installs++,
  };
  return { updater, calls };
}

function setup(updater: Updater, options: { settings?: Partial<UpdateSettings>; live?: string[] } = {}) {
  const timers: Timer[] = [];
  const views: UpdatesView[] = [];
  let now = 1_000;
  let settings: UpdateSettings = { enabled: true, feedUrl: null, ...options.settings };
  const saved: UpdateSettings[] = [];
  const service = new UpdateService({
    updater,
    settings: {
      get: () => settings,
      save: (next) => {
        saved.push(next);
        settings = next;
      },
    },
    liveMeetings: () => options.live ?? [],
    clock: {
      now: () => now,
      setTimeout: (fn, ms) => {
        const t = { fn, ms, cancelled: false };
        timers.push(t);
        return { cancel: () => void (t.cancelled = true) };
      },
    },
    logger: quietLogger,
    emit: (view) => views.push(view),
  });
  const pending = () => timers.filter((t) => !t.cancelled);
  /** Lets the one pending timer fire and the check it starts settle. */
  const fire = async () => {
    const [t, ...more] = pending();
    expect(more).toEqual([]);
    t!.cancelled = true;
    now += t!.ms;
    t!.fn();
    await waitFor('the check to settle', () => !['checking', 'available', 'downloading'].includes(service.view().state.phase));
  };
  return { service, views, pending, fire, saved, state: () => service.view().state };
}

const found = (version = '0.2.0', notes: unknown = '<p>Faster</p>'): Promise<CheckOutcome> =>
  Promise.resolve({ kind: 'found', version, notes });

describe('UpdateService', () => {
  it('checks once the app has opened, then every few hours; an update found downloads in the background and waits', async () => {
    const { updater, calls } = fakeUpdater({
      check: () => (calls.checks === 1 ? Promise.resolve({ kind: 'up-to-date', latest: '0.1.0' }) : found()),
      download: async (progress) => progress({ percent: 50, transferred: 5, total: 10 }),
    });
    const s = setup(updater);
    s.service.start();
    expect(s.pending().map((t) => t.ms)).toEqual([FIRST_CHECK_MS]);
    expect(calls.checks).toBe(0);

    await s.fire();
    expect(s.service.view()).toMatchObject({ state: { phase: 'idle' }, lastCheck: { result: 'up-to-date', at: 1_000 + FIRST_CHECK_MS } });
    expect(s.pending().map((t) => t.ms)).toEqual([CHECK_EVERY_MS]);

    await s.fire();
    expect(s.state()).toEqual({ phase: 'ready', offer: { version: '0.2.0', notes: 'Faster' } });
    expect(s.views.map((v) => v.state.phase)).toEqual(['checking', 'idle', 'checking', 'available', 'downloading', 'downloading', 'ready']);
    // A waiting update is not looked for again.
    expect(s.pending()).toEqual([]);
  });

  it('never checks in a development build, and says so', async () => {
    const s = setup(inactiveUpdater('0.1.0', 'development'));
    s.service.start();
    expect(s.state()).toEqual({
      phase: 'disabled',
      reason: 'development',
      message: 'This is a development build: it never updates itself.',
    });
    expect(s.pending()).toEqual([]);
    await expect(s.service.checkNow()).rejects.toMatchObject({ code: 'updates_off' });
    expect(() => s.service.configure({ enabled: true })).toThrow(/development build/);
  });

  it('turned off: no check, nothing installs at quit; turned on: saved, and a check comes', async () => {
    const { updater, calls } = fakeUpdater();
    const s = setup(updater, { settings: { enabled: false } });
    s.service.start();
    expect(s.state()).toMatchObject({ phase: 'disabled', reason: 'turned-off' });
    expect(calls.installOnQuit).toEqual([false]);
    expect(s.service.view().installsAtQuit).toBe(false);
    expect(s.pending()).toEqual([]);

    s.service.configure({ enabled: true });
    expect(s.saved).toEqual([{ enabled: true, feedUrl: null }]);
    expect(calls.installOnQuit).toEqual([false, true]);
    expect(s.service.view().installsAtQuit).toBe(true);
    expect(s.state()).toEqual({ phase: 'idle' });
    await s.fire();
    expect(calls.checks).toBe(1);

    s.service.configure({ enabled: false });
    expect(s.pending()).toEqual([]);
    expect(calls.installOnQuit).toEqual([false, true, false]);
  });

  it('turned off during a download: the finished download is not offered and does not install', async () => {
    let finish: () => void = () => undefined;
    const { updater, calls } = fakeUpdater({ check: () => found(), download: () => new Promise<void>((r) => (finish = r)) });
    const s = setup(updater);
    s.service.start();
    const checking = s.service.checkNow();
    await waitFor('the download to start', () => s.state().phase === 'downloading');
    s.service.configure({ enabled: false });
    finish();
    await checking;
    expect(s.state()).toMatchObject({ phase: 'disabled', reason: 'turned-off' });
    expect(calls.installOnQuit.at(-1)).toBe(false);
    expect(s.pending()).toEqual([]);
  });

  it('uses the person’s feed, refuses an address it may not use, and goes back to the built-in one', async () => {
    const { updater, calls } = fakeUpdater();
    const s = setup(updater);
    s.service.start();
    expect(calls.feeds).toEqual([null]);
    expect(s.service.view().feed).toBe('https://github.com/Vexa-ai/vexa-companion/releases');

    expect(() => s.service.configure({ feedUrl: 'http://updates.example.com/' })).toThrow(/must use https/);
    expect(s.saved).toEqual([]);

    const view = s.service.configure({ feedUrl: 'https://updates.example.com/companion' });
    expect(calls.feeds).toEqual([null, 'https://updates.example.com/companion']);
    expect(view).toMatchObject({
      feed: 'https://updates.example.com/companion',
      settings: { feedUrl: 'https://updates.example.com/companion' },
    });
    // A new feed is looked at soon, not in four hours.
    expect(s.pending().map((t) => t.ms)).toEqual([0]);

    s.service.configure({ feedUrl: '' });
    expect(calls.feeds.at(-1)).toBeNull();
    expect(s.service.view().feed).toBe('https://github.com/Vexa-ai/vexa-companion/releases');
  });

  it('a failed download says why, keeps the running version, and the next check tries again', async () => {
    const { updater, calls } = fakeUpdater({
      check: () => found(),
      download: () =>
        calls.downloads === 1
          ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
          : Promise.resolve(),
    });
    const s = setup(updater);
    s.service.start();
    await s.service.checkNow();
    expect(s.state()).toMatchObject({
      phase: 'error',
      offer: { version: '0.2.0' },
      message: expect.stringMatching(/^There is not enough free disk space/),
    });
    expect(calls.installs).toBe(0);
    expect(() => s.service.restart(true)).toThrow(/No update is ready/);
    expect(s.pending().map((t) => t.ms)).toEqual([CHECK_EVERY_MS]);
    await s.fire();
    expect(s.state().phase).toBe('ready');
  });

  it('Restart now asks first while a bot is live, and installs once confirmed', async () => {
    const { updater, calls } = fakeUpdater({ check: () => found() });
    const s = setup(updater, { live: ['Weekly sync', 'Design review'] });
    s.service.start();
    expect(() => s.service.restart(true)).toThrow(/No update is ready/);
    await s.service.checkNow();
    expect(s.service.restart(false)).toEqual({ outcome: 'confirm', liveMeetings: ['Weekly sync', 'Design review'] });
    expect(calls.installs).toBe(0);
    expect(s.service.restart(true)).toEqual({ outcome: 'restarting' });
    expect(calls.installs).toBe(1);
  });

  it('with no meeting live, Restart now installs at once', async () => {
    const { updater, calls } = fakeUpdater({ check: () => found() });
    const s = setup(updater);
    s.service.start();
    await s.service.checkNow();
    expect(s.service.restart(false)).toEqual({ outcome: 'restarting' });
    expect(calls.installs).toBe(1);
  });

  it('an installation that cannot update itself is shown as such and not checked again', async () => {
    const { updater } = fakeUpdater({ check: () => Promise.resolve({ kind: 'inactive' }) });
    const s = setup(updater);
    s.service.start();
    await s.service.checkNow();
    expect(s.state()).toMatchObject({ phase: 'disabled', reason: 'unsupported' });
    expect(s.pending()).toEqual([]);
  });

  it('after close, no timer is left and nothing more is pushed', async () => {
    let answer: (o: CheckOutcome) => void = () => undefined;
    const { updater } = fakeUpdater({ check: () => new Promise((r) => (answer = r)) });
    const s = setup(updater);
    s.service.start();
    const checking = s.service.checkNow();
    s.service.close();
    const pushed = s.views.length;
    answer({ kind: 'up-to-date', latest: '0.1.0' });
    await checking;
    expect(s.views).toHaveLength(pushed);
    expect(s.pending()).toEqual([]);
  });
});
