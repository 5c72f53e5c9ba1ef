import { create } from 'zustand';
import type { LaunchTargetView } from '../../../shared/ipc/models';
import type { LaunchErrorPlace } from './describe';

export type Task = 'transcribe' | 'translate';

export interface LaunchError {
  code: string;
  message: string;
  place: LaunchErrorPlace;
  /** The server the bot was sent to, when the failure is that server's (its bot limit, say). */
  serverId?: string;
}

/**
 * The launch form. Kept in a store so a half-typed link survives a trip to another screen.
 * Options are null until the person changes them: the remembered defaults apply until then.
 */
interface LaunchStore {
  link: string;
  botName: string | null;
  language: string | null;
  task: Task | null;
  /** Null: the passcode found in the link, if any. */
  passcode: string | null;
  optionsOpen: boolean;
  runningOpen: boolean;
  busy: boolean;
  error: LaunchError | null;
  /** The person tried to send the current text: its problems now show as errors, not hints. */
  submitted: boolean;
  /** A meeting link found on the clipboard, offered until used or dismissed. */
  offer: string | null;
  lastOffered: string | null;
  /** The server the person picked to send from; null follows the server offered for the link. */
  serverId: string | null;
  /** The server the core offers for a link (`bots:launchTarget`), with the link it was asked for. */
  target: { link: string; view: LaunchTargetView } | null;
  /** A `vexa://join` link filled the field in: the field takes the focus when the form shows, so Enter sends. */
  linkFocusRequested: boolean;
  setLink(link: string): void;
  requestLinkFocus(requested?: boolean): void;
  pickServer(serverId: string | null): void;
  setTarget(target: { link: string; view: LaunchTargetView } | null): void;
  setOption(patch: Partial<Pick<LaunchStore, 'botName' | 'language' | 'task' | 'passcode'>>): void;
  setOptionsOpen(open: boolean): void;
  setRunningOpen(open: boolean): void;
  started(): void;
  failed(error: LaunchError): void;
  succeeded(): void;
  setOffer(offer: string | null): void;
}

export const useLaunchStore = create<LaunchStore>()((set) => ({
  link: '',
  botName: null,
  language: null,
  task: null,
  passcode: null,
  optionsOpen: false,
  runningOpen: false,
  busy: false,
  error: null,
  submitted: false,
  offer: null,
  lastOffered: null,
  serverId: null,
  target: null,
  linkFocusRequested: false,
  requestLinkFocus: (requested = true) => set({ linkFocusRequested: requested }),
  pickServer: (serverId) => set({ serverId }),
  setTarget: (target) => set({ target }),
  setLink: (link) =>
    set((s) => ({
      link,
      submitted: false,
      // A passcode typed for another meeting (or a server picked for it) must not follow a new link.
      passcode: link.trim() === '' ? null : s.passcode,
      serverId: link.trim() === '' ? null : s.serverId,
      error: s.error && (s.error.place === 'link' || s.error.place === 'alreadyActive' || s.error.place === 'passcode') ? null : s.error,
    })),
  setOption: (patch) =>
    set((s) => ({
      ...patch,
      error: s.error && (s.error.place === 'botName' || s.error.place === 'passcode') ? null : s.error,
    })),
  setOptionsOpen: (optionsOpen) => set({ optionsOpen }),
  setRunningOpen: (runningOpen) => set({ runningOpen }),
  started: () => set({ busy: true, error: null, submitted: true }),
  failed: (error) =>
    set((s) => ({
      busy: false,
      error,
      submitted: true,
      optionsOpen: s.optionsOpen || error.place === 'botName',
    })),
  succeeded: () =>
    set({
      busy: false,
      error: null,
      submitted: false,
      link: '',
      passcode: null,
      botName: null,
      language: null,
      task: null,
      serverId: null,
    }),
  setOffer: (offer) => set((s) => ({ offer, lastOffered: offer ?? s.lastOffered })),
}));
