import { normaliseRecordingList, unsupported, type Recording, type ServerCapabilities } from '../../../shared/vexa';
import { seg, type VexaHttp } from './http';

export interface RecordingTarget {
  http: VexaHttp;
  capabilities: ServerCapabilities;
  signal?: AbortSignal | undefined;
}

const NO_RECORDINGS = 'This server cannot list or play recordings.';
/** G1/G2 list pages of at most 200, G3 the same (`MAX_LIST_LIMIT`); a meeting has a handful. */
const PAGE = 200;

/** A meeting's recordings, by the server's meeting id (`GET /recordings?meeting_id=`, every generation). */
export async function listMeetingRecordings(t: RecordingTarget, meetingId: number): Promise<Recording[]> {
  if (!t.capabilities.recordings) throw unsupported(NO_RECORDINGS);
  const res = await t.http.request('/recordings', { query: { meeting_id: meetingId, limit: PAGE }, signal: t.signal });
  // G1/G2 filter by meeting_id too; a row of another meeting is dropped all the same.
  return normaliseRecordingList(res.body).filter((r) => r.meetingId === null || r.meetingId === meetingId);
}

/** `DELETE /recordings/{id}`: G3 needs a `bot`-scoped key and a finished meeting (409 otherwise). */
export async function deleteRecording(t: RecordingTarget, recordingId: number): Promise<void> {
  if (!t.capabilities.recordings) throw unsupported(NO_RECORDINGS);
  await t.http.request(`/recordings/${seg(recordingId)}`, { method: 'DELETE', signal: t.signal });
}

/**
 * The media bytes, as the server streams them (`/raw` in every generation: G1/G2's `/download`
 * answers a JSON link instead, G3's is the same bytes). A `Range` is passed on so the answer can
 * be a 206; the key travels in the request header only, never in a URL.
 */
export function openRecordingMedia(t: RecordingTarget, recordingId: number, mediaId: number, range: string | null): Promise<Response> {
  if (!t.capabilities.recordings) throw unsupported(NO_RECORDINGS);
  return t.http.stream(`/recordings/${seg(recordingId)}/media/${seg(mediaId)}/raw`, {
    headers: range ? { Range: range } : {},
    signal: t.signal,
  });
}
