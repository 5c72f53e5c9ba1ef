import { lazy, Suspense, type ReactNode } from 'react';
import type { MeetingDetail as MeetingDetailScreen } from '../features/meeting/MeetingDetail';
import { Spinner } from './theme';

/** The meeting screen's module once loaded (see `settled`). */
let meetingModule: { MeetingDetail: typeof MeetingDetailScreen } | null = null;

/**
 * A module already loaded, as a thenable that answers at once: React's `lazy` then renders the
 * screen in the same pass. A promise, even a resolved one, answers a microtask later, so the
 * screen suspends, its fallback shows, and React holds the reveal back for 300 ms after it.
 */
function settled<T>(value: T): Promise<{ default: T }> {
  const thenable = { then: (done: (v: { default: T }) => void) => done({ default: value }) };
  return thenable as unknown as Promise<{ default: T }>;
}

/**
 * The parts of the app the first screen does not show load on demand, each from its own file in
 * dist/renderer (still on this computer: the app works offline as before). The first screen then
 * parses and runs only what it shows. Once it is painted, the rest is fetched in the background
 * (`loadTheRestWhenIdle`), so a click on Settings or a meeting seldom waits for anything.
 */
const loaders = {
  settings: () => import('../features/settings/SettingsScreen'),
  admin: () => import('../features/admin/AdminScreen'),
  meeting: () =>
    import('../features/meeting/MeetingDetail').then((m) => {
      meetingModule = m;
      return m;
    }),
  exportLayer: () => import('../features/export/ExportLayer'),
};

export const SettingsScreen = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsScreen })));
export const AdminScreen = lazy(() => loaders.admin().then((m) => ({ default: m.AdminScreen })));
// A meeting opens from a search hit, the list or a link, after the idle preload as a rule.
export const MeetingDetail = lazy(() =>
  meetingModule ? settled(meetingModule.MeetingDetail) : loaders.meeting().then((m) => ({ default: m.MeetingDetail })),
);
export const loadExportLayer = loaders.exportLayer;

/** What a person sees while a part of the app loads: what is opening, not a blank area. */
export function Loading({ what }: { what: string }) {
  return (
    <div className="lazy-loading">
      <Spinner label={`Opening ${what}…`} />
    </div>
  );
}

export function Lazy({ what, children }: { what: string; children: ReactNode }) {
  return <Suspense fallback={<Loading what={what} />}>{children}</Suspense>;
}

let scheduled = false;

/**
 * Fetches the on-demand parts after the first screen, when the page is idle. A part that fails
 * to load here is not an error yet: opening it tries again and its screen reports the failure.
 */
export function loadTheRestWhenIdle(win: Window = window): void {
  if (scheduled) return;
  scheduled = true;
  const load = () => {
    for (const load of Object.values(loaders)) load().catch(() => undefined);
  };
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(load, { timeout: 3_000 });
  else win.setTimeout(load, 1_000);
}
