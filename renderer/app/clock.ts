import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * One ticking clock for every elapsed-time display (meeting cards, lobby timers, the reconnect
 * countdown): a single interval runs while at least one component needs it, so a list of ten
 * meetings costs one timer, not ten, and every timer on screen moves in step.
 */

interface ClockStore {
  now: number;
}

const useClockStore = create<ClockStore>()(() => ({ now: Date.now() }));

let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function retain(): () => void {
  users += 1;
  if (timer === null) {
    useClockStore.setState({ now: Date.now() });
    timer = setInterval(() => useClockStore.setState({ now: Date.now() }), 1000);
  }
  return () => {
    users -= 1;
    if (users === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, re-rendering the caller once a second while `active`. */
export function useNow(active = true): number {
  useEffect(() => (active ? retain() : undefined), [active]);
  return useClockStore((s) => s.now);
}
