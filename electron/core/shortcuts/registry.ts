import { SHORTCUT_ACTIONS, SHORTCUT_LABELS, type ShortcutAction, type ShortcutSettings } from '../../../shared/ipc/shortcutSettings';
import type { ShortcutState, ShortcutsView } from '../../../shared/ipc/shortcuts';
import {
  displayAccelerator,
  globalUseProblem,
  parseAccelerator,
  sameKeys,
  type ShortcutPlatform,
} from '../../../shared/shortcuts/accelerator';
import { inWindowUse } from '../../../shared/shortcuts/conflicts';

/**
 * What to register and what each shortcut's state is: pure, so every state a person can see is
 * unit-tested without an OS. The service (shortcutService.ts) carries the plan out.
 */

export type ShortcutSupport = ShortcutsView['support'];

export type PlannedShortcut =
  | { action: ShortcutAction; register: true; accelerator: string; keys: string }
  | { action: ShortcutAction; register: false; accelerator: string | null; keys: string | null; state: ShortcutState; message: string };

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/**
 * One entry per action, in order. A settings file edited by hand may hold text that does not
 * parse, keys that would swallow typing, or the same keys twice: the first action keeps the keys,
 * and each problem is named rather than registered.
 */
export function planShortcuts(settings: ShortcutSettings, platform: ShortcutPlatform, support: ShortcutSupport): PlannedShortcut[] {
  const planned: PlannedShortcut[] = [];
  for (const action of SHORTCUT_ACTIONS) {
    const text = settings[action];
    const skip = (state: ShortcutState, message: string, keys: string | null = null): PlannedShortcut => ({
      action,
      register: false,
      accelerator: text,
      keys,
      state,
      message,
    });
    if (text === null) {
      planned.push(skip('off', 'Off. Record keys to turn it on.'));
      continue;
    }
    const parsed = parseAccelerator(text);
    if (!parsed.ok) {
      planned.push(skip('invalid', `The settings hold “${text}”, which is not a shortcut: ${parsed.problem} Record new keys.`));
      continue;
    }
    const a = parsed.accelerator;
    const keys = displayAccelerator(a, platform);
    const typing = globalUseProblem(a, platform);
    if (typing) {
      planned.push(skip('invalid', `${typing} Record new keys.`, keys));
      continue;
    }
    const earlier = planned.find((p) => {
      const other = p.accelerator === null ? null : parseAccelerator(p.accelerator);
      return other?.ok && sameKeys(other.accelerator, a, platform);
    });
    if (earlier) {
      planned.push(
        skip(
          'conflict',
          `${keys} is also the shortcut to ${lower(SHORTCUT_LABELS[earlier.action])}, which keeps it. Choose other keys.`,
          keys,
        ),
      );
      continue;
    }
    const inWindow = inWindowUse(a, platform);
    if (inWindow) {
      planned.push(skip('conflict', `${keys} is what the app uses inside its window to ${inWindow}. Choose other keys.`, keys));
      continue;
    }
    if (support === 'none') {
      planned.push(skip('unavailable', 'Global shortcuts work in the desktop app only.', keys));
      continue;
    }
    planned.push({ action, register: true, accelerator: parsed.text, keys });
  }
  return planned;
}

/**
 * The state after asking the OS. On Windows, macOS and X11 `register` is authoritative: false means
 * another app holds the keys (electron.d.ts, GlobalShortcut.register). On Wayland the portal binds
 * asynchronously and may ask the person first, so true only means the request went out, and false
 * means the desktop has no portal the app can use (docs/api/global-shortcut.md "Usage on Linux";
 * electron/electron#52218).
 */
export function registeredState(
  registered: boolean,
  support: Exclude<ShortcutSupport, 'none'>,
  keys: string,
): { state: ShortcutState; message: string } {
  if (support === 'portal')
    return registered
      ? {
          state: 'requested',
          message: `Your desktop was asked for ${keys}. GNOME asks you once to allow it; KDE Plasma lists it in System Settings under Shortcuts, where you can change it.`,
        }
      : {
          state: 'unavailable',
          message:
            'Your desktop did not let the app use global shortcuts. On Wayland they need a desktop with the GlobalShortcuts portal (GNOME 48 or later, KDE Plasma 5.27 or later). You can still bind keys to open the app in your desktop’s keyboard settings.',
        };
  return registered
    ? { state: 'active', message: `Works from any app: press ${keys}.` }
    : { state: 'taken', message: `Another app already uses ${keys}. Choose other keys here, or free them in that app.` };
}
