import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { Scope, type ScopeDeps } from './scope';
import { clock, localIso, parseDateBound, shortTime } from './times';
import { marked, textAndData } from './views';

const PAGE = 20;

export const ServerInput = z
  .string()
  .max(2048)
  .optional()
  .describe('Only this server: its name or id as results show them. Leave out for every shared server.');
export const DateInput = (field: 'from' | 'to') =>
  z
    .string()
    .max(64)
    .optional()
    .describe(
      field === 'from'
        ? 'Meetings that started on or after this date (2026-03-01, in the person’s time zone) or moment (2026-03-01T14:00)'
        : 'Meetings that started on or before this date (the whole day counts) or before this moment',
    );
export const PlatformInput = z.string().max(64).optional().describe('Only meetings on this platform: google_meet, teams, zoom or jitsi');

const LineHitSchema = z.object({
  meetingId: z.number(),
  meetingName: z.string().nullable(),
  server: z.string(),
  platform: z.string(),
  meetingStart: z.string().nullable(),
  secondsFromStart: z.number().describe('Pass as "from" to get_transcript to read around this line'),
  at: z.string().nullable().describe('The moment the line was said, when the server gave it'),
  speaker: z.string().nullable(),
  snippet: z.string().describe('Part of the line, matched words in **bold**'),
});
const MeetingHitSchema = z.object({
  meetingId: z.number(),
  name: z.string(),
  server: z.string(),
  platform: z.string(),
  meetingStart: z.string().nullable(),
  matchedIn: z.array(z.enum(['name', 'notes', 'participants'])),
  notes: z.string().nullable(),
  participant: z.string().nullable(),
});

export const SearchOutput = z.object({
  lines: z.array(LineHitSchema),
  meetings: z.array(MeetingHitSchema).describe('Meetings whose name, notes or participants match (first page only)'),
  ranked: z.boolean().describe('False when too many lines matched to rank: add words to narrow'),
  nextOffset: z.number().nullable().describe('Pass as "offset" for the next page; null when there is no more'),
});

export function registerSearch(server: McpServer, deps: ScopeDeps): void {
  server.registerTool(
    'search_meetings',
    {
      title: 'Search meeting transcripts',
      description: [
        'Full-text search over every transcript, meeting name, note and participant of the meetings the person shared from their Vexa Companion library (past meetings, offline copy).',
        'Query rules: words are matched whole, in any order, ignoring case and accents; the last word also matches as a prefix ("budg" finds "budget"). "exact phrase" in double quotes; AND, OR, NOT in capitals between words.',
        'Returns matching transcript lines (meeting, time in the meeting, speaker, snippet) ranked by relevance, plus meetings whose name, notes or participants match.',
        'Read a hit in context with get_transcript(meetingId, from: secondsFromStart - 60).',
      ].join(' '),
      inputSchema: {
        query: z.string().trim().min(1).max(500).describe('Words or "a phrase" to find'),
        from: DateInput('from'),
        to: DateInput('to'),
        server: ServerInput,
        platform: PlatformInput,
        speaker: z
          .string()
          .max(500)
          .optional()
          .describe('Only lines said by this speaker (the full name as transcripts show it, any case)'),
        limit: z.number().int().min(1).max(50).default(PAGE).describe('Lines per page (1-50)'),
        offset: z.number().int().min(0).max(100_000).default(0).describe('Lines to skip: the nextOffset of the previous page'),
      },
      outputSchema: SearchOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (input) => {
      const scope = await Scope.open(deps);
      const filters = {
        serverIds: scope.serverFilter(input.server),
        ...(input.platform ? { platform: input.platform } : {}),
        ...(input.speaker ? { speaker: input.speaker } : {}),
        ...dateFilter(input.from, input.to),
      };
      const result = await scope.library.search(input.query, filters, { limit: input.limit, offset: input.offset });
      const lines = result.segments.map((h) => ({
        meetingId: h.meetingId,
        meetingName: h.meetingName,
        server: scope.label(h.serverId),
        platform: h.platform,
        meetingStart: localIso(h.meetingTime),
        secondsFromStart: Math.round(h.start),
        at: localIso(h.absoluteStart),
        speaker: h.speaker,
        snippet: marked(h.snippet),
      }));
      const meetings = result.meetings.map((h) => ({
        meetingId: h.meetingId,
        name: h.name.map((p) => p.text).join(''),
        server: scope.label(h.serverId),
        platform: h.platform,
        meetingStart: localIso(h.meetingTime),
        matchedIn: [
          ...(h.name.some((p) => p.match) ? (['name'] as const) : []),
          ...(h.notes ? (['notes'] as const) : []),
          ...(h.participant ? (['participants'] as const) : []),
        ],
        notes: h.notes ? marked(h.notes) : null,
        participant: h.participant ? marked(h.participant) : null,
      }));
      const nextOffset = result.hasMore ? input.offset + result.segments.length : null;
      const data = { lines, meetings, ranked: result.ranked, nextOffset };
      return textAndData(searchText(input.query, data, input.offset), data);
    },
  );
}

export function dateFilter(from: string | undefined, to: string | undefined): { from?: number; to?: number } {
  const start = parseDateBound(from, 'from');
  const end = parseDateBound(to, 'to');
  return { ...(start !== undefined ? { from: start } : {}), ...(end !== undefined ? { to: end } : {}) };
}

function searchText(query: string, data: z.infer<typeof SearchOutput>, offset: number): string {
  if (data.lines.length === 0 && data.meetings.length === 0)
    return offset > 0
      ? `No more lines match "${query}".`
      : `Nothing in the shared meetings matches "${query}". Try fewer or other words, or widen the dates.`;
  const out: string[] = [];
  for (const m of data.meetings) {
    const where = m.matchedIn.join(', ');
    const extra = m.notes ? ` Notes: ${m.notes}` : m.participant ? ` Participant: ${m.participant}` : '';
    out.push(
      `Meeting #${m.meetingId} "${m.name}" (${m.server}, ${m.meetingStart ? shortTime(Date.parse(m.meetingStart)) : 'unknown time'}) matches in its ${where}.${extra}`,
    );
  }
  if (data.lines.length > 0) {
    out.push(
      `Transcript lines ${offset + 1}–${offset + data.lines.length}${data.ranked ? ', most relevant first' : ' (too many to rank; add words to narrow)'}:`,
    );
    for (const l of data.lines) {
      const title = l.meetingName ? `"${l.meetingName}"` : `(no name)`;
      out.push(
        `- #${l.meetingId} ${title}, ${l.meetingStart ? shortTime(Date.parse(l.meetingStart)) : 'unknown time'}, at ${clock(l.secondsFromStart)}, ${l.speaker ?? 'unknown speaker'}: ${l.snippet}`,
      );
    }
  }
  if (data.nextOffset !== null) out.push(`More lines match: call search_meetings again with offset ${data.nextOffset}.`);
  return out.join('\n');
}
