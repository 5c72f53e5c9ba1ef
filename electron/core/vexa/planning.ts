import {
  normaliseCalendar,
  normaliseCalendarList,
  normalisePlanned,
  normaliseSyncStamp,
  invalidResponse,
  unsupported,
} from '../../../shared/vexa';
import type { CalendarFeed, CalendarSyncResult, PlannedMeeting, ServerCapabilities } from '../../../shared/vexa';
import { seg, type RequestOptions, type VexaHttp } from './http';

/**
 * Planned meetings (`POST`/`PATCH`/`DELETE /meetings`, docs/docs/api/meetings.mdx) and calendar
 * feeds (`/user/calendars`, docs/docs/api/calendar.mdx), both Vexa 0.12 (G3) only. Every call
 * checks the capability first, so an older server answers with a sentence instead of a 404.
 */

export const planningMessages = {
  noPlans: () =>
    'This server (Vexa 0.10 or earlier) cannot send a bot later: scheduled bots need Vexa 0.12 or later. Send the bot when the meeting starts instead.',
  noCalendars: () =>
    'This server (Vexa 0.10 or earlier) cannot follow calendars: calendar feeds need Vexa 0.12 or later. Schedule each bot yourself, or send it when the meeting starts.',
};

export interface PlanInput {
  title?: string | null;
  /** ISO 8601 with its zone; null clears the time (the plan goes back to `idle`). */
  scheduledAt?: string | null;
  meetingUrl?: string | null;
  autoJoin?: boolean;
}

export interface CalendarInput {
  name?: string;
  icsUrl?: string;
  autoJoin?: boolean;
  botName?: string;
  enabled?: boolean;
}

interface Target {
  http: VexaHttp;
  capabilities: ServerCapabilities;
  signal?: AbortSignal | undefined;
}

function planBody(input: PlanInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.title !== undefined) body.title = input.title;
  if (input.scheduledAt !== undefined) body.scheduled_at = input.scheduledAt;
  if (input.meetingUrl !== undefined) body.meeting_url = input.meetingUrl;
  if (input.autoJoin !== undefined) body.auto_join = input.autoJoin;
  return body;
}

function calendarBody(input: CalendarInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.name !== undefined) body.name = input.name;
  if (input.icsUrl !== undefined) body.ics_url = input.icsUrl;
  if (input.autoJoin !== undefined) body.auto_join = input.autoJoin;
  if (input.botName !== undefined) body.bot_name = input.botName;
  if (input.enabled !== undefined) body.enabled = input.enabled;
  return body;
}

function plan(raw: unknown): PlannedMeeting {
  const p = normalisePlanned(raw);
  if (!p) throw invalidResponse('planned meeting');
  return p;
}

export function planningApi(t: Target) {
  const plans = () => {
    if (!t.capabilities.plannedMeetings) throw unsupported(planningMessages.noPlans());
  };
  const calendars = () => {
    if (!t.capabilities.calendars) throw unsupported(planningMessages.noCalendars());
  };
  const req = (path: string, o: RequestOptions = {}) => t.http.request(path, { ...o, ...(t.signal ? { signal: t.signal } : {}) });

  return {
    /** Every plan, `scheduled` and `idle` (two pages of at most 100: the list is newest first). */
    async listPlans(): Promise<PlannedMeeting[]> {
      plans();
      const out: PlannedMeeting[] = [];
      for (const status of ['scheduled', 'idle'] as const) {
        const body = (await req('/meetings', { query: { status, limit: 100 } })).body as { meetings?: unknown };
        for (const row of Array.isArray(body?.meetings) ? body.meetings : []) {
          const p = normalisePlanned(row);
          if (p) out.push(p);
        }
      }
      return out;
    },
    async createPlan(input: PlanInput): Promise<PlannedMeeting> {
      plans();
      return plan((await req('/meetings', { method: 'POST', body: planBody(input) })).body);
    },
    /** 409 once a bot owns the meeting ("Meeting is no longer planned (bot lifecycle owns it)"). */
    async updatePlan(id: number, input: PlanInput): Promise<PlannedMeeting> {
      plans();
      return plan((await req(`/meetings/${seg(id)}`, { method: 'PATCH', body: planBody(input) })).body);
    },
    async deletePlan(id: number): Promise<void> {
      plans();
      await req(`/meetings/${seg(id)}`, { method: 'DELETE' });
    },
    async listCalendars(): Promise<CalendarFeed[]> {
      calendars();
      return normaliseCalendarList((await req('/user/calendars')).body);
    },
    async addCalendar(input: CalendarInput): Promise<CalendarFeed> {
      calendars();
      const c = normaliseCalendar((await req('/user/calendars', { method: 'POST', body: calendarBody(input) })).body);
      if (!c) throw invalidResponse('calendar');
      return c;
    },
    async updateCalendar(id: string, input: CalendarInput): Promise<CalendarFeed> {
      calendars();
      const c = normaliseCalendar((await req(`/user/calendars/${seg(id)}`, { method: 'PATCH', body: calendarBody(input) })).body);
      if (!c) throw invalidResponse('calendar');
      return c;
    },
    async removeCalendar(id: string): Promise<void> {
      calendars();
      await req(`/user/calendars/${seg(id)}`, { method: 'DELETE' });
    },
    async syncCalendar(id: string): Promise<CalendarSyncResult> {
      calendars();
      const stamp = normaliseSyncStamp((await req(`/user/calendars/${seg(id)}/sync`, { method: 'POST' })).body, id);
      if (!stamp) throw invalidResponse('calendar sync');
      return stamp;
    },
    async lastSync(id: string): Promise<CalendarSyncResult | null> {
      calendars();
      return normaliseSyncStamp((await req(`/user/calendars/${seg(id)}/sync`)).body, id);
    },
  };
}

export type PlanningApi = ReturnType<typeof planningApi>;
