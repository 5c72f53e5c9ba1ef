import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { CalendarsView, CalendarView, PlanServer, PlansView, PlanView } from '../../../shared/ipc/planning';
import { parseMeetingLink, platformLabel } from '../../../shared/meeting-link';
import { checkPlanTime } from '../../../shared/planning/when';
import { isVexaError } from '../../../shared/vexa/errors';
import type { CalendarFeed, CalendarSyncResult, PlannedMeeting, ServerCapabilities } from '../../../shared/vexa';
import type { Clock, Logger, Notifier } from '../ports';
import type { PlanningApi } from '../vexa/planning';
import { planningMessages } from '../vexa/planning';
import { nextReminderIn, reminderKey, remindersDue, reminderText } from './reminders';

/** Ten feeds per account (admin-api `calendars.py` `MAX_CALENDAR_CONNECTIONS`). */
export const CALENDAR_LIMIT = 10;
const REFRESH_MS = 30_000;

export interface PlanningServers {
  /** The connected servers, in the person's order. */
  list(): Array<{ id: string; label: string; capabilities: ServerCapabilities }>;
  /** The named (else the current) server's planning calls; throws a sentence when it is not connected. */
  api(serverId: string | undefined): { serverId: string; api: PlanningApi };
}

type PlanningServer = ReturnType<PlanningServers['list']>[number];

/** A server's entry before its plans are read: what it can do, and why not where it cannot. */
function emptyEntry(s: PlanningServer): PlanServer {
  return {
    serverId: s.id,
    label: s.label,
    available: s.capabilities.plannedMeetings,
    calendars: s.capabilities.calendars,
    reason: s.capabilities.plannedMeetings ? null : planningMessages.noPlans(),
    error: null,
    plans: [],
  };
}

export interface PlanningDeps {
  servers: PlanningServers;
  /** The clock reminders count by (the server's own clock is the same on a real server). */
  clock: Clock;
  notifier: Notifier;
  doNotDisturb(): boolean;
  emit(view: PlansView): void;
  /** Something the tray shows changed. */
  onChange(): void;
  logger: Logger;
  formatTime(ms: number): string;
  /**
   * Plans left the list: a bot took them (or they were cancelled). The server's bot is then
   * followed like any other (its card, alerts and captions).
   */
  plansLeft?(serverId: string): void;
}

function nameOf(p: PlannedMeeting): string {
  if (p.title) return p.title;
  if (p.nativeMeetingId && p.platform !== 'unknown') return `${platformLabel(p.platform)} · ${p.nativeMeetingId}`;
  return 'Planned meeting';
}

export function planView(serverId: string, p: PlannedMeeting): PlanView {
  const source = p.calendars[0];
  return {
    serverId,
    id: p.id,
    status: p.status,
    title: p.title,
    name: nameOf(p),
    link: p.link,
    platform: p.platform,
    scheduledAt: p.scheduledAt,
    autoJoin: p.autoJoin,
    calendar: source ? { id: source.id, name: source.name } : null,
  };
}

/** A 409 on a plan means a bot took it: say so, and what is left to do. */
function explain(e: unknown): never {
  if (isVexaError(e) && e.status === 409 && e.code === 'conflict')
    throw new UserFacingError(
      'plan_taken',
      'The bot has already taken this meeting (it is joining or has joined), so it can no longer be changed or cancelled here. To end it, stop the bot from the meeting.',
    );
  throw e;
}

/**
 * Scheduled bots and calendar feeds across the connected servers: the "Coming up" list (kept
 * fresh every 30 s and after each change), reminders a few minutes before each plan, and the
 * tray's lines. The server does the sending; the app only plans, edits and reminds.
 */
export class PlanningService {
  private plans = new Map<string, PlanServer>();
  private readonly reminded = new Set<string>();
  private timer: { cancel(): void } | null = null;
  private reminderTimer: { cancel(): void } | null = null;
  private closed = false;

  constructor(private readonly d: PlanningDeps) {}

  start(): void {
    void this.refresh();
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.reminderTimer?.cancel();
  }

  view(): PlansView {
    const servers = this.d.servers.list().map((s): PlanServer => this.plans.get(s.id) ?? emptyEntry(s));
    return { servers };
  }

  /** The next plans with a time, soonest first, across servers (the tray). */
  upcoming(limit = 3): PlanView[] {
    const now = this.d.clock.now();
    return this.view()
      .servers.flatMap((s) => s.plans)
      .filter((p) => p.scheduledAt !== null && p.scheduledAt > now - 10 * 60_000)
      .sort((a, b) => a.scheduledAt! - b.scheduledAt!)
      .slice(0, limit);
  }

  async refresh(): Promise<PlansView> {
    this.timer?.cancel();
    const next = new Map<string, PlanServer>();
    for (const s of this.d.servers.list()) {
      const entry = emptyEntry(s);
      if (entry.available) {
        try {
          const plans = await this.d.servers.api(s.id).api.listPlans();
          entry.plans = plans.map((p) => planView(s.id, p)).sort((a, b) => (a.scheduledAt ?? Infinity) - (b.scheduledAt ?? Infinity));
        } catch (e) {
          entry.plans = this.plans.get(s.id)?.plans ?? [];
          entry.error = isVexaError(e) ? e.userMessage : 'The planned meetings could not be read.';
          this.d.logger.warn('Could not read planned meetings', { serverId: s.id, error: String(e) });
        }
      }
      next.set(s.id, entry);
    }
    if (this.closed) return this.view();
    for (const [id, entry] of next) {
      const before = this.plans.get(id)?.plans ?? [];
      const now = new Set(entry.plans.map((p) => p.id));
      if (before.some((p) => !now.has(p.id))) this.d.plansLeft?.(id);
    }
    this.plans = next;
    const view = this.view();
    this.d.emit(view);
    this.d.onChange();
    this.remind();
    this.timer = this.d.clock.setTimeout(() => void this.refresh(), REFRESH_MS);
    return view;
  }

  private remind(): void {
    this.reminderTimer?.cancel();
    const all = [...this.plans.values()].flatMap((s) => s.plans);
    const now = this.d.clock.now();
    for (const p of remindersDue(all, now, this.reminded)) {
      this.reminded.add(reminderKey(p));
      if (this.d.doNotDisturb()) continue;
      const text = reminderText(p, this.d.formatTime(p.scheduledAt!));
      this.d.notifier.notify({ id: `plan:${reminderKey(p)}`, serverId: p.serverId, ...text });
    }
    const wait = nextReminderIn(all, now, this.reminded);
    if (wait !== null && wait < REFRESH_MS) this.reminderTimer = this.d.clock.setTimeout(() => this.remind(), wait);
  }

  private link(text: string): string {
    const parsed = parseMeetingLink(text);
    if (!parsed.ok) throw new UserFacingError('invalid_link', parsed.message);
    const { meetingUrl, platform, nativeMeetingId } = parsed.value;
    // A plan is made from a link (G3 reads platform and id from it); a bare Meet code has a known one.
    if (meetingUrl) return meetingUrl;
    return platform === 'google_meet' ? `https://meet.google.com/${nativeMeetingId}` : text.trim();
  }

  private when(iso: string): string {
    const at = Date.parse(iso);
    const checked = checkPlanTime(at, this.d.clock.now());
    if (!checked.ok) throw new UserFacingError('invalid_time', checked.message);
    return new Date(at).toISOString();
  }

  async create(input: { serverId?: string; link: string; title?: string; scheduledAt: string }): Promise<PlanView> {
    const { serverId, api } = this.d.servers.api(input.serverId);
    const title = input.title?.trim();
    const p = await api.createPlan({
      meetingUrl: this.link(input.link),
      scheduledAt: this.when(input.scheduledAt),
      ...(title ? { title } : {}),
      autoJoin: true,
    });
    void this.refresh();
    return planView(serverId, p);
  }

  async update(input: { serverId: string; id: number; title?: string; scheduledAt?: string; link?: string }): Promise<PlanView> {
    const { serverId, api } = this.d.servers.api(input.serverId);
    const p = await api
      .updatePlan(input.id, {
        ...(input.title !== undefined ? { title: input.title.trim() || null } : {}),
        ...(input.scheduledAt !== undefined ? { scheduledAt: this.when(input.scheduledAt) } : {}),
        ...(input.link !== undefined ? { meetingUrl: this.link(input.link) } : {}),
      })
      .catch(explain);
    void this.refresh();
    return planView(serverId, p);
  }

  /**
   * Skipping one meeting is the plan's own `auto_join: false` (the auto-join sweep's first rule,
   * `due_rows`); a calendar sync keeps it, since it rewrites a plan's auto-join only when its
   * source changes (`calendar_sync/service.py`). Deleting the plan would not skip: the next sync
   * imports the event again as a new plan.
   */
  async setAutoJoin(input: { serverId: string; id: number; autoJoin: boolean }): Promise<PlanView> {
    const { serverId, api } = this.d.servers.api(input.serverId);
    const p = await api.updatePlan(input.id, { autoJoin: input.autoJoin }).catch(explain);
    void this.refresh();
    return planView(serverId, p);
  }

  async cancel(input: { serverId: string; id: number }): Promise<void> {
    await this.d.servers.api(input.serverId).api.deletePlan(input.id).catch(explain);
    void this.refresh();
  }

  async calendars(serverId: string | undefined): Promise<CalendarsView> {
    const server = this.serverFor(serverId);
    if (!server)
      return {
        serverId: null,
        available: false,
        reason: 'Connect to a Vexa server first (or try the demo).',
        calendars: [],
        limit: CALENDAR_LIMIT,
      };
    if (!server.capabilities.calendars)
      return { serverId: server.id, available: false, reason: planningMessages.noCalendars(), calendars: [], limit: CALENDAR_LIMIT };
    const { api } = this.d.servers.api(server.id);
    const feeds = await api.listCalendars();
    const stamps = await Promise.all(feeds.map((f) => api.lastSync(f.id).catch(() => null)));
    return {
      serverId: server.id,
      available: true,
      reason: null,
      calendars: feeds.map((f, i) => calendarView(f, stamps[i] ?? null)),
      limit: CALENDAR_LIMIT,
    };
  }

  private serverFor(serverId: string | undefined) {
    const list = this.d.servers.list();
    if (serverId) return list.find((s) => s.id === serverId) ?? null;
    try {
      const id = this.d.servers.api(undefined).serverId;
      return list.find((s) => s.id === id) ?? null;
    } catch {
      return list[0] ?? null;
    }
  }

  /** Adds a feed and syncs it at once: the server does not sync on its own until its next sweep (calendar.mdx). */
  async addCalendar(input: {
    serverId?: string;
    name: string;
    icsUrl: string;
    autoJoin: boolean;
    botName?: string;
  }): Promise<CalendarView> {
    const { api } = this.d.servers.api(input.serverId);
    const botName = input.botName?.trim();
    const feed = await api.addCalendar({
      name: input.name.trim(),
      icsUrl: input.icsUrl.trim(),
      autoJoin: input.autoJoin,
      ...(botName ? { botName } : {}),
    });
    const stamp = await api.syncCalendar(feed.id).catch(() => null);
    void this.refresh();
    return calendarView(feed, stamp);
  }

  /** A change of auto-join or bot name reaches existing plans only with a sync, so one follows. */
  async updateCalendar(input: {
    serverId?: string;
    id: string;
    autoJoin?: boolean;
    botName?: string;
    name?: string;
  }): Promise<CalendarView> {
    const { api } = this.d.servers.api(input.serverId);
    const feed = await api.updateCalendar(input.id, {
      ...(input.autoJoin !== undefined ? { autoJoin: input.autoJoin } : {}),
      ...(input.botName !== undefined ? { botName: input.botName.trim() } : {}),
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    });
    const stamp = await api.syncCalendar(feed.id).catch(() => null);
    void this.refresh();
    return calendarView(feed, stamp);
  }

  async removeCalendar(input: { serverId?: string; id: string }): Promise<void> {
    await this.d.servers.api(input.serverId).api.removeCalendar(input.id);
    void this.refresh();
  }

  async syncCalendar(input: { serverId?: string; id: string }): Promise<CalendarSyncResult> {
    const stamp = await this.d.servers.api(input.serverId).api.syncCalendar(input.id);
    void this.refresh();
    return stamp;
  }
}

function calendarView(f: CalendarFeed, stamp: CalendarSyncResult | null): CalendarView {
  return { ...f, lastSync: stamp?.lastSync ?? null, lastError: stamp?.lastError ?? null };
}
