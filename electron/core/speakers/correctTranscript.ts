import type { Transcript } from '../../../shared/vexa/types';
import type { SpeakerFixStore } from '../cache/speakerFixes';

/**
 * A transcript read from the server with the person's speaker corrections; null when the
 * meeting has none (the server's answer is used as it came).
 */
export function correctTranscriptSpeakers(
  store: SpeakerFixStore,
  serverId: string,
  remoteId: number,
  read: () => Transcript,
): Transcript | null {
  const names = store.forMeeting(serverId, remoteId);
  if (names.empty) return null;
  const t = read();
  return { ...t, segments: t.segments.map((s) => ({ ...s, speaker: names.resolve(s).name })) };
}
