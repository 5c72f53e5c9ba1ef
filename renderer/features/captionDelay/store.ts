import { create } from 'zustand';
import type { CaptionDelayEvent, CaptionDelayView } from '../../../shared/ipc/captionDelay';

const keyOf = (serverId: string, meetingId: number) => `${serverId}\u0000${meetingId}`;

/** Each live meeting's caption delay, as the core last reported it (`live:captionDelay`). */
interface CaptionDelayStore {
  figures: Record<string, CaptionDelayView>;
  apply(e: CaptionDelayEvent): void;
  set(serverId: string, meetingId: number, v: CaptionDelayView): void;
}

export const useCaptionDelayStore = create<CaptionDelayStore>((set) => ({
  figures: {},
  apply: ({ serverId, meetingId, ...v }) => set((s) => ({ figures: { ...s.figures, [keyOf(serverId, meetingId)]: v } })),
  // An answer to a request never replaces a newer pushed figure.
  set: (serverId, meetingId, v) =>
    set((s) => {
      const old = s.figures[keyOf(serverId, meetingId)];
      return old && old.measuredAt >= v.measuredAt ? s : { figures: { ...s.figures, [keyOf(serverId, meetingId)]: v } };
    }),
}));

export const selectFigures = (serverId: string, meetingId: number) => (s: CaptionDelayStore) =>
  s.figures[keyOf(serverId, meetingId)] ?? null;
