import type { LibraryMeetingView } from '../../../shared/ipc/library';
import type { PlansView, PlanView } from '../../../shared/ipc/planning';

export interface PlannedItem {
  key: string;
  /** The plan as Coming up shows it; null for a planned meeting whose server's plans are not read now. */
  plan: PlanView | null;
  /** The library's row for it, once a sync has brought it. */
  meeting: LibraryMeetingView | null;
  at: number | null;
}

/**
 * The library's Planned group, told as Coming up tells it: the plans the servers list now (a plan
 * just made shows before the next sync brings its row, one cancelled or taken by a bot leaves at
 * once), and the library's planned rows of servers whose plans cannot be read now (not connected,
 * or the last read failed). The library's server and platform filters apply to both.
 */
export function plannedItems(
  meetings: readonly LibraryMeetingView[],
  view: PlansView | null,
  filters: { serverId: string; platform: string },
): PlannedItem[] {
  const fresh = new Set((view?.servers ?? []).filter((s) => s.available && !s.error).map((s) => s.serverId));
  const fits = (serverId: string, platform: string) =>
    (!filters.serverId || filters.serverId === serverId) && (!filters.platform || filters.platform === platform);
  const items: PlannedItem[] = [];
  const matched = new Set<LibraryMeetingView>();
  for (const plan of view?.servers.flatMap((s) => (s.available ? s.plans : [])) ?? []) {
    if (!fits(plan.serverId, plan.platform)) continue;
    const meeting = meetings.find((m) => m.serverId === plan.serverId && m.remoteId === plan.id) ?? null;
    if (meeting) matched.add(meeting);
    items.push({ key: `${plan.serverId}:${plan.id}`, plan, meeting, at: plan.scheduledAt });
  }
  for (const m of meetings) {
    if (matched.has(m) || fresh.has(m.serverId)) continue;
    items.push({ key: `row:${m.id}`, plan: null, meeting: m, at: m.startTime ?? m.createdAt });
  }
  return items.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
}
