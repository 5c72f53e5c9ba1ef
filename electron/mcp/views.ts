import { z } from 'zod';
import { platformLabel } from '../../shared/meeting-link';
import type { LibraryMeeting, SnippetPart } from '../core/cache/types';
import { localIso, shortTime } from './times';

/** What every tool says about a meeting it names: enough to pick it and to ask for more by id. */
export const MeetingBriefSchema = z.object({
  meetingId: z.number().describe('The id to pass to get_meeting and get_transcript'),
  name: z.string().nullable(),
  server: z.string().describe('The server, as the person names it'),
  serverId: z.string(),
  platform: z.string(),
  status: z.string(),
  start: z.string().nullable().describe('ISO 8601 in the computer’s time zone'),
  end: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  transcriptLines: z.number(),
});
export type MeetingBrief = z.infer<typeof MeetingBriefSchema>;

const startOf = (m: LibraryMeeting): number | null => m.startTime ?? m.createdAt ?? null;

export function meetingBrief(m: LibraryMeeting, serverLabel: string): MeetingBrief {
  const start = startOf(m);
  return {
    meetingId: m.id,
    name: m.name,
    server: serverLabel,
    serverId: m.serverId,
    platform: m.platform,
    status: m.status,
    start: localIso(start),
    end: localIso(m.endTime),
    durationMinutes: start !== null && m.endTime !== null && m.endTime >= start ? Math.round((m.endTime - start) / 60_000) : null,
    transcriptLines: m.segmentCount,
  };
}

/** A meeting as one line of text: `#12 "Weekly sync" — 2026-03-01 14:30, 45 min, Google Meet on Acme; completed; 310 lines`. */
export function briefLine(b: MeetingBrief, m: Pick<LibraryMeeting, 'startTime' | 'createdAt'>): string {
  const title = b.name ? `"${b.name}"` : `(no name, ${platformLabel(b.platform)})`;
  const length = b.durationMinutes !== null ? `, ${b.durationMinutes} min` : '';
  return `#${b.meetingId} ${title} — ${shortTime(m.startTime ?? m.createdAt)}${length}, ${platformLabel(b.platform)} on ${b.server}; ${b.status}; ${b.transcriptLines} transcript lines`;
}

/** A snippet with the matched words in **bold**, the way a model quotes them back. */
export function marked(parts: readonly SnippetPart[] | null): string {
  return (parts ?? []).map((p) => (p.match ? `**${p.text}**` : p.text)).join('');
}

export function textAndData<T extends Record<string, unknown>>(text: string, data: T) {
  return { content: [{ type: 'text' as const, text }], structuredContent: data };
}
