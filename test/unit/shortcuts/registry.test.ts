import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../../shared/ipc/shortcutSettings';
import { planShortcuts, registeredState } from '../../../electron/core/shortcuts/registry';

const defaults = { ...DEFAULT_SHORTCUTS };

describe('planShortcuts', () => {
  it('registers each default shortcut where the desktop can', () => {
    expect(planShortcuts(defaults, 'win32', 'native')).toEqual([
      { action: 'sendBot', register: true, accelerator: 'CommandOrControl+Alt+Shift+B', keys: 'Ctrl+Alt+Shift+B' },
      { action: 'toggleOverlay', register: true, accelerator: 'CommandOrControl+Alt+Shift+T', keys: 'Ctrl+Alt+Shift+T' },
      { action: 'showApp', register: true, accelerator: 'CommandOrControl+Alt+Shift+Space', keys: 'Ctrl+Alt+Shift+Space' },
    ]);
  });

  it('registers nothing where no app can (the browser), and says so', () => {
    const plan = planShortcuts(defaults, 'linux', 'none');
    expect(plan.map((p) => (p.register ? 'register' : p.state))).toEqual(['unavailable', 'unavailable', 'unavailable']);
    expect(plan[0]).toMatchObject({ message: 'Global shortcuts work in the desktop app only.', keys: 'Ctrl+Alt+Shift+B' });
  });

  it('names a shortcut turned off, and registers the others', () => {
    const plan = planShortcuts({ ...defaults, toggleOverlay: null }, 'linux', 'native');
    expect(plan.map((p) => (p.register ? 'register' : p.state))).toEqual(['register', 'off', 'register']);
  });

  it('from a hand-edited file: the first of two shortcuts on the same keys keeps them, the second is named as a clash', () => {
    const plan = planShortcuts({ ...defaults, showApp: 'ctrl+alt+shift+b' }, 'linux', 'native');
    expect(plan[0]?.register).toBe(true);
    expect(plan[2]).toMatchObject({
      register: false,
      state: 'conflict',
      message:
        'Ctrl+Alt+Shift+B is also the shortcut to send a bot to the meeting link on the clipboard, which keeps it. Choose other keys.',
    });
  });

  it('from a hand-edited file: keys the window uses, text that is no shortcut, and keys that swallow typing are not registered', () => {
    const plan = planShortcuts({ sendBot: 'CmdOrCtrl+F', toggleOverlay: 'Ctrl+Banana', showApp: 'Shift+Q' }, 'linux', 'native');
    expect(plan).toMatchObject([
      { state: 'conflict', message: 'Ctrl+F is what the app uses inside its window to find in a transcript. Choose other keys.' },
      {
        state: 'invalid',
        message: expect.stringContaining('“Ctrl+Banana”, which is not a shortcut: “Banana” is not a key Electron knows.'),
      },
      { state: 'invalid', message: expect.stringContaining('Q would stop working in every other app') },
    ]);
    expect(plan.some((p) => p.register)).toBe(false);
  });
});

describe('registeredState', () => {
  it('native: true is active, false is taken by another app', () => {
    expect(registeredState(true, 'native', 'Ctrl+Alt+Shift+B')).toEqual({
      state: 'active',
      message: 'Works from any app: press Ctrl+Alt+Shift+B.',
    });
    expect(registeredState(false, 'native', 'Ctrl+Alt+Shift+B')).toEqual({
      state: 'taken',
      message: 'Another app already uses Ctrl+Alt+Shift+B. Choose other keys here, or free them in that app.',
    });
  });

  it('Wayland: true only means the desktop was asked; false means it has no portal for the app', () => {
    expect(registeredState(true, 'portal', 'Ctrl+Alt+Shift+B')).toMatchObject({
      state: 'requested',
      message: expect.stringContaining('Your desktop was asked for Ctrl+Alt+Shift+B'),
    });
    expect(registeredState(false, 'portal', 'Ctrl+Alt+Shift+B')).toMatchObject({
      state: 'unavailable',
      message: expect.stringContaining('GlobalShortcuts portal'),
    });
  });
});
