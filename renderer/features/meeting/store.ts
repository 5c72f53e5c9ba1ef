import { create } from 'zustand';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import type { EditableField } from './describe';

/** Where to land in the transcript when a search result opens the meeting. */
export interface MeetingFocus {
  segmentKey: string | null;
  terms: string[];
  prefix: boolean;
}

export interface OpenMeeting {
  id: number;
  /** The meeting's server, when the opener knew it (a list row, a search hit). */
  serverId: string | null;
  focus: MeetingFocus | null;
  /** Bumped on every open, so the same segment can be scrolled to again. */
  seq: number;
}

type OutboxEditView = MeetingDetailView['edits'][number];

/**
 * The meeting shown in the library's detail view: the cached copy from `library:open`, refreshed
 * when the core says it changed, and what the person did here (fields saved, errors per field).
 */
interface MeetingStore {
  open: OpenMeeting | null;
  /** The detail of `open.id`; null while the first copy loads. */
  detail: MeetingDetailView | null;
  loading: boolean;
  error: string | null;
  /**
   * Fields edited in this session, by meeting; once no edit of one is listed, it reads "Saved".
   * Across restarts the core's finished edits say it (see `editChip`).
   */
  saved: Record<number, EditableField[]>;
  fieldErrors: Partial<Record<EditableField, string>>;
  setOpen(open: Omit<OpenMeeting, 'seq'> | null): void;
  setDetail(detail: MeetingDetailView): void;
  /** The whole transcript of the meeting shown, after `library:open` answered a window of it. */
  setWholeTranscript(id: number, segments: MeetingDetailView['segments']): void;
  setLoad(patch: { loading?: boolean; error?: string | null }): void;
  editSent(field: EditableField, edit: OutboxEditView, value: unknown): void;
  setFieldError(field: EditableField, message: string | null): void;
  replaceEdit(edit: OutboxEditView): void;
}

export const useMeetingStore = create<MeetingStore>()((set) => ({
  open: null,
  detail: null,
  loading: false,
  error: null,
  saved: {},
  fieldErrors: {},
  setOpen: (open) =>
    set((s) => {
      if (!open) return { open: null, detail: null, loading: false, error: null, fieldErrors: {} };
      const same = s.open?.id === open.id;
      return {
        open: { ...open, seq: (s.open?.seq ?? 0) + 1 },
        // Reopening the meeting on screen keeps its copy; another meeting starts blank.
        detail: same ? s.detail : null,
        error: null,
        fieldErrors: same ? s.fieldErrors : {},
      };
    }),
  setDetail: (detail) => set((s) => (s.open?.id === detail.meeting.id ? { detail, loading: false, error: null } : {})),
  setWholeTranscript: (id, segments) =>
    set((s) => {
      // A later open may have brought the whole transcript already (and newer).
      if (!s.detail?.window || s.detail.meeting.id !== id) return {};
      const { window: _window, ...detail } = s.detail;
      return { detail: { ...detail, segments } };
    }),
  setLoad: (patch) => set(patch),
  editSent: (field, edit, value) =>
    set((s) => {
      if (!s.detail || s.detail.meeting.id !== edit.meetingId) return {};
      const edits = s.detail.edits.some((e) => e.id === edit.id)
        ? s.detail.edits.map((e) => (e.id === edit.id ? edit : e))
        : [...s.detail.edits, edit];
      const meeting = {
        ...s.detail.meeting,
        [field]: value,
        localFields: s.detail.meeting.localFields.includes(field) ? s.detail.meeting.localFields : [...s.detail.meeting.localFields, field],
      };
      const fieldErrors = { ...s.fieldErrors };
      delete fieldErrors[field];
      return {
        detail: { ...s.detail, meeting, edits },
        saved: { ...s.saved, [edit.meetingId]: [...new Set([...(s.saved[edit.meetingId] ?? []), field])] },
        fieldErrors,
      };
    }),
  setFieldError: (field, message) =>
    set((s) => {
      const fieldErrors = { ...s.fieldErrors };
      if (message === null) delete fieldErrors[field];
      else fieldErrors[field] = message;
      return { fieldErrors };
    }),
  replaceEdit: (edit) =>
    set((s) => {
      if (!s.detail) return {};
      return { detail: { ...s.detail, edits: s.detail.edits.map((e) => (e.id === edit.id ? edit : e)) } };
    }),
}));
