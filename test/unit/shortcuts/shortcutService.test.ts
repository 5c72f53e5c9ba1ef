import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import { DEFAULT_SHORTCUTS, type ShortcutAction, type ShortcutSettings } from '../../../shared/ipc/shortcutSettings';
import type { ShortcutsView } from '../../../shared/ipc/shortcuts';
import { RECORDING_PAUSE_MS, ShortcutService, type GlobalShortcutPort } from '../../../electron/core/shortcuts/shortcutService';
import { quietLogger } from '../../support/logger';

/** An OS that keeps registrations, refuses what "another app" holds, and can press keys. */
function fakeOs(support: GlobalShortcutPort['support'] = 'native') {
  const held = new Map<string, () => void>();
  const calls: string[] = [];
  const os = {
    takenByOthers: new Set<string>(),
    suspended: false,
    calls,
    held,
    port: {
      support,
      register(accelerator: string, onPress: () => void) {
        calls.push(`register ${accelerator}`);
        if (os.suspended || os.takenByOthers.has(accelerator) || held.has(accelerator)) return false;
        held.set(accelerator, onPress);
        return true;
      },
      isRegistered: (accelerator: string) => held.has(accelerator),
      unregister(accelerator: string) {
        calls.push(`unregister ${accelerator}`);
        held.delete(accelerator);
      },
      unregisterAll() {
        calls.push('unregisterAll');
        held.clear();
      },
      setSuspended(value: boolean) {
        calls.push(`suspended ${value}`);
        os.suspended = value;
      },
    } satisfies GlobalShortcutPort,
    press(accelerator: string) {
      if (!os.suspended) held.get(accelerator)?.();
    },
  };
  return os;
}

function setup(options: { support?: GlobalShortcutPort['support']; stored?: Partial<ShortcutSettings>; taken?: string[] } = {}) {
  const os = fakeOs(options.support);
  for (const t of options.taken ?? []) os.takenByOthers.add(t);
  let stored: ShortcutSettings = { ...DEFAULT_SHORTCUTS, ...options.stored };
  const pressed: ShortcutAction[] = [];
  const views: ShortcutsView[] = [];
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  const service = new ShortcutService({
    port: os.port,
    platform: 'linux',
    settings: { read: () => stored, save: (next) => void (stored = next) },
    actions: {
      sendBot: async () => void pressed.push('sendBot'),
      toggleOverlay: async () => void pressed.push('toggleOverlay'),
      showApp: async () => void pressed.push('showApp'),
    },
    onChange: (view) => void views.push(view),
    clock: {
      now: () => 0,
      setTimeout: (fn, ms) => {
        const t = { fn, ms, cancelled: false };
        timers.push(t);
        return { cancel: () => void (t.cancelled = true) };
      },
    },
    logger: quietLogger,
  });
  return { os, service, pressed, views, timers, stored: () => stored };
}

const states = (view: ShortcutsView) => Object.fromEntries(view.items.map((i) => [i.action, i.state]));

describe('ShortcutService', () => {
  it('registers the stored shortcuts at start; pressing one runs its action', async () => {
    const { os, service, pressed } = setup();
    expect(states(service.apply())).toEqual({ sendBot: 'active', toggleOverlay: 'active', showApp: 'active' });
    expect([...os.held.keys()]).toEqual(Object.values(DEFAULT_SHORTCUTS));
    os.press(DEFAULT_SHORTCUTS.sendBot);
    os.press(DEFAULT_SHORTCUTS.showApp);
    await Promise.resolve();
    expect(pressed).toEqual(['sendBot', 'showApp']);
  });

  it('names keys another app holds as taken, and asks again on the next look', () => {
    const { os, service } = setup({ taken: [DEFAULT_SHORTCUTS.toggleOverlay] });
    const first = service.apply();
    expect(first.items[1]).toMatchObject({ state: 'taken', message: expect.stringContaining('Another app already uses Ctrl+Alt+Shift+T') });
    os.takenByOthers.clear();
    expect(states(service.apply()).toggleOverlay).toBe('active');
  });

  it('re-registers on change: the old keys are released, the new ones act, the others are left alone', async () => {
    const { os, service, pressed, stored } = setup();
    service.apply();
    os.calls.length = 0;
    const view = service.set('sendBot', 'ctrl+alt+j');
    expect(stored().sendBot).toBe('Control+Alt+J');
    expect(view.items[0]).toMatchObject({ accelerator: 'Control+Alt+J', keys: 'Ctrl+Alt+J', state: 'active' });
    expect(os.calls).toEqual([`unregister ${DEFAULT_SHORTCUTS.sendBot}`, 'register Control+Alt+J']);
    os.press(DEFAULT_SHORTCUTS.sendBot);
    os.press('Control+Alt+J');
    await Promise.resolve();
    expect(pressed).toEqual(['sendBot']);
  });

  it('turning a shortcut off releases its keys', () => {
    const { os, service } = setup();
    service.apply();
    expect(states(service.set('showApp', null)).showApp).toBe('off');
    expect(os.held.has(DEFAULT_SHORTCUTS.showApp)).toBe(false);
  });

  it('refuses a clash with another shortcut and changes nothing', () => {
    const { os, service, stored } = setup();
    service.apply();
    os.calls.length = 0;
    expect(() => service.set('showApp', DEFAULT_SHORTCUTS.sendBot)).toThrow(UserFacingError);
    try {
      service.set('showApp', DEFAULT_SHORTCUTS.sendBot);
    } catch (e) {
      expect((e as UserFacingError).code).toBe('shortcut_refused');
      expect((e as Error).message).toContain('is already the shortcut to send a bot');
    }
    expect(stored().showApp).toBe(DEFAULT_SHORTCUTS.showApp);
    expect(os.calls).toEqual([]);
  });

  it('pauses while keys are recorded (the current keys reach the field), and resumes before registering new ones', () => {
    const { os, service, pressed, timers, views } = setup();
    service.apply();
    service.setRecording(true);
    expect(os.suspended).toBe(true);
    expect(views.at(-1)?.paused).toBe(true);
    os.press(DEFAULT_SHORTCUTS.sendBot);
    expect(pressed).toEqual([]);
    // Electron refuses registrations while suspended, so saving resumes first.
    expect(states(service.set('sendBot', 'Ctrl+Alt+J')).sendBot).toBe('active');
    expect(os.suspended).toBe(false);
    expect(timers[0]?.cancelled).toBe(true);
  });

  it('a field left without saying so resumes the shortcuts after a minute', () => {
    const { os, service, timers } = setup();
    service.apply();
    service.setRecording(true);
    expect(timers[0]?.ms).toBe(RECORDING_PAUSE_MS);
    timers[0]?.fn();
    expect(os.suspended).toBe(false);
    expect(service.view().paused).toBe(false);
  });

  it('on Wayland says the desktop was asked, and names a desktop without a portal', () => {
    const asked = setup({ support: 'portal' });
    expect(states(asked.service.apply()).sendBot).toBe('requested');
    const refused = setup({ support: 'portal', taken: Object.values(DEFAULT_SHORTCUTS) });
    expect(states(refused.service.apply())).toEqual({ sendBot: 'unavailable', toggleOverlay: 'unavailable', showApp: 'unavailable' });
  });

  it('releases every key when stopped, and registers nothing after', () => {
    const { os, service } = setup();
    service.apply();
    service.stop();
    expect(os.held.size).toBe(0);
    service.apply();
    expect(os.held.size).toBe(0);
  });
});
