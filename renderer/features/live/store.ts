import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { LiveStateView, OverlayMode } from '../../../shared/ipc/models';
import type { MeetingKey } from '../../app/meetingKey';
import type { TimeFormat } from '../captions/describe';

export interface OverlayStyle {
  /** Caption text size in CSS pixels. */
  fontSize: number;
  /** Background opacity, 0.2–1: the text itself stays fully opaque. */
  opacity: number;
}

export const OVERLAY_FONT_SIZES = { min: 14, max: 40, step: 2 } as const;
export const OVERLAY_OPACITY = { min: 0.2, max: 1, step: 0.1 } as const;

export type OverlayPlace = MeetingKey & { mode: OverlayMode };

/**
 * The Live screen: each server's live connection (fed by `live:state`), which meeting fills the
 * screen, the caption overlay, and the viewing choices the app remembers between runs.
 */
interface LiveStore {
  /** The current server's live connection (what a screen of one server at a time shows). */
  state: LiveStateView | null;
  /** Every server's live connection, by server id. */
  states: Record<string, LiveStateView>;
  /** Which server `state` follows. */
  currentServerId: string | null;
  /** The meeting whose captions fill the Live screen; null shows every live meeting. */
  selected: MeetingKey | null;
  timeFormat: TimeFormat;
  /** Read newly confirmed captions aloud (politely, a few seconds apart). */
  announceCaptions: boolean;
  overlay: OverlayPlace | null;
  overlayStyle: OverlayStyle;
  /** One server's live connection (`serverId` null: no server at all). */
  setState(state: LiveStateView): void;
  setCurrentServer(serverId: string | null): void;
  /** Forgets the states of servers no longer connected. */
  keepStates(serverIds: ReadonlySet<string>): void;
  select(meeting: MeetingKey | null): void;
  setTimeFormat(format: TimeFormat): void;
  setAnnounceCaptions(on: boolean): void;
  setOverlay(overlay: OverlayPlace | null): void;
  setOverlayStyle(patch: Partial<OverlayStyle>): void;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export const useLiveStore = create<LiveStore>()(
  persist(
    (set) => ({
      state: null,
      states: {},
      currentServerId: null,
      selected: null,
      timeFormat: 'relative',
      announceCaptions: true,
      overlay: null,
      overlayStyle: { fontSize: 20, opacity: 0.85 },
      setState: (state) =>
        set((s) => ({
          ...(state.serverId === s.currentServerId || state.serverId === null ? { state } : {}),
          ...(state.serverId ? { states: { ...s.states, [state.serverId]: state } } : {}),
        })),
      setCurrentServer: (currentServerId) =>
        set((s) =>
          s.currentServerId === currentServerId
            ? {}
            : { currentServerId, state: currentServerId ? (s.states[currentServerId] ?? null) : null },
        ),
      keepStates: (serverIds) =>
        set((s) => {
          const kept = Object.entries(s.states).filter(([id]) => serverIds.has(id));
          return kept.length === Object.keys(s.states).length ? {} : { states: Object.fromEntries(kept) };
        }),
      select: (selected) => set({ selected }),
      setTimeFormat: (timeFormat) => set({ timeFormat }),
      setAnnounceCaptions: (announceCaptions) => set({ announceCaptions }),
      setOverlay: (overlay) => set({ overlay }),
      setOverlayStyle: (patch) =>
        set((s) => {
          const next = { ...s.overlayStyle, ...patch };
          return {
            overlayStyle: {
              fontSize: clamp(Math.round(next.fontSize), OVERLAY_FONT_SIZES.min, OVERLAY_FONT_SIZES.max),
              opacity: clamp(Math.round(next.opacity * 100) / 100, OVERLAY_OPACITY.min, OVERLAY_OPACITY.max),
            },
          };
        }),
    }),
    {
      name: 'vexa.live.view',
      storage: createJSONStorage(() => localStorage),
      // Only the person's choices persist; connection state and selections belong to this run.
      partialize: (s) => ({ timeFormat: s.timeFormat, announceCaptions: s.announceCaptions, overlayStyle: s.overlayStyle }),
    },
  ),
);
