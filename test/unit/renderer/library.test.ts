import { describe, expect, it } from 'vitest';
import type { LibraryMeetingView, SyncStateView } from '../../../shared/ipc/library';
import { onOtherServer } from '../../../renderer/features/export/describe';
import {
  exportRef,
  failureText,
  formatBytes,
  libraryStatus,
  libraryTitle,
  searchHitTitle,
  offlineBadge,
  relativeTime,
  searchSummary,
  serverLabel,
  syncBarView,
  transcriptFailuresText,
  transcriptLabel,
  transcriptProgressText,
} from '../../../renderer/features/library/describe';
import {
  activeFilterCount,
  dateBounds,
  listInput,
  NO_FILTERS,
  parseLocalDate,
  plannedInput,
  searchFilters,
} from '../../../renderer/features/library/filters';

const NOW = new Date(2026, 2, 15, 14, 30).getTime();
const MIN = 60_000;

const idleProgress = { running: false, done: 0, total: 0, failed: 0 };
function sync(patch: Partial<SyncStateView> = {}): SyncStateView {
  return {
    serverId: 'https://vexa.example',
    phase: 'idle',
    lastSyncedAt: NOW - 2 * MIN,
    error: null,
    retryAt: null,
    transcripts: idleProgress,
    ...patch,
  };
}

describe('library rows', () => {
  it('names a meeting by its name, else by platform and id, else by the server row id', () => {
    const base = { name: null, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij', remoteId: 42 };
    expect(libraryTitle({ ...base, name: 'Weekly sync' })).toBe('Weekly sync');
    expect(libraryTitle(base)).toBe('Google Meet abc-defg-hij');
    expect(libraryTitle({ ...base, nativeMeetingId: null })).toBe('Google Meet #42');
  });

  it('titles a search hit of an unnamed meeting as its row in the list, not "Google Meet meeting"', () => {
    const hit = { meetingName: null, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij', remoteId: 42 };
    expect(searchHitTitle(hit)).toBe('Google Meet abc-defg-hij');
    expect(searchHitTitle({ ...hit, meetingName: '  ' })).toBe(
      libraryTitle({ name: null, platform: 'google_meet', nativeMeetingId: 'abc-defg-hij', remoteId: 42 }),
    );
    expect(searchHitTitle({ ...hit, meetingName: 'Weekly sync' })).toBe('Weekly sync');
  });

  it('says what this computer holds of each transcript', () => {
    const m = {
      transcript: 'complete',
      transcriptDeleted: false,
      planned: false,
      status: 'completed',
      segmentCount: 30,
      serverId: 'https://a.example',
    } as const;
    const A = 'https://a.example';
    expect(transcriptLabel(m, A)?.label).toBe('Transcript on this computer');
    expect(transcriptLabel({ ...m, transcript: 'none', segmentCount: 0 }, A)?.label).toBe('Not downloaded yet');
    expect(transcriptLabel({ ...m, transcriptDeleted: true }, A)).toEqual({ label: 'Deleted on server', tone: 'danger' });
    expect(transcriptLabel({ ...m, transcript: 'partial', status: 'active' }, A)?.label).toBe('Live transcript on this computer');
    expect(transcriptLabel({ ...m, transcript: 'partial' }, A)?.label).toBe('Part of the transcript on this computer');
    // Lines of a meeting last seen live on a server that is not connected are not "live".
    expect(transcriptLabel({ ...m, transcript: 'partial', status: 'active' }, 'demo')?.label).toBe(
      'Part of the transcript on this computer',
    );
    expect(transcriptLabel({ ...m, transcript: 'partial', status: 'active' }, null)?.label).toBe('Part of the transcript on this computer');
    expect(transcriptLabel({ ...m, transcript: 'none', status: 'failed', segmentCount: 0 }, A)?.label).toBe('No transcript');
    expect(transcriptLabel({ ...m, planned: true, transcript: 'none' }, A)).toBeNull();
  });
});

describe('sync bar', () => {
  it('says when the library was last synced, in words', () => {
    expect(syncBarView(sync(), NOW)).toMatchObject({ tone: 'idle', text: 'Synced 2 min ago', retry: false });
    expect(syncBarView(sync({ lastSyncedAt: NOW - 10_000 }), NOW).text).toBe('Synced just now');
    expect(syncBarView(sync({ lastSyncedAt: null }), NOW).text).toBe('Not synced yet');
    expect(syncBarView(sync({ phase: 'syncing' }), NOW)).toMatchObject({ tone: 'busy', text: 'Syncing…' });
  });

  it('offline shows the cache and when the next attempt runs; an error offers Retry with its reason', () => {
    const offline = syncBarView(sync({ phase: 'offline', retryAt: NOW + 29_500 }), NOW);
    expect(offline).toEqual({
      tone: 'offline',
      text: 'Offline — showing what is on this computer',
      detail: 'Trying again in 30 s.',
      retry: true,
    });
    const error = syncBarView(sync({ phase: 'error', error: { code: 'server_error', message: 'The server answered 500.' } }), NOW);
    expect(error.retry).toBe(true);
    expect(error.detail).toBe('The server answered 500.');
  });

  it('without a connected server, the library simply shows what is on this computer', () => {
    expect(syncBarView(null, NOW)).toMatchObject({ tone: 'local', text: 'Showing what is on this computer' });
  });

  it('counts the background transcript download and reports what failed once it ends', () => {
    expect(transcriptProgressText({ running: true, done: 12, total: 40, failed: 0 })).toBe('Downloading transcripts 12 of 40');
    expect(transcriptProgressText({ running: false, done: 40, total: 40, failed: 0 })).toBeNull();
    expect(transcriptFailuresText({ running: false, done: 40, total: 40, failed: 3 })).toBe(
      '3 transcripts could not be downloaded; they are tried again later.',
    );
    expect(transcriptFailuresText({ running: true, done: 4, total: 40, failed: 3 })).toBeNull();
  });

  it('words times relative to now, then falls back to the date', () => {
    expect(relativeTime(NOW - 5 * MIN, NOW)).toBe('5 min ago');
    expect(relativeTime(NOW - 3 * 60 * MIN, NOW)).toBe('3 h ago');
    expect(relativeTime(NOW - 24 * 60 * MIN, NOW)).toBe('yesterday');
    expect(relativeTime(NOW - 3 * 24 * 60 * MIN, NOW)).toBe('3 days ago');
    expect(relativeTime(NOW - 30 * 24 * 60 * MIN, NOW)).toMatch(/^on /);
  });
});

describe('search summary', () => {
  it('counts results and says when they are not ranked', () => {
    const hits = { meetings: [1], segments: [1, 2] };
    expect(searchSummary({ ...hits, ranked: true, hasMore: false })).toEqual({ count: '3 results', hint: null });
    expect(searchSummary({ ...hits, ranked: false, hasMore: true })).toEqual({
      count: 'More than 3 results',
      hint: 'Showing the first matches; keep typing to narrow them.',
    });
  });
});

describe('offline badge', () => {
  it('shows when the sync is offline or the live connection is down, not while connecting or refused', () => {
    expect(offlineBadge(sync({ phase: 'offline' }), { status: 'connected', attempt: 0 })?.label).toBe('Offline');
    expect(offlineBadge(sync(), { status: 'reconnecting', attempt: 2 })).not.toBeNull();
    expect(offlineBadge(null, { status: 'offline', attempt: 4 })).not.toBeNull();
    expect(offlineBadge(sync(), { status: 'connected', attempt: 0 })).toBeNull();
    expect(offlineBadge(sync(), { status: 'connecting', attempt: 0 })).toBeNull();
    expect(offlineBadge(sync(), { status: 'unauthorized', attempt: 0 })).toBeNull();
    expect(offlineBadge(sync({ phase: 'error' }), null)).toBeNull();
  });

  it('does not raise the alarm for one dropped socket that is coming straight back', () => {
    expect(offlineBadge(sync(), { status: 'reconnecting', attempt: 1 })).toBeNull();
  });
});

describe('filters', () => {
  it('turns date presets into whole local days, the end date included', () => {
    const today = new Date(2026, 2, 15).getTime();
    expect(dateBounds({ ...NO_FILTERS, date: 'any' }, NOW)).toEqual({});
    expect(dateBounds({ ...NO_FILTERS, date: 'today' }, NOW)).toEqual({ from: today });
    expect(dateBounds({ ...NO_FILTERS, date: 'week' }, NOW)).toEqual({ from: new Date(2026, 2, 9).getTime() });
    expect(dateBounds({ ...NO_FILTERS, date: 'custom', fromDate: '2026-03-01', toDate: '2026-03-10' }, NOW)).toEqual({
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 2, 11).getTime(),
    });
    expect(dateBounds({ ...NO_FILTERS, date: 'custom', fromDate: '', toDate: '2026-02-30' }, NOW)).toEqual({});
    expect(parseLocalDate('2026-13-01')).toBeNull();
  });

  it('sends only the filters that are set; planned meetings keep only server and platform', () => {
    const f = { ...NO_FILTERS, platform: 'zoom', status: 'failed' as const, date: 'today' as const, speaker: '  Maya ' };
    expect(listInput(f, NOW)).toEqual({ platform: 'zoom', status: 'failed', from: new Date(2026, 2, 15).getTime(), planned: 'exclude' });
    expect(plannedInput(f)).toEqual({ platform: 'zoom', planned: 'only' });
    expect(searchFilters(f, NOW)).toMatchObject({ platform: 'zoom', status: 'failed', speaker: 'Maya' });
    expect(searchFilters(NO_FILTERS, NOW)).toEqual({});
  });

  it('counts active filters, the speaker only while searching', () => {
    expect(activeFilterCount(NO_FILTERS, true)).toBe(0);
    const f = { ...NO_FILTERS, platform: 'teams', speaker: 'Priya' };
    expect(activeFilterCount(f, false)).toBe(1);
    expect(activeFilterCount(f, true)).toBe(2);
  });
});

describe('servers and sizes', () => {
  it('names the connected server by its label and others by host', () => {
    const current = { id: 'https://vexa.example', label: 'Vexa Cloud' };
    expect(serverLabel('https://vexa.example', current)).toBe('Vexa Cloud');
    expect(serverLabel('https://self.hosted.example:8056', current)).toBe('self.hosted.example:8056');
    expect(serverLabel('demo', null)).toBe('Demo');
  });

  it('formats sizes on disk', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3.45 * 1024 * 1024)).toBe('3.5 MB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });
});

describe('a meeting’s status in the library', () => {
  const seen = new Date(2026, 2, 15, 14, 2).getTime();
  const m = { status: 'active', serverId: 'https://a.example', statusSeenAt: seen, lastSyncedAt: seen - MIN } as const;
  const asOf = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

  it('says Live only while the meeting’s server is connected', () => {
    expect(libraryStatus(m, 'https://a.example')).toEqual({ label: 'Transcribing', tone: 'success', detail: null });
    const other = libraryStatus(m, 'https://b.example');
    expect(other.label).toBe(`Transcribing as of ${asOf.format(seen)}`);
    expect(other.label).not.toMatch(/Live/);
    expect(other.tone).toBe('neutral');
    expect(other.detail).toMatch(/not connected/);
    expect(libraryStatus(m, null).label).toMatch(/^Transcribing as of /);
  });

  it('falls back to the last sync for the time, and says which status it was', () => {
    expect(libraryStatus({ ...m, statusSeenAt: null }, null).label).toBe(`Transcribing as of ${asOf.format(seen - MIN)}`);
    expect(libraryStatus({ ...m, statusSeenAt: null, lastSyncedAt: null }, null).label).toBe('Transcribing when last seen');
    expect(libraryStatus({ ...m, status: 'awaiting_admission', serverId: 'demo' }, null)).toMatchObject({
      label: `Waiting in the lobby as of ${asOf.format(seen)}`,
      detail: 'The demo has ended, so this is the last status the app saw.',
    });
  });

  it('shows an ended meeting as it ended, connected or not', () => {
    expect(libraryStatus({ ...m, status: 'completed' }, null)).toEqual({ label: 'Completed', tone: 'neutral', detail: null });
    expect(libraryStatus({ ...m, status: 'failed' }, 'https://b.example')).toEqual({ label: 'Failed', tone: 'danger', detail: null });
  });

  it('gives a failed meeting its reason', () => {
    expect(failureText({ status: 'failed', completionReason: 'awaiting_admission_rejected', failureStage: 'awaiting_admission' })).toBe(
      'The host denied the bot entry to the meeting.',
    );
    expect(failureText({ status: 'failed', completionReason: null, failureStage: 'joining' })).toBe('The bot failed while joining.');
    expect(failureText({ status: 'completed', completionReason: 'left_alone', failureStage: null })).toBeNull();
  });
});

describe('export and share from the library', () => {
  const row: LibraryMeetingView = {
    id: 1,
    serverId: 'https://a.example',
    serverLabel: 'a.example',
    remoteId: 42,
    platform: 'zoom',
    nativeMeetingId: '84213579601',
    status: 'completed',
    planned: false,
    startTime: 1,
    endTime: 2,
    createdAt: 1,
    updatedAt: 2,
    name: 'Support sync',
    notes: null,
    participants: [],
    languages: [],
    completionReason: null,
    failureStage: null,
    meetingUrl: null,
    shared: false,
    transcriptDeleted: false,
    transcript: 'partial',
    segmentCount: 10,
    lastSyncedAt: null,
    statusSeenAt: null,
    transcriptSyncedAt: null,
    localFields: [],
    conflictFields: [],
  };

  it('offers every action for the connected server’s meetings, by ids only (the core looks the name up)', () => {
    const ref = exportRef(row, 'https://a.example');
    expect(ref).toEqual({
      meetingId: 42,
      platform: 'zoom',
      nativeMeetingId: '84213579601',
      serverId: 'https://a.example',
    });
    expect(onOtherServer(ref!, 'https://a.example')).toBe(false);
  });

  it('exports another server’s meeting from the lines on this computer, whatever its status, and never shares it', () => {
    const none = { ...row, transcript: 'none', segmentCount: 0 } as const;
    expect(exportRef(none, 'https://b.example')).toBeNull();
    expect(exportRef(none, null)).toBeNull();
    // A meeting last seen live on a server that is gone (the ended demo) still has its lines.
    for (const status of ['active', 'completed', 'failed'] as const) {
      expect(exportRef({ ...row, status, transcript: 'partial' }, 'https://b.example')?.meetingId).toBe(42);
      expect(exportRef({ ...row, status, transcript: 'partial' }, null)?.meetingId).toBe(42);
    }
    const ref = exportRef({ ...row, transcript: 'complete' }, 'https://b.example');
    expect(ref?.serverId).toBe('https://a.example');
    expect(onOtherServer(ref!, 'https://b.example')).toBe(true);
    expect(onOtherServer(ref!, null)).toBe(true);
  });

  it('has nothing to export without a native id or after the transcript was deleted', () => {
    expect(exportRef({ ...row, nativeMeetingId: null }, 'https://a.example')).toBeNull();
    expect(exportRef({ ...row, transcriptDeleted: true, transcript: 'complete' }, 'https://a.example')).toBeNull();
  });
});
