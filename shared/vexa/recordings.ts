import { z } from 'zod';
import { invalidResponse } from './errors';
import { parseVexaTimestamp } from './time';

/**
 * A meeting's recordings as every generation sends them: `GET /recordings` rows (G3 slims them),
 * `GET /recordings/{id}`, and the transcript's `recordings` (G1/G2/G3). Ids are 12-digit numbers.
 * Fields a generation lacks are null; unknown fields are ignored.
 */

export interface RecordingMedia {
  id: number;
  type: string;
  /** wav, webm, opus, mp3… */
  format: string;
  sizeBytes: number | null;
  durationSeconds: number | null;
  /** G3: the wall-clock of the first sample (ms), which places the audio against the transcript. */
  captureStartedAt: number | null;
}

export interface Recording {
  id: number;
  meetingId: number | null;
  /** completed, in_progress, failed… as the server says it. */
  status: string;
  createdAt: number | null;
  media: RecordingMedia[];
}

const num = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);
const MediaWire = z.looseObject({
  id: num,
  type: z.string().nullish(),
  format: z.string().nullish(),
  file_size_bytes: z.number().nullish(),
  duration_seconds: z.number().nullish(),
  capture_started_at_ms: z.number().nullish(),
});
const RecordingWire = z.looseObject({
  id: num,
  meeting_id: num.nullish(),
  status: z.string().nullish(),
  created_at: z.string().nullish(),
  media_files: z.array(z.unknown()).nullish(),
});

function media(raw: unknown): RecordingMedia | null {
  const m = MediaWire.safeParse(raw);
  if (!m.success) return null;
  return {
    id: m.data.id,
    type: m.data.type ?? 'audio',
    format: (m.data.format ?? 'bin').toLowerCase(),
    sizeBytes: m.data.file_size_bytes ?? null,
    durationSeconds: m.data.duration_seconds ?? null,
    captureStartedAt: m.data.capture_started_at_ms ?? null,
  };
}

export function normaliseRecording(raw: unknown): Recording {
  const r = RecordingWire.safeParse(raw);
  if (!r.success) throw invalidResponse('a recording', r.error);
  return {
    id: r.data.id,
    meetingId: r.data.meeting_id ?? null,
    status: r.data.status ?? 'completed',
    createdAt: parseVexaTimestamp(r.data.created_at ?? null),
    media: (r.data.media_files ?? []).flatMap((f) => media(f) ?? []),
  };
}

/** `{recordings: [...]}` (every generation; G3 adds paging fields) or a bare array. */
export function normaliseRecordingList(raw: unknown): Recording[] {
  const rows = Array.isArray(raw) ? raw : (raw as { recordings?: unknown } | null)?.recordings;
  if (!Array.isArray(rows)) throw invalidResponse('a list of recordings');
  return rows.flatMap((row) => {
    try {
      return [normaliseRecording(row)];
    } catch {
      return [];
    }
  });
}

/** The Content-Type the servers give each format (meeting-api recordings `content_type_map`). */
export function recordingContentType(format: string, type = 'audio'): string {
  const map: Record<string, string> = {
    wav: 'audio/wav',
    webm: type === 'video' ? 'video/webm' : 'audio/webm',
    opus: 'audio/opus',
    mp3: 'audio/mpeg',
    ogg: 'audio/ogg',
    m4a: 'audio/mp4',
  };
  return map[format] ?? 'application/octet-stream';
}
