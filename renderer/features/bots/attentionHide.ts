import { create } from 'zustand';
import type { TrackedMeetingView } from '../../../shared/ipc/models';

/**
 * A lobby or "needs help" banner the person has seen and put aside: hidden for a while (snooze)
 * or until the bot's state changes (dismiss). A new state brings the banner back, so a bot that
 * leaves the lobby and later needs help is never missed.
 */
export const SNOOZE_MS = 60_000;

export interface HiddenBanner {
  status: TrackedMeetingView['status'];
  /** Shown again from this time; null: hidden until the status changes. */
  until: number | null;
}

interface AttentionHideStore {
  hidden: Record<string, HiddenBanner>;
  hide(key: string, entry: HiddenBanner): void;
}

export const useAttentionHide = create<AttentionHideStore>()((set) => ({
  hidden: {},
  hide: (key, entry) => set((s) => ({ hidden: { ...s.hidden, [key]: entry } })),
}));

/** Whether a meeting's banner shows now: pure, so it is unit-tested. */
export function bannerShown(entry: HiddenBanner | undefined, status: TrackedMeetingView['status'], now: number): boolean {
  if (!entry || entry.status !== status) return true;
  return entry.until !== null && now >= entry.until;
}
