import { create } from 'zustand';
import type { SpeakerFixesView } from '../../../shared/ipc/speakers';
import type { SpeakerLine } from '../../../shared/transcript/speakerNames';
import type { SpeakerAction } from './SpeakerDialog';
import type { SpeakerScope } from './SpeakerMenu';

/** The correction dialog open now: held here, not in the caption row, which a live list may unmount while it is open. */
export interface OpenSpeakerDialog {
  action: SpeakerAction;
  scope: SpeakerScope;
  line: SpeakerLine;
  when: string;
}

/**
 * Each server's speaker corrections as the core holds them (`speakers:list`), re-read when the
 * core says they changed (`speakers:changed`). The live captions, the overlay and the meeting page
 * derive the names they show from them (shared/transcript/speakerNames.ts).
 */
interface SpeakersStore {
  byServer: Readonly<Record<string, SpeakerFixesView>>;
  /** Servers whose corrections were asked for (loaded or on their way). */
  asked: ReadonlySet<string>;
  set(view: SpeakerFixesView): void;
  markAsked(serverId: string): void;
  dialog: OpenSpeakerDialog | null;
  openDialog(dialog: OpenSpeakerDialog | null): void;
}

export const useSpeakersStore = create<SpeakersStore>()((set) => ({
  byServer: {},
  asked: new Set(),
  set: (view) => set((s) => ({ byServer: { ...s.byServer, [view.serverId]: view } })),
  markAsked: (serverId) => set((s) => ({ asked: new Set([...s.asked, serverId]) })),
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
}));
