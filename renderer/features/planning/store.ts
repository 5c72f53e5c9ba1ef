import { create } from 'zustand';
import type { CalendarsView, PlansView } from '../../../shared/ipc/planning';

export type When = 'now' | 'later';

interface PlanningState {
  view: PlansView | null;
  calendars: CalendarsView | null;
  calendarsError: string | null;
  /** Launch's choice: send the bot now, or schedule it. */
  when: When;
  date: string;
  time: string;
  title: string;
  /** A problem with the date or time the person typed (shown under its field). */
  whenError: { field: 'date' | 'time'; message: string } | null;
  /** A plan to bring into view in Coming up (`planKey`), asked for from the library's Planned group. */
  focusPlan: string | null;
  setView(view: PlansView): void;
  setCalendars(view: CalendarsView | null, error?: string | null): void;
  setWhen(when: When): void;
  setFields(fields: Partial<Pick<PlanningState, 'date' | 'time' | 'title'>>): void;
  setWhenError(error: PlanningState['whenError']): void;
  resetLater(): void;
}

export const usePlanningStore = create<PlanningState>((set) => ({
  view: null,
  calendars: null,
  calendarsError: null,
  when: 'now',
  date: '',
  time: '',
  title: '',
  whenError: null,
  focusPlan: null,
  setView: (view) => set({ view }),
  setCalendars: (calendars, calendarsError = null) => set({ calendars, calendarsError }),
  setWhen: (when) => set({ when, whenError: null }),
  setFields: (fields) => set({ ...fields, whenError: null }),
  setWhenError: (whenError) => set({ whenError }),
  resetLater: () => set({ date: '', time: '', title: '', whenError: null }),
}));
