import { describe, expect, it } from 'vitest';
import type { UpdatePhase, UpdatesView } from '../../../shared/ipc/updates';
import { canCheckNow, canConfigure, lastCheckText, restartQuestion, statusText } from '../../../renderer/features/updates/describe';

const offer = { version: '0.2.0', notes: null };
const view = (state: UpdatePhase, lastCheck: UpdatesView['lastCheck'] = null): UpdatesView => ({
  currentVersion: '0.1.0',
  settings: { enabled: true, feedUrl: null },
  feed: 'https://github.com/Vexa-ai/vexa-companion/releases',
  state,
  installsAtQuit: true,
  lastCheck,
});
const at = (ms: number) => `at ${ms}`;

describe('the Updates card’s words', () => {
  it('say what the updater is doing, with the download’s progress', () => {
    expect(statusText(view({ phase: 'idle' }, { at: 1, result: 'up-to-date' }))).toBe('Vexa Companion is up to date.');
    expect(statusText(view({ phase: 'checking' }))).toBe('Checking for a new version…');
    expect(statusText(view({ phase: 'downloading', offer, progress: { percent: 42.7, transferred: 12_300_000, total: 28_800_000 } }))).toBe(
      'Downloading version 0.2.0: 42% (12.3 of 28.8 MB).',
    );
    expect(statusText(view({ phase: 'downloading', offer, progress: null }))).toBe('Downloading version 0.2.0…');
    expect(statusText(view({ phase: 'ready', offer }))).toBe(
      'Version 0.2.0 is downloaded and checked. It installs when you quit the app, or now with Restart now.',
    );
    expect(statusText({ ...view({ phase: 'ready', offer }), installsAtQuit: false })).toBe(
      'Version 0.2.0 is downloaded and checked. Press Restart now to install it.',
    );
    expect(statusText(view({ phase: 'error', message: 'Could not reach the update feed.', offer: null }))).toBe(
      'Could not reach the update feed.',
    );
  });

  it('give the last check and its result, or none where updates never run', () => {
    expect(lastCheckText(view({ phase: 'idle' }, { at: 5, result: 'up-to-date' }), at)).toBe('Last checked at 5: up to date.');
    expect(lastCheckText(view({ phase: 'error', message: 'x', offer: null }, { at: 6, result: 'failed' }), at)).toBe(
      'Last checked at 6: the check failed.',
    );
    expect(lastCheckText(view({ phase: 'idle' }), at)).toBe('Not checked yet.');
    expect(lastCheckText(view({ phase: 'disabled', reason: 'development', message: 'Dev' }), at)).toBeNull();
  });

  it('offer the choices only where the app updates itself, and Check now only at rest', () => {
    expect(canConfigure(view({ phase: 'disabled', reason: 'turned-off', message: 'Off' }))).toBe(true);
    expect(canConfigure(view({ phase: 'disabled', reason: 'development', message: 'Dev' }))).toBe(false);
    expect(canConfigure(view({ phase: 'disabled', reason: 'unsupported', message: 'No' }))).toBe(false);
    expect(canCheckNow(view({ phase: 'idle' }))).toBe(true);
    expect(canCheckNow(view({ phase: 'downloading', offer, progress: null }))).toBe(false);
  });

  it('name the live meetings before a restart', () => {
    expect(restartQuestion(['Weekly sync'])).toBe(
      'Restarting now stops live captions and lobby alerts for “Weekly sync” until the app is back. Its bot stays in the meeting and keeps transcribing.',
    );
    expect(restartQuestion(['A', 'B'])).toMatch(/for “A”, “B” until the app is back\. The bots stay in their meetings/);
  });
});
