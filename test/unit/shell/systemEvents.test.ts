import { describe, expect, it } from 'vitest';
import { createSystemEvents, type PowerMonitorLike } from '../../../electron/main/shell/systemEvents';

describe('system events', () => {
  it('wakes on resume, on unlock and when the network comes back, and stops on unsubscribe', () => {
    const listeners = new Map<string, Set<() => void>>();
    const pm: PowerMonitorLike = {
      on: (e, l) => listeners.set(e, (listeners.get(e) ?? new Set()).add(l)),
      removeListener: (e, l) => listeners.get(e)?.delete(l),
    };
    let online = false;
    let tick: () => void = () => {};
    let cancelled = false;
    const events = createSystemEvents({
      powerMonitor: pm,
      isOnline: () => online,
      setInterval: (fn) => ((tick = fn), { cancel: () => (cancelled = true) }),
    });
    let wakes = 0;
    const stop = events.onWake(() => wakes++);
    for (const l of listeners.get('resume')!) l();
    for (const l of listeners.get('unlock-screen')!) l();
    tick();
    online = true;
    tick();
    tick();
    expect(wakes).toBe(3);
    stop();
    expect(listeners.get('resume')!.size).toBe(0);
    expect(cancelled).toBe(true);
  });
});
