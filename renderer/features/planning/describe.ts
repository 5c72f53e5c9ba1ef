import type { PlanView } from '../../../shared/ipc/planning';
import { capabilitiesFor, generationLabel, type ServerGeneration } from '../../../shared/vexa/capabilities';
import { lazyDateFormat } from '../../app/format';

/** Why a server cannot schedule bots or follow calendars, in words; null when it can. */
export function schedulingUnavailable(generation: ServerGeneration | null, what: 'plans' | 'calendars'): string | null {
  if (generation === null) return null;
  const caps = capabilitiesFor(generation);
  if (what === 'plans' && !caps.plannedMeetings)
    return `This server runs ${generationLabel(generation)}, which cannot send a bot later: scheduled bots need Vexa 0.12 or later. Send the bot when the meeting starts instead.`;
  if (what === 'calendars' && !caps.calendars)
    return `This server runs ${generationLabel(generation)}, which cannot follow calendars: calendar feeds need Vexa 0.12 or later.`;
  return null;
}

const dayTime = lazyDateFormat({
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** When a plan is, as Coming up, the library's Planned group and the tray say it: in the person's own zone. */
export function planWhen(p: Pick<PlanView, 'scheduledAt'>): string {
  return p.scheduledAt === null ? 'No time set' : dayTime().format(p.scheduledAt);
}

/** Where a plan is changed: its key in Coming up (server and the server's meeting id). */
export function planKey(p: { serverId: string; id: number }): string {
  return `${p.serverId}:${p.id}`;
}

/** One quiet line for a server that cannot schedule, among servers that can. */
export function unavailableLine(label: string): string {
  return `${label} cannot send bots later (it needs Vexa 0.12 or later).`;
}

/** What will happen, in one phrase. */
export function planState(p: PlanView): { label: string; tone: 'neutral' | 'info' | 'warn' } {
  if (p.platform === 'unknown' || !p.link) return { label: 'No meeting link: no bot can join', tone: 'warn' };
  if (!p.autoJoin) return { label: 'Skipped: no bot will join', tone: 'neutral' };
  if (p.scheduledAt === null) return { label: 'No time: no bot will join', tone: 'warn' };
  return { label: 'Bot joins by itself', tone: 'info' };
}

export const SERVER_TIMING =
  'The server sends its bot about 2 minutes before the start, and the bot waits up to 15 minutes in the lobby. You are reminded 5 minutes before.';
