import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { SegmentView } from '../core/cache/types';
import { ToolRefusal } from './libraryAccess';
import { Scope, type ScopeDeps } from './scope';
import { clock, localIso, parseOffset } from './times';
import { briefLine, meetingBrief, MeetingBriefSchema, textAndData } from './views';

/** Lines per answer unless asked for fewer; about a 40-minute meeting. */
const DEFAULT_LINES = 400;
/**
 * An answer's text stops at about this many characters (some 12k tokens) even within the line
 * limit: clients put a tool's whole answer into the model's context, and a two-hour meeting
 * would crowd out the conversation. The answer says where to continue.
 */
export const MAX_TEXT_CHARS = 48_000;

const TimeInput = z.union([z.number().min(0), z.string().max(16)]).optional();

const LineSchema = z.object({
  secondsFromStart: z.number(),
  time: z.string().describe('h:mm:ss from the meeting’s start'),
  at: z.string().nullable().describe('The moment it was said, when the server gave it'),
  speaker: z.string().nullable(),
  text: z.string(),
  draft: z.boolean().describe('A live caption the server had not confirmed yet'),
});

export const TranscriptOutput = z.object({
  meeting: MeetingBriefSchema,
  speakers: z.array(z.string()).describe('Everyone who speaks in this meeting'),
  matchingLines: z.number().describe('Lines that match the time range and speaker'),
  offset: z.number(),
  lines: z.array(LineSchema),
  nextOffset: z.number().nullable().describe('Pass as "offset" (with the same filters) for the rest; null when this is the end'),
});

export function registerTranscript(server: McpServer, deps: ScopeDeps): void {
  server.registerTool(
    'get_transcript',
    {
      title: 'Read a meeting transcript',
      description: [
        'The transcript of one meeting from the person’s Vexa Companion library: lines with the time from the meeting’s start, the speaker and the text.',
        'Narrow it with a time range ("from"/"to": seconds, or 12:30, or 1:02:30 from the meeting’s start) and a speaker.',
        `A long transcript comes in pages (${DEFAULT_LINES} lines, or less when lines are long): when "nextOffset" is set, call again with offset = nextOffset and the same filters for the rest.`,
        'Meeting ids come from list_meetings or search_meetings.',
      ].join(' '),
      inputSchema: {
        meetingId: z.number().int().describe('The meeting’s id (from list_meetings or search_meetings)'),
        from: TimeInput.describe('Start of the range: seconds from the meeting’s start, or a time like 12:30 or 1:02:30'),
        to: TimeInput.describe('End of the range (exclusive), in the same form'),
        speaker: z.string().max(500).optional().describe('Only this speaker’s lines (the full name as the transcript shows it, any case)'),
        offset: z.number().int().min(0).max(1_000_000).default(0).describe('Matching lines to skip: the nextOffset of the previous page'),
        limit: z.number().int().min(1).max(2000).default(DEFAULT_LINES).describe('Most lines in this answer'),
      },
      outputSchema: TranscriptOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (input) => {
      const scope = await Scope.open(deps);
      const meeting = await scope.meeting(input.meetingId);
      const transcript = await scope.library.transcript(meeting.id);
      const segments = transcript?.segments ?? [];
      const from = parseOffset(input.from, 'from');
      const to = parseOffset(input.to, 'to');
      if (from !== undefined && to !== undefined && to <= from) throw new ToolRefusal('"to" must come after "from".');
      const speakers = [...new Set(segments.map((s) => s.speaker).filter((s): s is string => Boolean(s)))];
      const wanted = input.speaker?.trim().toLowerCase();
      if (wanted && !speakers.some((s) => s.toLowerCase() === wanted))
        throw new ToolRefusal(
          `Nobody called "${input.speaker}" speaks in meeting #${meeting.id}. ${speakers.length > 0 ? `Speakers: ${speakers.join(', ')}.` : 'Its transcript names no speakers.'}`,
        );
      const matching = segments.filter(
        (s) =>
          (from === undefined || s.start >= from) &&
          (to === undefined || s.start < to) &&
          (wanted === undefined || s.speaker?.toLowerCase() === wanted),
      );
      const page = takePage(matching.slice(input.offset), input.limit);
      const end = input.offset + page.length;
      const data = {
        meeting: meetingBrief(meeting, scope.label(meeting.serverId)),
        speakers,
        matchingLines: matching.length,
        offset: input.offset,
        lines: page.map(lineOf),
        nextOffset: end < matching.length ? end : null,
      };
      const header = briefLine(data.meeting, meeting);
      return textAndData(transcriptText(header, data, segments.length), data);
    },
  );
}

/** Up to `limit` lines, and no more than the text budget allows (always at least one line). */
function takePage(lines: readonly SegmentView[], limit: number): SegmentView[] {
  const page: SegmentView[] = [];
  let chars = 0;
  for (const line of lines) {
    if (page.length >= limit) break;
    chars += line.text.length + (line.speaker?.length ?? 0) + 16;
    if (page.length > 0 && chars > MAX_TEXT_CHARS) break;
    page.push(line);
  }
  return page;
}

const lineOf = (s: SegmentView) => ({
  secondsFromStart: Math.round(s.start * 10) / 10,
  time: clock(s.start),
  at: localIso(s.absoluteStart),
  speaker: s.speaker,
  text: s.text,
  draft: !s.confirmed,
});

function transcriptText(header: string, data: z.infer<typeof TranscriptOutput>, total: number): string {
  if (total === 0) return `${header}\nThis meeting has no transcript on this computer.`;
  if (data.matchingLines === 0) return `${header}\nNo line matches that time range and speaker (the transcript has ${total} lines).`;
  if (data.lines.length === 0) return `${header}\nNo lines after offset ${data.offset}: the range has ${data.matchingLines} lines.`;
  const out = [header, `Lines ${data.offset + 1}–${data.offset + data.lines.length} of ${data.matchingLines}:`];
  for (const l of data.lines) out.push(`[${l.time}] ${l.speaker ?? 'Unknown speaker'}: ${l.text}${l.draft ? ' (unconfirmed)' : ''}`);
  if (data.nextOffset !== null)
    out.push(`The transcript continues: call get_transcript again with offset ${data.nextOffset} (and the same filters) for the rest.`);
  return out.join('\n');
}
