import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS, SHORTCUT_ACTIONS } from '../../../shared/ipc/shortcutSettings';
import { parseAccelerator, type ShortcutPlatform } from '../../../shared/shortcuts/accelerator';
import { checkShortcutChoice, inWindowUse } from '../../../shared/shortcuts/conflicts';
import { IN_WINDOW_SHORTCUTS } from '../../../shared/shortcuts/inWindow';

const settings = { ...DEFAULT_SHORTCUTS };
const platforms: ShortcutPlatform[] = ['darwin', 'win32', 'linux'];

describe('checkShortcutChoice', () => {
  it('accepts free keys in Electron spelling, and null (turned off)', () => {
    expect(checkShortcutChoice('sendBot', 'ctrl+alt+j', settings, 'linux')).toEqual({ ok: true, accelerator: 'Control+Alt+J' });
    expect(checkShortcutChoice('sendBot', null, settings, 'linux')).toEqual({ ok: true, accelerator: null });
  });

  it('refuses the keys of another of the app’s shortcuts, naming it, on each platform’s reading of the keys', () => {
    const same = checkShortcutChoice('sendBot', 'Control+Alt+Shift+T', settings, 'win32');
    expect(same).toEqual({
      ok: false,
      problem: 'Ctrl+Alt+Shift+T is already the shortcut to show or hide the caption overlay. Choose other keys, or change that one first.',
    });
    // ⌘ is CommandOrControl on macOS; Control is another key there.
    expect(checkShortcutChoice('sendBot', 'Control+Alt+Shift+T', settings, 'darwin').ok).toBe(true);
    expect(checkShortcutChoice('sendBot', 'Command+Alt+Shift+T', settings, 'darwin').ok).toBe(false);
  });

  it('keeps its own keys (setting a shortcut to what it already is)', () => {
    expect(checkShortcutChoice('sendBot', DEFAULT_SHORTCUTS.sendBot, settings, 'linux').ok).toBe(true);
  });

  it('refuses keys the window uses, saying what they do there', () => {
    expect(checkShortcutChoice('showApp', 'CommandOrControl+K', settings, 'linux')).toEqual({
      ok: false,
      problem: 'Ctrl+K is what the app uses inside its window to search the library. Choose other keys.',
    });
    expect(checkShortcutChoice('showApp', 'Command+,', settings, 'darwin')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('open Settings'),
    });
  });

  it('refuses keys that do not parse or would swallow typing', () => {
    expect(checkShortcutChoice('showApp', 'Ctrl+Shift', settings, 'linux')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('Add a key'),
    });
    expect(checkShortcutChoice('showApp', 'Shift+A', settings, 'linux')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('every other app'),
    });
  });
});

describe('the in-window keys and the defaults', () => {
  it('every in-window entry parses', () => {
    for (const entry of IN_WINDOW_SHORTCUTS) expect(parseAccelerator(entry.accelerator).ok, entry.accelerator).toBe(true);
  });

  it('macOS-only menu keys do not count elsewhere (Super+H is free on Linux)', () => {
    const superH = parseAccelerator('Super+H');
    if (!superH.ok) throw new Error('parse');
    expect(inWindowUse(superH.accelerator, 'darwin')).toBe('hide the app');
    expect(inWindowUse(superH.accelerator, 'linux')).toBeNull();
  });

  it('the default keys are valid, distinct and free of the window’s keys on every platform', () => {
    for (const platform of platforms)
      for (const action of SHORTCUT_ACTIONS)
        expect(checkShortcutChoice(action, DEFAULT_SHORTCUTS[action], settings, platform), `${action} on ${platform}`).toEqual({
          ok: true,
          accelerator: DEFAULT_SHORTCUTS[action],
        });
  });
});
