/**
 * Rate-limits announcements to the app's live region: a burst of status changes (several bots,
 * a reconnect replaying statuses) must not make the screen reader talk over itself. The first
 * message goes out at once; messages inside the interval are joined and sent when it ends.
 */

export interface ThrottleDeps {
  announce(message: string): void;
  now(): number;
  schedule(fn: () => void, ms: number): void;
}

export function createThrottledAnnouncer(deps: ThrottleDeps, intervalMs = 2_000): (message: string) => void {
  let lastAt = Number.NEGATIVE_INFINITY;
  let queued: string[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (queued.length === 0) return;
    const text = [...new Set(queued)].join(' ');
    queued = [];
    lastAt = deps.now();
    deps.announce(text);
  };

  return (message: string) => {
    const wait = lastAt + intervalMs - deps.now();
    if (wait <= 0 && !scheduled) {
      lastAt = deps.now();
      deps.announce(message);
      return;
    }
    queued.push(message);
    if (!scheduled) {
      scheduled = true;
      deps.schedule(flush, Math.max(0, wait));
    }
  };
}
