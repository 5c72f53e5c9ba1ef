import type { SpeakerFix, SpeakerNames } from '../../../shared/transcript/speakerNames';
import type { Library } from '../cache/library';
import type { OutboxService } from '../cache/outbox';
import { sameValue } from '../cache/rows';

/**
 * Speaker corrections as meeting data: no Vexa server has a speaker-rename endpoint, but G1/G2
 * keep a meeting's `data.participants` (PATCH /meetings/{platform}/{native_id}). A correction
 * becomes an edit of the participants of each meeting it touches, through the outbox like any
 * edit of the meeting's details: sent where the server takes it, kept on this computer (`local`)
 * where it cannot (G3), and shown at once either way.
 */

/** A server-wide correction touches at most this many meetings' participants (the newest first). */
export const MAX_MEETINGS_PER_FIX = 500;

/** The library meetings a correction touches: its meeting, or every meeting of the server where one of its labels speaks. */
export function meetingsTouched(library: Library, fix: SpeakerFix, labels: readonly string[]): number[] {
  if (fix.meetingId !== null) {
    const id = library.db
      .prepare('SELECT id FROM meetings WHERE server_id = ? AND remote_id = ? AND hidden_at IS NULL')
      .pluck()
      .get(fix.serverId, fix.meetingId) as number | undefined;
    return id === undefined ? [] : [id];
  }
  return library.db
    .prepare(
      `SELECT m.id FROM meetings m WHERE m.server_id = ? AND m.hidden_at IS NULL AND m.planned = 0 AND (
         EXISTS (SELECT 1 FROM segments s WHERE s.meeting_id = m.id AND s.speaker IN (SELECT value FROM json_each(?)))
         OR EXISTS (SELECT 1 FROM json_each(m.participants) p WHERE p.value IN (SELECT value FROM json_each(?))))
       ORDER BY coalesce(m.start_time, m.created_at, 0) DESC LIMIT ?`,
    )
    .pluck()
    .all(fix.serverId, JSON.stringify(labels), JSON.stringify(labels), MAX_MEETINGS_PER_FIX) as number[];
}

/**
 * A meeting's participants with the corrections applied: each listed label becomes its name,
 * names of corrections taken back (`retired`) go, and everyone the transcript names is listed.
 */
export function correctedParticipants(
  listed: readonly string[],
  spoken: ReadonlyArray<{ speaker: string | null; originalSpeaker?: string | null }>,
  names: SpeakerNames,
  retired: ReadonlySet<string>,
): string[] {
  const originals = new Set(spoken.map((s) => s.originalSpeaker ?? s.speaker).filter((s): s is string => !!s));
  const labels = new Set([...originals, ...names.fixes.map((f) => f.label)]);
  const out: string[] = [];
  for (const p of listed) {
    if (labels.has(p)) out.push(names.nameOfKey(names.keyOf(p)));
    else if (!retired.has(p)) out.push(p);
  }
  for (const s of spoken) if (s.speaker) out.push(s.speaker);
  return [...new Set(out)];
}

/**
 * Queues the participants edit of every meeting a correction touches (skipping those already
 * right). Returns the library ids edited.
 */
export async function syncParticipants(
  library: Library,
  outbox: OutboxService,
  fix: SpeakerFix,
  retired: readonly string[],
): Promise<number[]> {
  const labels = [fix.label, ...(fix.kind === 'merge' ? [fix.name] : []), ...retired];
  const edited: number[] = [];
  const retiredSet = new Set(retired);
  for (const id of meetingsTouched(library, fix, labels)) {
    const view = await library.transcript(id);
    if (!view) continue;
    const names = library.speakers.forMeeting(view.meeting.serverId, view.meeting.remoteId);
    const next = correctedParticipants(view.meeting.participants, view.segments, names, retiredSet);
    if (next.length === 0 || sameValue(next, view.meeting.participants)) continue;
    await outbox.edit(id, { participants: next });
    edited.push(id);
  }
  return edited;
}
