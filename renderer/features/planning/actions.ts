import type { CalendarView, PlanView } from '../../../shared/ipc/planning';
import { parseLocalDateTime } from '../../../shared/planning/when';
import { api } from '../../platform/api';
import { announce } from '../announcer/store';
import { usePlanningStore } from './store';

export type Outcome<T = null> = { ok: true; value: T } | { ok: false; message: string };

export async function loadPlans(): Promise<void> {
  const r = await api.invoke('plans:list');
  if (r.ok) usePlanningStore.getState().setView(r.value);
}

/** Checks the date and time typed (the person's own zone), then schedules; nothing reaches a server before. */
export async function scheduleBot(input: { link: string; serverId: string | null }): Promise<Outcome<PlanView>> {
  const s = usePlanningStore.getState();
  const when = parseLocalDateTime(s.date, s.time, Date.now());
  if (!when.ok) {
    s.setWhenError({ field: when.field, message: when.message });
    return { ok: false, message: when.message };
  }
  const title = s.title.trim();
  const r = await api.invoke('plans:create', {
    ...(input.serverId ? { serverId: input.serverId } : {}),
    link: input.link,
    scheduledAt: new Date(when.at).toISOString(),
    ...(title ? { title } : {}),
  });
  if (!r.ok) return { ok: false, message: r.message };
  usePlanningStore.getState().resetLater();
  announce(`Bot scheduled for ${r.value.name}. It joins by itself about 2 minutes before the start.`);
  void loadPlans();
  return { ok: true, value: r.value };
}

export async function editPlan(
  plan: PlanView,
  fields: { date: string; time: string; title: string; link: string },
): Promise<Outcome<PlanView>> {
  const when = parseLocalDateTime(fields.date, fields.time, Date.now());
  if (!when.ok) return { ok: false, message: when.message };
  const r = await api.invoke('plans:update', {
    serverId: plan.serverId,
    id: plan.id,
    title: fields.title,
    scheduledAt: new Date(when.at).toISOString(),
    ...(fields.link.trim() && fields.link.trim() !== plan.link ? { link: fields.link.trim() } : {}),
  });
  if (!r.ok) return { ok: false, message: r.message };
  void loadPlans();
  return { ok: true, value: r.value };
}

export async function cancelPlan(plan: PlanView): Promise<Outcome> {
  const r = await api.invoke('plans:cancel', { serverId: plan.serverId, id: plan.id });
  if (!r.ok) return { ok: false, message: r.message };
  announce(`Cancelled: no bot will join ${plan.name}.`);
  void loadPlans();
  return { ok: true, value: null };
}

export async function setAutoJoin(plan: PlanView, autoJoin: boolean): Promise<Outcome<PlanView>> {
  const r = await api.invoke('plans:setAutoJoin', { serverId: plan.serverId, id: plan.id, autoJoin });
  if (!r.ok) return { ok: false, message: r.message };
  announce(autoJoin ? `The bot will join ${plan.name} again.` : `Skipped: no bot will join ${plan.name}.`);
  void loadPlans();
  return { ok: true, value: r.value };
}

export async function loadCalendars(serverId?: string): Promise<void> {
  const r = await api.invoke('calendars:list', serverId ? { serverId } : {});
  if (r.ok) usePlanningStore.getState().setCalendars(r.value);
  else usePlanningStore.getState().setCalendars(usePlanningStore.getState().calendars, r.message);
}

export async function addCalendar(input: {
  serverId?: string;
  name: string;
  icsUrl: string;
  autoJoin: boolean;
  botName: string;
}): Promise<Outcome<CalendarView>> {
  const r = await api.invoke('calendars:add', {
    ...(input.serverId ? { serverId: input.serverId } : {}),
    name: input.name,
    icsUrl: input.icsUrl,
    autoJoin: input.autoJoin,
    ...(input.botName.trim() ? { botName: input.botName.trim() } : {}),
  });
  if (!r.ok) return { ok: false, message: r.message };
  void loadCalendars(input.serverId);
  return { ok: true, value: r.value };
}

export async function updateCalendar(input: {
  serverId?: string;
  id: string;
  autoJoin?: boolean;
  botName?: string;
}): Promise<Outcome<CalendarView>> {
  const r = await api.invoke('calendars:update', input);
  if (!r.ok) return { ok: false, message: r.message };
  void loadCalendars(input.serverId);
  return { ok: true, value: r.value };
}

export async function removeCalendar(input: { serverId?: string; id: string }): Promise<Outcome> {
  const r = await api.invoke('calendars:remove', input);
  if (!r.ok) return { ok: false, message: r.message };
  void loadCalendars(input.serverId);
  return { ok: true, value: null };
}

export async function syncCalendar(input: {
  serverId?: string;
  id: string;
}): Promise<Outcome<{ lastError: string | null; created: number }>> {
  const r = await api.invoke('calendars:sync', input);
  if (!r.ok) return { ok: false, message: r.message };
  void loadCalendars(input.serverId);
  return { ok: true, value: { lastError: r.value.lastError, created: r.value.counts.created } };
}
