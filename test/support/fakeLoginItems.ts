import type { LoginItemReading, LoginItems } from '../../electron/core/desktop/ports';

/**
 * An OS's login items for tests: it keeps the registration, can refuse a change, and can be
 * changed behind the app's back (as in System Settings, Task Manager or the autostart folder).
 */
export function fakeLoginItems(initial: LoginItemReading['status'] = 'off') {
  const os = { status: initial, reason: null as string | null, refuse: false, sets: [] as boolean[] };
  const items: LoginItems = {
    read: async () => ({ status: os.status, reason: os.reason }),
    set: async (enabled) => {
      os.sets.push(enabled);
      if (os.refuse) throw new Error('The system refused');
      os.status = enabled ? 'on' : 'off';
      os.reason = null;
    },
  };
  return { os, items };
}
