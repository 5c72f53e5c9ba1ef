import type { GlobalShortcutPort, ShortcutShell } from '../core/shortcuts';
import { normalizeAccelerator } from '../../shared/shortcuts/accelerator';

/**
 * Global shortcuts for the browser-served app. A browser tab cannot register keys with the OS, so
 * `npm run web` reports none (`support: 'none'`, and the Settings card says they work in the
 * desktop app only). The end-to-end tests use the recording kind: it keeps what was registered,
 * refuses keys "another app" holds, and lets a test press a shortcut as the OS would.
 */
export interface RecordingShortcuts extends GlobalShortcutPort {
  /** Registered accelerators, as the core passed them. */
  readonly registered: readonly string[];
  readonly suspended: boolean;
  /** Keys another app holds: `register` refuses them, as Electron does. */
  readonly takenByOthers: Set<string>;
  /** Presses the keys; false when nothing is registered on them (or shortcuts are suspended). */
  press(accelerator: string): boolean;
}

export function createRecordingShortcuts(support: GlobalShortcutPort['support']): RecordingShortcuts {
  const callbacks = new Map<string, () => void>();
  const takenByOthers = new Set<string>();
  let suspended = false;
  const same = (accelerator: string) => normalizeAccelerator(accelerator) ?? accelerator;
  return {
    support,
    get registered() {
      return [...callbacks.keys()];
    },
    get suspended() {
      return suspended;
    },
    takenByOthers,
    register(accelerator, onPress) {
      const keys = same(accelerator);
      if (support === 'none' || suspended || callbacks.has(keys) || [...takenByOthers].some((t) => same(t) === keys)) return false;
      callbacks.set(keys, onPress);
      return true;
    },
    isRegistered: (accelerator) => callbacks.has(same(accelerator)),
    unregister: (accelerator) => void callbacks.delete(same(accelerator)),
    unregisterAll: () => callbacks.clear(),
    setSuspended(value) {
      suspended = value;
    },
    press(accelerator) {
      const onPress = callbacks.get(same(accelerator));
      if (!onPress || suspended) return false;
      onPress();
      return true;
    },
  };
}

/** The shell side of shortcuts in the harness: the keys, and a count of "bring the app to the front". */
export function createHarnessShortcutShell(support: GlobalShortcutPort['support']): ShortcutShell & {
  port: RecordingShortcuts;
  readonly shown: number;
} {
  let shown = 0;
  return {
    port: createRecordingShortcuts(support),
    get shown() {
      return shown;
    },
    // The page is already in front of whoever looks at it; the count is for the tests.
    showApp: () => {
      shown += 1;
    },
  };
}
