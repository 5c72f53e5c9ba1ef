import { create } from 'zustand';
import { DEFAULT_EXPORT_FORM, type ExportForm, type MeetingRef } from './describe';

export type ExportDialogKind = 'export' | 'share';

export interface ExportToast {
  /** Increases with every toast, so the same message twice is shown (and announced) twice. */
  id: number;
  text: string;
  tone: 'success' | 'info' | 'error';
}

interface ExportStore {
  /** The open dialog and the meeting it is about (its title for the dialog's text); one at a time. */
  dialog: { kind: ExportDialogKind; ref: MeetingRef; title: string } | null;
  toast: ExportToast | null;
  /** The last export choices, so a second export starts where the first left off. */
  lastForm: ExportForm;
  open(kind: ExportDialogKind, ref: MeetingRef, title: string): void;
  close(): void;
  showToast(text: string, tone?: ExportToast['tone']): number;
  /** Hides the toast only if it is still the one with this id (a newer one stays). */
  hideToast(id: number): void;
  rememberForm(form: ExportForm): void;
}

let toastSeq = 0;

export const useExportStore = create<ExportStore>()((set) => ({
  dialog: null,
  toast: null,
  lastForm: DEFAULT_EXPORT_FORM,
  // A toast about an earlier action would only sit under the new dialog's backdrop.
  open: (kind, ref, title) => set({ dialog: { kind, ref, title }, toast: null }),
  close: () => set({ dialog: null }),
  showToast: (text, tone = 'success') => {
    toastSeq += 1;
    set({ toast: { id: toastSeq, text, tone } });
    return toastSeq;
  },
  hideToast: (id) => set((s) => (s.toast?.id === id ? { toast: null } : s)),
  // The time range belongs to one meeting; the format and the switches carry over.
  rememberForm: (form) => set({ lastForm: { ...form, from: '', to: '' } }),
}));
