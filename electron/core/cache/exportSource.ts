import type { Transcript } from '../../../shared/vexa/types';
import type { Library } from './library';

/**
 * A transcript from the cache in the normalised shape the exporters take, so export and copy
 * work offline. By default only a complete transcript counts: a partial one would export a
 * meeting with holes while the server has it whole. `partial` takes whatever lines are here, for
 * when the server cannot be reached (the caller says so).
 */
export async function cachedTranscript(
  library: Library,
  serverId: string,
  remoteId: number,
  accept: 'complete' | 'partial' = 'complete',
): Promise<Transcript | null> {
  const localId = await library.localId(serverId, remoteId);
  if (localId === null) return null;
  const view = await library.transcript(localId);
  if (!view) return null;
  if (accept === 'complete' ? view.meeting.transcript !== 'complete' : view.segments.length === 0) return null;
  const m = view.meeting;
  return {
    meeting: {
      id: m.remoteId,
      platform: m.platform,
      nativeMeetingId: m.nativeMeetingId,
      status: m.status,
      startTime: m.startTime,
      endTime: m.endTime,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      name: m.name,
      notes: m.notes,
      participants: m.participants,
      languages: m.languages,
      completionReason: m.completionReason,
      failureStage: m.failureStage,
      statusTransitions: [],
      meetingUrl: m.meetingUrl,
      botContainerId: null,
      shared: m.shared,
      transcriptDeleted: m.transcriptDeleted,
      data: {},
    },
    segments: view.segments.map((s) => ({
      key: s.key,
      speaker: s.speaker,
      text: s.text,
      start: s.start,
      end: s.end,
      absoluteStart: s.absoluteStart,
      absoluteEnd: s.absoluteEnd,
      language: s.language,
      completed: s.confirmed,
      ...(s.segmentId ? { segmentId: s.segmentId } : {}),
      ...(s.source ? { source: s.source } : {}),
    })),
  };
}
