import { describe, expect, it } from 'vitest';
import type { LibraryMeetingView } from '../../../shared/ipc/library';
import type { PlansView, PlanView } from '../../../shared/ipc/planning';
import { plannedItems } from '../../../renderer/features/library/plannedItems';
import { planWhen, unavailableLine } from '../../../renderer/features/planning/describe';

const plan = (serverId: string, id: number, at: number, platform = 'google_meet'): PlanView => ({
  serverId,
  id,
  status: 'scheduled',
  title: `Plan ${id}`,
  name: `Plan ${id}`,
  link: 'https://meet.google.com/abc-defg-hij',
  platform,
  scheduledAt: at,
  autoJoin: true,
  calendar: null,
});
const row = (serverId: string, remoteId: number, id = remoteId + 100) =>
  ({ id, serverId, remoteId, platform: 'google_meet', startTime: null, createdAt: 5 }) as unknown as LibraryMeetingView;
const server = (serverId: string, plans: PlanView[], extra: Partial<PlansView['servers'][number]> = {}) => ({
  serverId,
  label: serverId,
  available: true,
  calendars: true,
  reason: null,
  error: null,
  plans,
  ...extra,
});
const none = { serverId: '', platform: '' };

describe('the library’s Planned group says what Coming up says', () => {
  it('lists the plans the server lists now, each with its library row once synced, soonest first', () => {
    const view = { servers: [server('a', [plan('a', 2, 2000), plan('a', 1, 1000)])] };
    const items = plannedItems([row('a', 1)], view, none);
    expect(items.map((i) => [i.plan?.id, i.meeting?.remoteId ?? null])).toEqual([
      [1, 1],
      [2, null],
    ]);
  });

  it('drops a row the server no longer plans (cancelled, or a bot took it) and keeps rows of servers it cannot read', () => {
    const view = { servers: [server('a', []), server('b', [], { error: 'Offline' })] };
    const items = plannedItems([row('a', 7), row('b', 8), row('c', 9)], view, none);
    expect(items.map((i) => i.meeting?.remoteId)).toEqual([8, 9]);
    expect(items.every((i) => i.plan === null)).toBe(true);
  });

  it('applies the library’s server and platform filters to plans not synced yet', () => {
    const view = { servers: [server('a', [plan('a', 1, 1000, 'teams')]), server('b', [plan('b', 2, 2000)])] };
    expect(plannedItems([], view, { serverId: 'b', platform: '' }).map((i) => i.plan?.id)).toEqual([2]);
    expect(plannedItems([], view, { serverId: '', platform: 'teams' }).map((i) => i.plan?.id)).toEqual([1]);
  });

  it('dates a plan the one way both lists use, and words a server that cannot plan in one line', () => {
    expect(planWhen({ scheduledAt: null })).toBe('No time set');
    expect(planWhen({ scheduledAt: Date.UTC(2026, 2, 29, 14, 30) })).toMatch(/\d:30/);
    expect(unavailableLine('Old server')).toBe('Old server cannot send bots later (it needs Vexa 0.12 or later).');
  });
});
