import type { Page } from '@playwright/test';
import type { LaunchedApp } from './app';

/** The date and time fields' values for an instant, in a named zone (the page's `timezoneId`). */
export function fieldsIn(zone: string, at: number): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const f = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { date: `${f('year')}-${f('month')}-${f('day')}`, time: `${f('hour')}:${f('minute')}` };
}

/** A whole minute at least `minutes` ahead of the simulator's clock. */
export function simulatedMinuteAhead(app: LaunchedApp, minutes: number): number {
  return Math.ceil((app.simulator.now() + minutes * 60_000) / 60_000) * 60_000;
}

export const trayLabels = (app: LaunchedApp): string[] => app.ports.tray.last?.items.map((i) => (i.separator ? '-' : i.label)) ?? [];

export const comingUp = (page: Page) => page.getByRole('list', { name: 'Coming up' });

/** The clock time as Coming up and the library's Planned group show it (the page's locale, en-US in these tests). */
export function shownTime(zone: string, at: number): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(at);
}
