import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { explainOutcome } from '../../shared/meetings/outcome';
import { MEETING_STATUSES } from '../../shared/vexa/types';
import { Scope, type ScopeDeps } from './scope';
import { DateInput, dateFilter, PlatformInput, ServerInput } from './searchTool';
import { localIso, shortTime } from './times';
import { briefLine, meetingBrief, MeetingBriefSchema, textAndData } from './views';

export const ListOutput = z.object({
  meetings: z.array(MeetingBriefSchema),
  nextOffset: z.number().nullable().describe('Pass as "offset" for the next page; null when there is no more'),
  servers: z.array(z.object({ server: z.string(), serverId: z.string(), meetings: z.number() })).describe('The shared servers'),
});

export const MeetingOutput = z.object({
  meeting: MeetingBriefSchema,
  link: z.string().nullable(),
  nativeMeetingId: z.string().nullable(),
  created: z.string().nullable(),
  outcome: z.string().describe('How the meeting ended, in words'),
  completionReason: z.string().nullable(),
  failureStage: z.string().nullable(),
  notes: z.string().nullable(),
  languages: z.array(z.string()),
  participants: z.array(
    z.object({
      name: z.string(),
      email: z.string().nullable(),
      role: z.string().describe('invited, spoke, or named in the meeting’s details'),
      speakingSeconds: z.number().nullable(),
    }),
  ),
  speakers: z.array(z.string()),
  transcript: z.string().describe('How much of the transcript this computer holds: complete, partial, none, unavailable'),
  captureNote: z.string().nullable(),
  statusHistory: z.array(
    z.object({
      status: z.string(),
      from: z.string().nullable(),
      at: z.string().nullable(),
      durationSeconds: z.number().nullable(),
      source: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export function registerMeetingTools(server: McpServer, deps: ScopeDeps): void {
  server.registerTool(
    'list_meetings',
    {
      title: 'List meetings',
      description: [
        'The meetings in the person’s Vexa Companion library (from the servers they shared), newest first: id, name, server, platform, status, start, length and how many transcript lines are on this computer.',
        'Filter by dates, server, platform and status; page with limit and offset. Use get_meeting for one meeting’s details and get_transcript for what was said.',
      ].join(' '),
      inputSchema: {
        from: DateInput('from'),
        to: DateInput('to'),
        server: ServerInput,
        platform: PlatformInput,
        status: z.enum(MEETING_STATUSES).optional().describe('Only meetings in this status, e.g. completed or failed'),
        limit: z.number().int().min(1).max(100).default(25).describe('Meetings per page (1-100)'),
        offset: z.number().int().min(0).max(1_000_000).default(0).describe('Meetings to skip: the nextOffset of the previous page'),
      },
      outputSchema: ListOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (input) => {
      const scope = await Scope.open(deps);
      const rows = await scope.library.list({
        serverIds: scope.serverFilter(input.server),
        ...(input.platform ? { platform: input.platform } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...dateFilter(input.from, input.to),
        limit: input.limit + 1,
        offset: input.offset,
      });
      const page = rows.slice(0, input.limit);
      const data = {
        meetings: page.map((m) => meetingBrief(m, scope.label(m.serverId))),
        nextOffset: rows.length > input.limit ? input.offset + input.limit : null,
        servers: scope.shared().map((s) => ({ server: s.label, serverId: s.serverId, meetings: s.meetings })),
      };
      const lines = page.map((m, i) => `- ${briefLine(data.meetings[i]!, m)}`);
      const text =
        page.length === 0
          ? input.offset > 0
            ? 'No more meetings.'
            : 'No shared meeting matches. Widen the dates or leave out a filter.'
          : [
              `Meetings ${input.offset + 1}–${input.offset + page.length}, newest first:`,
              ...lines,
              ...(data.nextOffset !== null ? [`More meetings: call list_meetings again with offset ${data.nextOffset}.`] : []),
            ].join('\n');
      return textAndData(text, data);
    },
  );

  server.registerTool(
    'get_meeting',
    {
      title: 'Meeting details',
      description:
        'One meeting from the person’s Vexa Companion library: name, platform, link, start and end, status and its history (when the bot asked to join, waited in the lobby, was admitted, left, and why), how it ended, the notes, the participants and speakers, and how much of the transcript is on this computer. Use get_transcript for what was said.',
      inputSchema: { meetingId: z.number().int().describe('The meeting’s id (from list_meetings or search_meetings)') },
      outputSchema: MeetingOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ meetingId }) => {
      const scope = await Scope.open(deps);
      const m = await scope.meeting(meetingId);
      const timeline = await scope.library.timeline(m.id);
      const stored = deps.access.participantsOf(m.id);
      const transcript = await scope.library.transcript(m.id);
      const speakers = [...new Set((transcript?.segments ?? []).map((s) => s.speaker).filter((s): s is string => Boolean(s)))];
      const listed = (stored?.rows ?? []).map((r) => ({
        name: r.name,
        email: r.email,
        role: r.source === 'invite' ? 'invited' : 'spoke',
        speakingSeconds: r.speakingSeconds,
      }));
      const typed = m.participants
        .filter((name) => !listed.some((p) => p.name.toLowerCase() === name.toLowerCase()))
        .map((name) => ({ name, email: null, role: 'named in the meeting’s details', speakingSeconds: null }));
      const data = {
        meeting: meetingBrief(m, scope.label(m.serverId)),
        link: m.meetingUrl,
        nativeMeetingId: m.nativeMeetingId,
        created: localIso(m.createdAt),
        outcome: explainOutcome(m.status, m.completionReason, m.failureStage),
        completionReason: m.completionReason,
        failureStage: m.failureStage,
        notes: m.notes,
        languages: m.languages,
        participants: [...listed, ...typed],
        speakers,
        transcript: m.transcript,
        captureNote: m.captureNote ?? null,
        statusHistory: timeline.entries.map((e) => ({
          status: e.to,
          from: e.from,
          at: localIso(e.at),
          durationSeconds: e.durationMs === null ? null : Math.round(e.durationMs / 1000),
          source: e.source,
          reason: e.reason,
        })),
      };
      return textAndData(meetingText(data, m), data);
    },
  );
}

function meetingText(d: z.infer<typeof MeetingOutput>, m: Parameters<typeof briefLine>[1]): string {
  const out = [briefLine(d.meeting, m), `Outcome: ${d.outcome}`];
  if (d.link) out.push(`Link: ${d.link}`);
  if (d.meeting.end) out.push(`Ended: ${shortTime(Date.parse(d.meeting.end))}`);
  if (d.notes) out.push(`Notes: ${d.notes}`);
  if (d.participants.length > 0) out.push(`Participants: ${d.participants.map((p) => `${p.name} (${p.role})`).join(', ')}`);
  if (d.speakers.length > 0) out.push(`Speakers in the transcript: ${d.speakers.join(', ')}`);
  out.push(`Transcript on this computer: ${d.transcript}, ${d.meeting.transcriptLines} lines${d.captureNote ? `. ${d.captureNote}` : ''}`);
  if (d.statusHistory.length > 0) {
    out.push('Status history:');
    for (const e of d.statusHistory)
      out.push(
        `- ${e.at ? shortTime(Date.parse(e.at)) : 'unknown time'}: ${e.from ? `${e.from} → ` : ''}${e.status}${e.reason ? ` (${e.reason})` : ''}`,
      );
  }
  return out.join('\n');
}
