import { describe, expect, it } from 'vitest';
import {
  displayAccelerator,
  displayAcceleratorText,
  globalUseProblem,
  normalizeAccelerator,
  parseAccelerator,
  sameKeys,
  type Accelerator,
} from '../../../shared/shortcuts/accelerator';

// The grammar is Electron's (https://www.electronjs.org/docs/latest/api/accelerator) and the keys
// each name means follow Electron's keyboard_util.cc (KeyboardCodeFromStr).

const parsed = (text: string): Accelerator => {
  const p = parseAccelerator(text);
  if (!p.ok) throw new Error(`${text}: ${p.problem}`);
  return p.accelerator;
};

describe('parseAccelerator', () => {
  it.each([
    ['CommandOrControl+Shift+B', 'CommandOrControl+Shift+B'],
    ['cmdorctrl+shift+b', 'CommandOrControl+Shift+B'],
    ['Shift+Ctrl+Alt+b', 'Control+Alt+Shift+B'],
    ['Meta+K', 'Super+K'],
    ['Cmd+Option+F5', 'Command+Option+F5'],
    ['Alt+enter', 'Alt+Return'],
    ['Ctrl+Esc', 'Control+Escape'],
    ['CommandOrControl+Plus', 'CommandOrControl+Plus'],
    ['Ctrl+=', 'Control+='],
    ['Ctrl+!', 'Control+!'],
    ['Alt+num7', 'Alt+num7'],
    ['Ctrl+NumAdd', 'Control+numadd'],
    ['F24', 'F24'],
    ['MediaPlayPause', 'MediaPlayPause'],
    ['AltGr+Space', 'AltGr+Space'],
    [' Ctrl + Alt + PageDown ', 'Control+Alt+PageDown'],
    ["Ctrl+'", "Control+'"],
  ])('reads %s as %s', (input, text) => {
    expect(normalizeAccelerator(input)).toBe(text);
  });

  it.each([
    ['', 'Press the keys'],
    ['Ctrl+Shift', 'Add a key'],
    ['Ctrl++', 'write Plus'],
    ['Ctrl+A+B', 'has A and B'],
    ['Ctrl+Ctrl+A', 'named twice'],
    ['Hyper+A', '“Hyper” is not a key'],
    ['Ctrl+F25', '“F25” is not a key'],
    ['Ctrl+é', '“é” is not a key'],
    ['Ctrl+Shift+Win', '“Win” is not a key'],
  ])('refuses %j, saying why', (input, words) => {
    const p = parseAccelerator(input);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem).toContain(words);
  });
});

describe('sameKeys', () => {
  it('knows CommandOrControl is ⌘ on macOS and Ctrl elsewhere', () => {
    expect(sameKeys(parsed('CmdOrCtrl+K'), parsed('Control+K'), 'win32')).toBe(true);
    expect(sameKeys(parsed('CmdOrCtrl+K'), parsed('Control+K'), 'darwin')).toBe(false);
    expect(sameKeys(parsed('CmdOrCtrl+K'), parsed('Command+K'), 'darwin')).toBe(true);
  });

  it('treats Command, Super and Meta as one key, and Alt and Option as one', () => {
    expect(sameKeys(parsed('Super+K'), parsed('Command+K'), 'linux')).toBe(true);
    expect(sameKeys(parsed('Alt+K'), parsed('Option+K'), 'darwin')).toBe(true);
  });

  it('reads a shifted character as Shift and its key, whatever the order of the modifiers', () => {
    expect(sameKeys(parsed('Ctrl+!'), parsed('Shift+Ctrl+1'), 'linux')).toBe(true);
    expect(sameKeys(parsed('Ctrl+Plus'), parsed('Ctrl+Shift+='), 'linux')).toBe(true);
    expect(sameKeys(parsed('Ctrl+1'), parsed('Ctrl+Shift+1'), 'linux')).toBe(false);
  });
});

describe('globalUseProblem', () => {
  it('refuses keys that would stop typing in every other app', () => {
    expect(globalUseProblem(parsed('B'), 'win32')).toContain('B would stop working in every other app');
    expect(globalUseProblem(parsed('Shift+B'), 'linux')).toContain('Add Ctrl, Alt or the Windows key');
    expect(globalUseProblem(parsed('Shift+!'), 'darwin')).toContain('Add ⌘, ⌃ or ⌥');
  });

  it('accepts a modifier besides Shift, and function and media keys on their own', () => {
    for (const ok of ['Ctrl+B', 'Alt+Shift+B', 'Super+B', 'F9', 'Shift+F13', 'MediaPlayPause', 'VolumeMute'])
      expect(globalUseProblem(parsed(ok), 'linux'), ok).toBeNull();
  });
});

describe('displayAccelerator', () => {
  it('names the keys a person presses on each platform', () => {
    const a = parsed('CommandOrControl+Alt+Shift+B');
    expect(displayAccelerator(a, 'win32')).toBe('Ctrl+Alt+Shift+B');
    expect(displayAccelerator(a, 'darwin')).toBe('⌥⇧⌘B');
    expect(displayAccelerator(parsed('Super+Return'), 'linux')).toBe('Super+Enter');
    expect(displayAccelerator(parsed('Super+Up'), 'win32')).toBe('Win+↑');
    expect(displayAccelerator(parsed('Control+Command+Space'), 'darwin')).toBe('⌃⌘Space');
  });

  it('lets a shifted character speak for Shift', () => {
    expect(displayAccelerator(parsed('Ctrl+!'), 'linux')).toBe('Ctrl+!');
    expect(displayAccelerator(parsed('Ctrl+Shift+!'), 'linux')).toBe('Ctrl+Shift+!');
  });

  it('shows text that does not parse as it is', () => {
    expect(displayAcceleratorText('Hyper+Q', 'linux')).toBe('Hyper+Q');
  });
});
