import { cleanLines, cleanText, type ExportDocument } from './prepare';
import { isoUtc } from './time';

/** The JSON export; `transcript.schema.json` beside this file is its schema (draft 2020-12). */
export interface JsonExport {
  meeting: {
    id: number;
    platform: string;
    native_meeting_id: string | null;
    name: string | null;
    status: string;
    start_time: string | null;
    end_time: string | null;
    meeting_url: string | null;
    participants: string[];
    languages: string[];
    notes: string | null;
  };
  segments: Array<{
    segment_id?: string;
    start: number;
    end: number;
    absolute_start_time: string | null;
    absolute_end_time: string | null;
    speaker: string | null;
    text: string;
    language: string | null;
    completed: boolean;
    /** `"chat"` for a chat message; absent for speech. */
    source?: 'chat';
  }>;
  exported_at: string;
}

const seconds = (s: number): number => Math.round(s * 1000) / 1000;
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoUtc(ms));
const textOrNull = (s: string | null): string | null => (s === null ? null : cleanText(s) || null);

/**
 * Field names follow Vexa's REST API (`start`/`end` in seconds from the start, `absolute_*` as
 * ISO 8601 UTC), so the file reads like a transcript response without the server's quirks.
 */
export function toJsonExport(doc: ExportDocument): JsonExport {
  const m = doc.meeting;
  return {
    meeting: {
      id: m.id,
      platform: m.platform,
      native_meeting_id: m.nativeMeetingId,
      name: textOrNull(m.name),
      status: m.status,
      start_time: isoOrNull(m.startTime),
      end_time: isoOrNull(m.endTime),
      meeting_url: m.meetingUrl,
      participants: [...m.participants],
      languages: [...m.languages],
      // Notes keep their line breaks (as `\n`); every other field is one line.
      notes: cleanLines(m.notes).join('\n') || null,
    },
    segments: doc.segments.map((s) => ({
      ...(s.segmentId !== undefined ? { segment_id: s.segmentId } : {}),
      start: seconds(s.start),
      end: seconds(s.end),
      absolute_start_time: isoOrNull(s.absoluteStart),
      absolute_end_time: isoOrNull(s.absoluteEnd),
      speaker: doc.opts.speakers ? s.speaker : null,
      text: s.text,
      language: s.language,
      completed: s.completed,
      ...(s.chat ? { source: 'chat' as const } : {}),
    })),
    exported_at: isoUtc(doc.opts.now),
  };
}

export function exportJson(doc: ExportDocument): string {
  return `${JSON.stringify(toJsonExport(doc), null, 2)}\n`;
}
