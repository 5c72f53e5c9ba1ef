import { SHORTCUT_ACTIONS, SHORTCUT_LABELS, type ShortcutAction, type ShortcutSettings } from '../ipc/shortcutSettings';
import { displayAccelerator, globalUseProblem, parseAccelerator, sameKeys, type Accelerator, type ShortcutPlatform } from './accelerator';
import { IN_WINDOW_SHORTCUTS } from './inWindow';

/** Which of the window's own keys these are, if any (what they do there). */
export function inWindowUse(a: Accelerator, platform: ShortcutPlatform): string | null {
  for (const entry of IN_WINDOW_SHORTCUTS) {
    if (entry.on && !entry.on.includes(platform)) continue;
    const parsed = parseAccelerator(entry.accelerator);
    if (parsed.ok && sameKeys(parsed.accelerator, a, platform)) return entry.does;
  }
  return null;
}

/** Another of the app's shortcuts on the same keys, if any. */
export function sharedWith(
  action: ShortcutAction,
  a: Accelerator,
  settings: ShortcutSettings,
  platform: ShortcutPlatform,
): ShortcutAction | null {
  for (const other of SHORTCUT_ACTIONS) {
    if (other === action) continue;
    const text = settings[other];
    const parsed = text === null ? null : parseAccelerator(text);
    if (parsed?.ok && sameKeys(parsed.accelerator, a, platform)) return other;
  }
  return null;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

export type ShortcutChoice = { ok: true; accelerator: string | null } | { ok: false; problem: string };

/**
 * Whether `text` can become the shortcut of `action`: it parses, it leaves typing alone, and no
 * other shortcut of the app (global or in the window) has the same keys. Null turns it off.
 */
export function checkShortcutChoice(
  action: ShortcutAction,
  text: string | null,
  settings: ShortcutSettings,
  platform: ShortcutPlatform,
): ShortcutChoice {
  if (text === null) return { ok: true, accelerator: null };
  const parsed = parseAccelerator(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const a = parsed.accelerator;
  const keys = displayAccelerator(a, platform);
  const typing = globalUseProblem(a, platform);
  if (typing) return { ok: false, problem: typing };
  const other = sharedWith(action, a, settings, platform);
  if (other)
    return {
      ok: false,
      problem: `${keys} is already the shortcut to ${lower(SHORTCUT_LABELS[other])}. Choose other keys, or change that one first.`,
    };
  const inWindow = inWindowUse(a, platform);
  if (inWindow) return { ok: false, problem: `${keys} is what the app uses inside its window to ${inWindow}. Choose other keys.` };
  return { ok: true, accelerator: parsed.text };
}
