import type { RecordingMediaView } from '../../../shared/ipc/recordings';
import { api, mediaUrl } from '../../platform/api';
import { announce } from '../announcer/store';
import { useRecordingsStore } from './store';

let seq = 0;

/** The recordings of a library meeting; a newer request wins over an older one still on its way. */
export async function loadRecordings(meetingId: number): Promise<void> {
  const mine = ++seq;
  const same = useRecordingsStore.getState().meetingId === meetingId;
  useRecordingsStore.setState({
    meetingId,
    loading: true,
    error: null,
    ...(same ? {} : { list: null, playing: null, currentTime: 0, seek: null }),
  });
  const result = await api.invoke('recordings:list', { id: meetingId });
  if (mine !== seq) return;
  if (result.ok) useRecordingsStore.setState({ list: result.value, loading: false });
  else useRecordingsStore.setState({ error: result.message, loading: false });
}

/** Loads a media file into the player; the audio starts when `autoplay`. */
export async function choose(recordingId: number, media: RecordingMediaView): Promise<string | null> {
  const meetingId = useRecordingsStore.getState().meetingId;
  if (meetingId === null) return null;
  const current = useRecordingsStore.getState().playing;
  if (current && current.recordingId === recordingId && current.media.mediaId === media.mediaId) return current.src;
  const result = await api.invoke('recordings:media', { id: meetingId, recordingId, mediaId: media.mediaId });
  if (!result.ok) {
    useRecordingsStore.setState({ error: result.message });
    return null;
  }
  const src = mediaUrl(result.value.path);
  useRecordingsStore.setState({ playing: { meetingId, recordingId, media, src }, currentTime: 0 });
  return src;
}

/** A transcript line asks to be heard: the first playable recording loads if none is. */
export async function playFrom(seconds: number): Promise<void> {
  const state = useRecordingsStore.getState();
  if (!state.playing) {
    const first = state.list?.recordings.find((r) => r.media.some((m) => m.type === 'audio'));
    const media = first?.media.find((m) => m.type === 'audio');
    if (!first || !media) return;
    if (!(await choose(first.recordingId, media))) return;
  }
  const prev = useRecordingsStore.getState().seek?.seq ?? 0;
  useRecordingsStore.setState({ seek: { seconds, seq: prev + 1 } });
}

export async function keepOffline(recordingId: number, mediaId: number): Promise<string | null> {
  const meetingId = useRecordingsStore.getState().meetingId;
  if (meetingId === null) return null;
  const result = await api.invoke('recordings:keep', { id: meetingId, recordingId, mediaId });
  if (!result.ok) return result.message;
  announce(
    result.value.evicted > 0
      ? `Kept for offline listening; ${result.value.evicted} older kept recordings made room.`
      : 'Kept for offline listening.',
  );
  await loadRecordings(meetingId);
  return null;
}

export async function forgetOffline(recordingId: number, mediaId: number): Promise<string | null> {
  const meetingId = useRecordingsStore.getState().meetingId;
  if (meetingId === null) return null;
  const result = await api.invoke('recordings:forget', { id: meetingId, recordingId, mediaId });
  if (!result.ok) return result.message;
  announce('The offline copy was removed from this computer.');
  await loadRecordings(meetingId);
  return null;
}

export async function deleteRecording(recordingId: number): Promise<string | null> {
  const meetingId = useRecordingsStore.getState().meetingId;
  if (meetingId === null) return null;
  const result = await api.invoke('recordings:delete', { id: meetingId, recordingId });
  if (!result.ok) return result.message;
  if (useRecordingsStore.getState().playing?.recordingId === recordingId) useRecordingsStore.setState({ playing: null, currentTime: 0 });
  announce('The recording was deleted.');
  await loadRecordings(meetingId);
  return null;
}

/** Desktop: a save dialog in the core. Browser: the browser's own download of the media address. */
export async function saveRecording(recordingId: number, mediaId: number): Promise<string | null> {
  const meetingId = useRecordingsStore.getState().meetingId;
  if (meetingId === null) return null;
  const result = await api.invoke('recordings:save', { id: meetingId, recordingId, mediaId });
  if (!result.ok) return result.message;
  if (result.value.mode === 'saved') announce(`Saved ${result.value.fileName}.`);
  if (result.value.mode === 'browser') {
    const media = await api.invoke('recordings:media', { id: meetingId, recordingId, mediaId });
    if (!media.ok) return media.message;
    const a = document.createElement('a');
    a.href = mediaUrl(media.value.path, true);
    a.download = result.value.fileName;
    document.body.append(a);
    a.click();
    a.remove();
  }
  return null;
}
