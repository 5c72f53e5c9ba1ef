import type { SystemEvents } from '../../core/ports';

export interface PowerMonitorLike {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

export interface SystemEventsDeps {
  powerMonitor: PowerMonitorLike;
  /** Electron's `net.isOnline()`. */
  isOnline(): boolean;
  setInterval(fn: () => void, ms: number): { cancel(): void };
}

/**
 * Wake-ups from powerMonitor, and the network coming back, detected by watching `net.isOnline()`
 * (the main process has no online event of its own).
 */
export function createSystemEvents(d: SystemEventsDeps, pollMs = 3000): SystemEvents {
  return {
    onWake(listener) {
      d.powerMonitor.on('resume', listener);
      d.powerMonitor.on('unlock-screen', listener);
      let online = d.isOnline();
      const timer = d.setInterval(() => {
        const now = d.isOnline();
        if (now && !online) listener();
        online = now;
      }, pollMs);
      return () => {
        d.powerMonitor.removeListener('resume', listener);
        d.powerMonitor.removeListener('unlock-screen', listener);
        timer.cancel();
      };
    },
  };
}
