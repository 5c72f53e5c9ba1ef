import type { ChannelInput } from '../../../shared/ipc/contract';
import type { MeetingStatus } from '../../../shared/vexa/types';
import type { DemoFilter } from './servers';

/** The library's filters as the person sets them, and what they become for `library:list` / `library:search`. */

export type DatePreset = 'any' | 'today' | 'week' | 'month' | 'year' | 'custom';

export interface LibraryFilters {
  date: DatePreset;
  /** `yyyy-mm-dd` in this computer's time zone; used with `custom`. */
  fromDate: string;
  toDate: string;
  /** Empty: any. */
  platform: string;
  status: MeetingStatus | '';
  serverId: string;
  /** Search only: the speaker's name as shown in transcripts. */
  speaker: string;
}

export const NO_FILTERS: LibraryFilters = { date: 'any', fromDate: '', toDate: '', platform: '', status: '', serverId: '', speaker: '' };

export const DATE_PRESETS: ReadonlyArray<{ value: DatePreset; label: string }> = [
  { value: 'any', label: 'Any time' },
  { value: 'today', label: 'Today' },
  { value: 'week', label: 'Last 7 days' },
  { value: 'month', label: 'Last 30 days' },
  { value: 'year', label: 'Last 12 months' },
  { value: 'custom', label: 'Between dates…' },
];

/** Statuses worth filtering by in a library of past meetings. */
export const STATUS_FILTERS: ReadonlyArray<{ value: MeetingStatus; label: string }> = [
  { value: 'completed', label: 'Completed' },
  { value: 'failed', label: 'Failed' },
  { value: 'active', label: 'Transcribing now' },
  { value: 'awaiting_admission', label: 'Waiting in the lobby' },
  { value: 'deleted', label: 'Deleted' },
];

const DAY = 86_400_000;

function startOfDay(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Local midnight of a `yyyy-mm-dd` date, or null when the text is not a real date. */
export function parseLocalDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, day);
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day) return null;
  return d.getTime();
}

/** Meeting-time bounds (from inclusive, to exclusive) in epoch ms; whole local days. */
export function dateBounds(f: Pick<LibraryFilters, 'date' | 'fromDate' | 'toDate'>, now: number): { from?: number; to?: number } {
  const today = startOfDay(now);
  switch (f.date) {
    case 'any':
      return {};
    case 'today':
      return { from: today };
    case 'week':
      return { from: today - 6 * DAY };
    case 'month':
      return { from: today - 29 * DAY };
    case 'year':
      return { from: today - 364 * DAY };
    case 'custom': {
      const from = parseLocalDate(f.fromDate);
      const to = parseLocalDate(f.toDate);
      // The end date is included: the bound is the next local midnight (DST-safe through Date).
      const end = to === null ? null : new Date(new Date(to).setDate(new Date(to).getDate() + 1)).getTime();
      return { ...(from !== null ? { from } : {}), ...(end !== null ? { to: end } : {}) };
    }
  }
}

type ListInput = Exclude<ChannelInput<'library:list'>, undefined>;
type SearchInput = ChannelInput<'library:search'>;

/**
 * `demo`: whether the demo's meetings are shown (see servers.ts `demoFilter`); a server chosen in
 * the filter is shown whatever it is.
 */
function servers(f: LibraryFilters, demo: DemoFilter) {
  return f.serverId ? { serverId: f.serverId } : demo === 'exclude' ? { demo } : {};
}

function common(f: LibraryFilters, now: number, demo: DemoFilter) {
  return {
    ...servers(f, demo),
    ...(f.platform ? { platform: f.platform } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...dateBounds(f, now),
  };
}

/** Meetings that happened (planned ones are listed apart, with only the server and platform filters). */
export function listInput(f: LibraryFilters, now: number, demo: DemoFilter = 'include'): ListInput {
  return { ...common(f, now, demo), planned: 'exclude' };
}

export function plannedInput(f: LibraryFilters, demo: DemoFilter = 'include'): ListInput {
  return { ...servers(f, demo), ...(f.platform ? { platform: f.platform } : {}), planned: 'only' };
}

export function searchFilters(f: LibraryFilters, now: number, demo: DemoFilter = 'include'): NonNullable<SearchInput['filters']> {
  const speaker = f.speaker.trim();
  return { ...common(f, now, demo), ...(speaker ? { speaker } : {}) };
}

/** How many filters narrow the list (the speaker counts only while searching). */
export function activeFilterCount(f: LibraryFilters, searching: boolean): number {
  let n = 0;
  if (f.date !== 'any') n++;
  if (f.platform) n++;
  if (f.status) n++;
  if (f.serverId) n++;
  if (searching && f.speaker.trim()) n++;
  return n;
}
