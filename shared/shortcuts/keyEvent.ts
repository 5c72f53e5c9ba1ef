import { acceleratorText, type Modifier, type ShortcutPlatform } from './accelerator';

/** The fields of a DOM KeyboardEvent the recorder reads (shared/ has no DOM types). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type RecordedKeys =
  /** Only modifiers so far: the field shows them and waits for the key. */
  | { kind: 'modifiers'; modifiers: Modifier[] }
  | { kind: 'keys'; accelerator: string }
  /** A key Electron has no name for (a dead key, a layout's own letter). */
  | { kind: 'unknown'; key: string };

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'OS', 'Super', 'Hyper', 'Fn']);

// KeyboardEvent.code names the physical key; Electron's names for the ones that are not letters.
const CODE_NAMES: Record<string, string> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Return',
  NumpadEnter: 'Return',
  Escape: 'Escape',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  PrintScreen: 'PrintScreen',
  CapsLock: 'Capslock',
  NumLock: 'Numlock',
  ScrollLock: 'Scrolllock',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadDecimal: 'numdec',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  AudioVolumeUp: 'VolumeUp',
  AudioVolumeDown: 'VolumeDown',
  AudioVolumeMute: 'VolumeMute',
  MediaTrackNext: 'MediaNextTrack',
  MediaTrackPrevious: 'MediaPreviousTrack',
  MediaStop: 'MediaStop',
  MediaPlayPause: 'MediaPlayPause',
};

function keyOf(press: KeyPress): string | null {
  // Letters by what the key prints, as Electron reads them (an AZERTY "A" is A); with Alt on
  // macOS `key` is a symbol (⌥A types å), so the physical key decides then.
  if (/^[a-z]$/i.test(press.key)) return press.key.toUpperCase();
  const letter = /^Key([A-Z])$/.exec(press.code);
  if (letter) return letter[1]!;
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(press.code);
  if (digit) return press.code.startsWith('Numpad') ? `num${digit[1]}` : digit[1]!;
  const f = /^F([1-9]|1\d|2[0-4])$/.exec(press.code);
  if (f) return press.code;
  return CODE_NAMES[press.code] ?? null;
}

/**
 * The accelerator for a key press in the recording field. The portable `CommandOrControl` stands
 * for ⌘ on macOS and Ctrl elsewhere, so settings copied to another computer keep working.
 */
export function recordKeys(press: KeyPress, platform: ShortcutPlatform): RecordedKeys {
  const mac = platform === 'darwin';
  const held = new Set<Modifier>();
  if (mac ? press.metaKey : press.ctrlKey) held.add('CommandOrControl');
  if (mac ? press.ctrlKey : press.metaKey) held.add(mac ? 'Control' : 'Super');
  if (press.altKey) held.add('Alt');
  if (press.shiftKey) held.add('Shift');
  const modifiers = (['CommandOrControl', 'Control', 'Super', 'Alt', 'Shift'] as const).filter((m) => held.has(m));
  if (MODIFIER_KEYS.has(press.key)) return { kind: 'modifiers', modifiers };
  const key = keyOf(press);
  if (key === null) return { kind: 'unknown', key: press.key };
  return { kind: 'keys', accelerator: acceleratorText({ modifiers, key }) };
}
