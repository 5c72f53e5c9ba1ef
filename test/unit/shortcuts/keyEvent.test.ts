import { describe, expect, it } from 'vitest';
import { recordKeys, type KeyPress } from '../../../shared/shortcuts/keyEvent';

const press = (p: Partial<KeyPress> & Pick<KeyPress, 'key' | 'code'>): KeyPress => ({
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...p,
});

describe('recordKeys (the Settings field turning a key press into an accelerator)', () => {
  it('writes Ctrl on Windows and Linux, and ⌘ on macOS, as the portable CommandOrControl', () => {
    expect(recordKeys(press({ key: 'B', code: 'KeyB', ctrlKey: true, altKey: true, shiftKey: true }), 'win32')).toEqual({
      kind: 'keys',
      accelerator: 'CommandOrControl+Alt+Shift+B',
    });
    expect(recordKeys(press({ key: 'b', code: 'KeyB', metaKey: true, shiftKey: true }), 'darwin')).toEqual({
      kind: 'keys',
      accelerator: 'CommandOrControl+Shift+B',
    });
    expect(recordKeys(press({ key: 'b', code: 'KeyB', ctrlKey: true }), 'darwin')).toEqual({ kind: 'keys', accelerator: 'Control+B' });
    expect(recordKeys(press({ key: 'b', code: 'KeyB', metaKey: true }), 'linux')).toEqual({ kind: 'keys', accelerator: 'Super+B' });
  });

  it('reads a letter by what the key prints (AZERTY), and by the physical key when ⌥ turned it into a symbol', () => {
    expect(recordKeys(press({ key: 'a', code: 'KeyQ', ctrlKey: true }), 'linux')).toEqual({
      kind: 'keys',
      accelerator: 'CommandOrControl+A',
    });
    expect(recordKeys(press({ key: 'å', code: 'KeyA', altKey: true, metaKey: true }), 'darwin')).toEqual({
      kind: 'keys',
      accelerator: 'CommandOrControl+Alt+A',
    });
  });

  it('reads digits, the number pad, function keys and punctuation by the physical key', () => {
    expect(recordKeys(press({ key: '!', code: 'Digit1', ctrlKey: true, shiftKey: true }), 'win32')).toEqual({
      kind: 'keys',
      accelerator: 'CommandOrControl+Shift+1',
    });
    expect(recordKeys(press({ key: '7', code: 'Numpad7', altKey: true }), 'win32')).toEqual({ kind: 'keys', accelerator: 'Alt+num7' });
    expect(recordKeys(press({ key: 'F9', code: 'F9' }), 'linux')).toEqual({ kind: 'keys', accelerator: 'F9' });
    expect(recordKeys(press({ key: ' ', code: 'Space', ctrlKey: true }), 'linux')).toEqual({
      kind: 'keys',
      accelerator: 'CommandOrControl+Space',
    });
    expect(recordKeys(press({ key: 'ArrowLeft', code: 'ArrowLeft', altKey: true }), 'linux')).toEqual({
      kind: 'keys',
      accelerator: 'Alt+Left',
    });
    expect(recordKeys(press({ key: ';', code: 'Semicolon', ctrlKey: true }), 'linux')).toEqual({
      kind: 'keys',
      accelerator: 'CommandOrControl+;',
    });
  });

  it('waits while only modifiers are down, and names a key Electron has no name for', () => {
    expect(recordKeys(press({ key: 'Control', code: 'ControlLeft', ctrlKey: true }), 'linux')).toEqual({
      kind: 'modifiers',
      modifiers: ['CommandOrControl'],
    });
    expect(recordKeys(press({ key: 'Dead', code: 'IntlBackslash', ctrlKey: true }), 'linux')).toEqual({ kind: 'unknown', key: 'Dead' });
  });
});
