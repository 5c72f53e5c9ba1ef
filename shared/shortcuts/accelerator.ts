/**
 * Electron's Accelerator grammar (https://www.electronjs.org/docs/latest/api/accelerator):
 * modifiers and exactly one key code joined by `+`, case-insensitive. Parsing here is stricter
 * than Electron's own (which logs and registers nothing for a token it does not know) so the
 * person hears what is wrong before anything reaches the OS.
 *
 * Which physical keys an accelerator means follows Electron's keyboard_util.cc
 * (KeyboardCodeFromStr): `Command`, `Cmd`, `Super` and `Meta` are all the ⌘/Windows/Super key;
 * `Alt` and `Option` are the same key; `CommandOrControl` is ⌘ on macOS and Ctrl elsewhere; a
 * shifted character (`!`, `Plus`, `?` …) is Shift and the key it is printed on (US layout).
 */

export type ShortcutPlatform = 'darwin' | 'win32' | 'linux' | 'other';

export const MODIFIERS = ['CommandOrControl', 'Command', 'Control', 'Super', 'Alt', 'Option', 'AltGr', 'Shift'] as const;
export type Modifier = (typeof MODIFIERS)[number];

const MODIFIER_ALIASES: Record<string, Modifier> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  super: 'Super',
  meta: 'Super',
  alt: 'Alt',
  option: 'Option',
  altgr: 'AltGr',
  shift: 'Shift',
};

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
  ...Array.from({ length: 10 }, (_, i) => `num${i}`),
  ...Array.from({ length: 24 }, (_, i) => `F${i + 1}`),
];
const KEY_NAMES = new Map<string, string>([
  ...NAMED_KEYS.map((k) => [k.toLowerCase(), k] as const),
  ['enter', 'Return'],
  ['esc', 'Escape'],
]);

/** Characters on their own key (US layout), and the shifted ones with the key they are printed on. */
const PLAIN_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz;=,-./`[\\]'";
const SHIFTED_CHARACTERS: Record<string, string> = {
  ')': '0',
  '!': '1',
  '@': '2',
  '#': '3',
  $: '4',
  '%': '5',
  '^': '6',
  '&': '7',
  '*': '8',
  '(': '9',
  ':': ';',
  '<': ',',
  _: '-',
  '>': '.',
  '?': '/',
  '~': '`',
  '{': '[',
  '|': '\\',
  '}': ']',
  '"': "'",
};

export interface Accelerator {
  /** Each modifier once, in the order of MODIFIERS. */
  modifiers: Modifier[];
  /** The key code as Electron's documentation spells it (`B`, `Space`, `F5`, `num0`, `!`). */
  key: string;
}

export type ParsedAccelerator = { ok: true; accelerator: Accelerator; text: string } | { ok: false; problem: string };

function keyName(token: string): string | null {
  if (token.length === 1) {
    const lower = token.toLowerCase();
    if (PLAIN_CHARACTERS.includes(lower)) return lower.toUpperCase();
    return token in SHIFTED_CHARACTERS ? token : null;
  }
  return KEY_NAMES.get(token.toLowerCase()) ?? null;
}

/** Reads an accelerator the way Electron does, or says in plain words what is wrong with it. */
export function parseAccelerator(input: string): ParsedAccelerator {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'Press the keys, or type them (for example CommandOrControl+Shift+B).' };
  if (text.length > 100) return { ok: false, problem: 'That is too long for a shortcut.' };
  const tokens = text.split('+').map((t) => t.trim());
  if (tokens.some((t) => t === ''))
    return { ok: false, problem: 'A key is missing between two “+” signs. To use the plus key itself, write Plus.' };
  const modifiers = new Set<Modifier>();
  let key: string | null = null;
  for (const token of tokens) {
    const modifier = MODIFIER_ALIASES[token.toLowerCase()];
    if (modifier) {
      if (modifiers.has(modifier)) return { ok: false, problem: `${modifier} is named twice.` };
      modifiers.add(modifier);
      continue;
    }
    const name = keyName(token);
    if (!name) return { ok: false, problem: `“${token}” is not a key Electron knows.` };
    if (key !== null)
      return { ok: false, problem: `A shortcut has one key besides Ctrl, Alt, Shift and the like; this one has ${key} and ${name}.` };
    key = name;
  }
  if (key === null) return { ok: false, problem: 'Add a key to the modifiers (for example B).' };
  const accelerator = { modifiers: MODIFIERS.filter((m) => modifiers.has(m)), key };
  return { ok: true, accelerator, text: acceleratorText(accelerator) };
}

/** The accelerator in Electron's spelling, modifiers in a fixed order: the form the app stores. */
export function acceleratorText(a: Accelerator): string {
  return [...a.modifiers, a.key].join('+');
}

/** The stored form of a typed accelerator, or null when it does not parse. */
export function normalizeAccelerator(input: string): string | null {
  const parsed = parseAccelerator(input);
  return parsed.ok ? parsed.text : null;
}

type PhysicalModifier = 'ctrl' | 'alt' | 'altgr' | 'shift' | 'meta';

/** The keys a person holds down for it on `platform`: modifiers as a set, and the key's base. */
export function physicalKeys(a: Accelerator, platform: ShortcutPlatform): { modifiers: Set<PhysicalModifier>; key: string } {
  const held = new Set<PhysicalModifier>();
  for (const m of a.modifiers) {
    if (m === 'CommandOrControl') held.add(platform === 'darwin' ? 'meta' : 'ctrl');
    else if (m === 'Command' || m === 'Super') held.add('meta');
    else if (m === 'Control') held.add('ctrl');
    else if (m === 'Alt' || m === 'Option') held.add('alt');
    else if (m === 'AltGr') held.add('altgr');
    else held.add('shift');
  }
  let key = a.key;
  const base = SHIFTED_CHARACTERS[key] ?? (key === 'Plus' ? '=' : undefined);
  if (base !== undefined) {
    held.add('shift');
    key = base.toUpperCase();
  }
  return { modifiers: held, key };
}

function physicalId(a: Accelerator, platform: ShortcutPlatform): string {
  const { modifiers, key } = physicalKeys(a, platform);
  return [...[...modifiers].sort(), key].join('+');
}

/** Whether two accelerators are the same keys on this platform (`CmdOrCtrl+!` and `Control+Shift+1` off macOS). */
export function sameKeys(a: Accelerator, b: Accelerator, platform: ShortcutPlatform): boolean {
  return physicalId(a, platform) === physicalId(b, platform);
}

// A key that types text or moves the caret must not be taken from every other app on its own
// (or with Shift only): a global shortcut swallows the key press everywhere.
const ALONE_IS_FINE = /^(F([1-9]|1\d|2[0-4])|Volume\w+|Media\w+)$/;

/** Why these keys cannot be a global shortcut, or null when they can. */
export function globalUseProblem(a: Accelerator, platform: ShortcutPlatform): string | null {
  const { modifiers } = physicalKeys(a, platform);
  const holding = [...modifiers].some((m) => m !== 'shift');
  if (holding || ALONE_IS_FINE.test(a.key)) return null;
  const mods = platform === 'darwin' ? '⌘, ⌃ or ⌥' : 'Ctrl, Alt or the Windows key';
  return `Add ${mods}: without one, ${displayKey(a.key, platform)} would stop working in every other app.`;
}

const MAC_MODIFIER_SYMBOLS: Record<PhysicalModifier, string> = { ctrl: '⌃', alt: '⌥', altgr: '⌥', shift: '⇧', meta: '⌘' };
const MAC_ORDER: PhysicalModifier[] = ['ctrl', 'alt', 'altgr', 'shift', 'meta'];
const PC_ORDER: PhysicalModifier[] = ['ctrl', 'meta', 'alt', 'altgr', 'shift'];

const KEY_WORDS: Record<string, string> = {
  Return: 'Enter',
  Escape: 'Esc',
  Up: '↑',
  Down: '↓',
  Left: '←',
  Right: '→',
  Plus: '+',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
  PrintScreen: 'Print Screen',
};

function displayKey(key: string, _platform: ShortcutPlatform): string {
  if (KEY_WORDS[key]) return KEY_WORDS[key];
  const num = /^num(\d)$/.exec(key);
  if (num) return `Num ${num[1]}`;
  return key;
}

/** How the keys read to a person on this platform: "Ctrl+Alt+Shift+B", "⌥⇧⌘B", "Super+B". */
export function displayAccelerator(a: Accelerator, platform: ShortcutPlatform): string {
  const { modifiers } = physicalKeys(a, platform);
  // A shifted character says Shift itself: "Ctrl+!" rather than "Ctrl+Shift+!".
  const shiftInKey = a.key in SHIFTED_CHARACTERS || a.key === 'Plus';
  const shown = (m: PhysicalModifier) => modifiers.has(m) && !(m === 'shift' && shiftInKey && !a.modifiers.includes('Shift'));
  const key = displayKey(a.key, platform);
  if (platform === 'darwin')
    return (
      MAC_ORDER.filter(shown)
        .map((m) => MAC_MODIFIER_SYMBOLS[m])
        .join('') + key
    );
  const names: Record<PhysicalModifier, string> = {
    ctrl: 'Ctrl',
    meta: platform === 'win32' ? 'Win' : 'Super',
    alt: 'Alt',
    altgr: 'AltGr',
    shift: 'Shift',
  };
  return [...PC_ORDER.filter(shown).map((m) => names[m]), key].join('+');
}

/** `displayAccelerator` for stored text; the text itself when it does not parse. */
export function displayAcceleratorText(text: string, platform: ShortcutPlatform): string {
  const parsed = parseAccelerator(text);
  return parsed.ok ? displayAccelerator(parsed.accelerator, platform) : text;
}
