import { describe, expect, it } from 'vitest';
import type { MeetingDetailView } from '../../../shared/ipc/library';
import type { CaptionView } from '../../../shared/ipc/models';
import {
  checkLanguage,
  editChip,
  fieldValueText,
  formatDuration,
  latestEditFor,
  sourceWords,
  timelineOriginNote,
  timelineRows,
  transcriptPlaceholder,
} from '../../../renderer/features/meeting/describe';
import { EchoGuard } from '../../../renderer/features/meeting/echoGuard';
import { segmentsToCaptions, termMarks, termRanges } from '../../../renderer/features/meeting/highlight';
import { edit, online } from './support/edits';

describe('edit states', () => {
  it('follows an edit from saving to saved', () => {
    expect(editChip('name', edit(), true, online)?.label).toBe('Saving…');
    expect(editChip('name', edit({ state: 'sending' }), true, online)?.label).toBe('Saving…');
    // Done edits leave the outbox's open list: a field edited here with no open edit is saved.
    expect(editChip('name', undefined, true, online)).toMatchObject({ kind: 'saved', label: 'Saved' });
    expect(editChip('name', undefined, false, online)).toBeNull();
  });

  it('waits for the connection when the server is down or the last attempt failed to reach it', () => {
    expect(editChip('notes', edit(), true, { offline: true, otherServer: false })?.label).toBe('Waiting for connection');
    expect(editChip('notes', edit({ attempts: 1, lastError: 'The server is down.' }), true, online)?.label).toBe('Waiting for connection');
    expect(editChip('notes', edit(), true, { offline: true, otherServer: true })?.detail).toMatch(/connect to this meeting’s server/);
  });

  it('explains edits kept here, refused edits and conflicts', () => {
    expect(editChip('name', edit({ state: 'local' }), true, online)).toMatchObject({
      label: 'Kept on this computer',
      detail: 'This server version cannot rename past meetings.',
    });
    // Notes, participants and languages share one note above them instead of one each.
    expect(editChip('notes', edit({ state: 'local' }), true, online)?.detail).toBeNull();
    // An older meeting of a recurring link: the core's reason is shown, not the version's.
    const reason = 'This server only changes the latest meeting on this link, and a newer meeting now uses the same link.';
    expect(editChip('name', edit({ state: 'local', lastError: reason }), true, online)).toMatchObject({
      label: 'Kept on this computer',
      detail: reason,
    });
    expect(editChip('name', edit({ state: 'failed', lastError: 'Name too long.' }), true, online)).toMatchObject({
      kind: 'failed',
      detail: 'The server refused the change: Name too long.',
    });
    expect(editChip('name', edit({ state: 'conflict' }), true, online)?.kind).toBe('conflict');
  });

  it('reads the newest open edit of a field', () => {
    const edits = [
      edit({ id: 1, fields: { name: 'A' } }),
      edit({ id: 2, fields: { notes: 'n' } }),
      edit({ id: 3, fields: { name: 'B' }, state: 'local' }),
    ];
    expect(latestEditFor('name', edits)?.id).toBe(3);
    expect(latestEditFor('notes', edits)?.id).toBe(2);
    expect(latestEditFor('languages', edits)).toBeUndefined();
  });

  it('accepts language codes only, lower-cased', () => {
    expect(checkLanguage(' PT-br ')).toEqual({ ok: true, value: 'pt-br' });
    expect(checkLanguage('English').ok).toBe(false);
    expect(fieldValueText(['en', 'de'])).toBe('en, de');
    expect(fieldValueText('  ')).toBe('(empty)');
    expect(fieldValueText(undefined)).toBe('(none)');
  });
});

describe('status timeline', () => {
  const T = Date.UTC(2026, 2, 3, 14, 0, 0);
  const timeline: MeetingDetailView['timeline'] = {
    origin: 'server',
    entries: [
      {
        from: null,
        to: 'joining',
        at: T,
        durationMs: 3_000,
        source: 'bot_callback',
        reason: null,
        completionReason: null,
        failureStage: null,
      },
      {
        from: 'joining',
        to: 'awaiting_admission',
        at: T + 3_000,
        durationMs: 9_000,
        source: 'bot_callback',
        reason: null,
        completionReason: null,
        failureStage: null,
      },
      {
        from: 'awaiting_admission',
        to: 'active',
        at: T + 12_000,
        durationMs: 108_000,
        source: 'bot_callback',
        reason: null,
        completionReason: null,
        failureStage: null,
      },
      {
        from: 'active',
        to: 'completed',
        at: T + 120_000,
        durationMs: 0,
        source: 'user_stop',
        reason: 'stopped',
        completionReason: 'stopped',
        failureStage: null,
      },
    ],
  };

  it('gives each state its time, its duration, its share of the bar, and the outcome in plain words', () => {
    const rows = timelineRows(timeline, { completionReason: 'stopped', failureStage: null });
    expect(rows.map((r) => r.label)).toEqual(['Joining', 'Waiting in the lobby', 'Transcribing', 'Completed']);
    expect(rows.map((r) => r.duration)).toEqual(['3 s', '9 s', '1 min 48 s', null]);
    expect(rows[2]!.share).toBeCloseTo(0.9);
    expect(rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1);
    expect(rows[0]!.source).toBe('Reported by the bot');
    expect(rows[3]!.source).toBe('Someone stopped the bot');
    expect(rows[3]!.note).toBe('The bot was stopped.');
  });

  it('explains a failure with its stage and says where the history comes from', () => {
    const failed = {
      origin: 'app' as const,
      entries: [{ ...timeline.entries[0]!, to: 'failed' as const, durationMs: null, source: 'app' }],
    };
    const [row] = timelineRows(failed, { completionReason: null, failureStage: 'joining' });
    expect(row!.note).toBe('The bot failed while joining.');
    expect(row!.source).toBe('Seen by this app');
    expect(timelineOriginNote('server')).toBe('From the server’s history');
    expect(timelineOriginNote('app')).toBe('From what this app saw');
    expect(timelineOriginNote('none')).toBeNull();
    expect(sourceWords('unknown')).toBeNull();
  });

  it('formats durations', () => {
    expect(formatDuration(400)).toBe('under a second');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 05 min');
  });
});

describe('transcript states', () => {
  const m = { transcript: 'none', transcriptDeleted: false, planned: false, status: 'completed' } as const;
  it('says whether the transcript is coming, cannot come now, or will never come', () => {
    expect(transcriptPlaceholder(m, { reachable: true })).toMatchObject({ title: 'Transcript not downloaded yet', busy: true });
    expect(transcriptPlaceholder(m, { reachable: false })).toMatchObject({ title: 'Transcript not downloaded yet', busy: false });
    expect(transcriptPlaceholder({ ...m, transcriptDeleted: true }, { reachable: true }).title).toBe('Deleted on the server');
    expect(transcriptPlaceholder({ ...m, transcript: 'unavailable' }, { reachable: true }).title).toBe('No transcript');
    expect(transcriptPlaceholder({ ...m, planned: true, status: 'scheduled' }, { reachable: true }).title).toBe('Not happened yet');
  });
});

describe('search words in the transcript', () => {
  it('marks whole words regardless of case and accents, the last one as a prefix while typing', () => {
    const text = 'Café telemetry, and Telemetrie; hotel metrics.';
    const words = (ranges: Array<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));
    expect(words(termRanges(text, ['telemetry'], false))).toEqual(['telemetry']);
    expect(words(termRanges(text, ['telem'], true))).toEqual(['telemetry', 'Telemetrie']);
    expect(words(termRanges(text, ['cafe'], false))).toEqual(['Café']);
    expect(words(termRanges(text, ['metrics', 'hotel'], false))).toEqual(['hotel', 'metrics']);
    expect(termRanges(text, [], true)).toEqual([]);
  });

  it('marks plain and accented lines alike, and none in lines without the words', () => {
    const line = (key: string, text: string): CaptionView => ({
      key,
      segmentId: key,
      speaker: 'Maya',
      text,
      start: 0,
      end: 1,
      absoluteStart: 0,
      absoluteEnd: 1000,
      language: 'fr',
      completed: true,
      draft: false,
    });
    const lines = [line('a', 'POINT 7 is done.'), line('b', 'Nothing here.'), line('c', 'Ce pôint-là, café.'), line('d', 'Pointless.')];
    const marks = termMarks(lines, ['point', 'cafe'], false);
    expect([...marks.marks.keys()]).toEqual(['a', 'c']);
    expect(marks.marks.get('c')!.map((r) => lines[2]!.text.slice(r.start, r.end))).toEqual(['pôint', 'café']);
  });

  it('numbers the marks in reading order and finds the first mark of the opened line', () => {
    const meeting = { startTime: 1_000_000, createdAt: null };
    const seg = (key: string, text: string, start: number) => ({
      key,
      speaker: 'Maya',
      text,
      start,
      end: start + 2,
      absoluteStart: null,
      absoluteEnd: null,
      language: 'en',
      confirmed: true,
      source: null,
      segmentId: null,
    });
    const captions = segmentsToCaptions([seg('a', 'the picker', 1), seg('b', 'no match', 3), seg('c', 'Picker, picker!', 5)], meeting);
    expect(captions[0]).toMatchObject({ absoluteStart: 1_001_000, draft: false });
    const marks = termMarks(captions, ['picker'], false);
    expect(marks.total).toBe(3);
    expect(marks.firstOfKey.get('c')).toBe(1);
    expect(marks.marks.get('c')!.map((m) => m.index)).toEqual([1, 2]);
    expect(marks.marks.has('b')).toBe(false);
  });
});

describe('refresh echoes', () => {
  it('re-opens once for the refresh an open asked for, then drops the echo of that re-open', () => {
    const guard = new EchoGuard();
    guard.opened('user', 0);
    expect(guard.shouldReopen(10)).toBe(true);
    guard.opened('reopen', 10);
    expect(guard.shouldReopen(20)).toBe(false);
    expect(guard.pending).toBe(0);
  });

  it('treats an unexpected change as real, and forgets echoes that never came', () => {
    const guard = new EchoGuard(1_000);
    expect(guard.shouldReopen(0)).toBe(true);
    guard.opened('reopen', 0);
    expect(guard.shouldReopen(5_000)).toBe(true);
  });

  it('shows both announcements of an edit made here, even with the echo of an earlier open still expected', () => {
    const guard = new EchoGuard();
    // The open's refresh changed nothing, so its echo never came.
    guard.opened('user', 0);
    guard.changing(2);
    expect(guard.shouldReopen(10)).toBe(true);
    guard.opened('reopen', 10);
    // What the server made of the edit (sent, or kept here with the reason) arrives before that re-open's echo.
    expect(guard.shouldReopen(12)).toBe(true);
    guard.opened('reopen', 12);
    expect(guard.shouldReopen(20)).toBe(false);
  });

  it('never loops: each re-open expects exactly one echo that does not re-open again', () => {
    const guard = new EchoGuard();
    let opens = 0;
    let echoes = 1;
    guard.opened('user', 0);
    for (let t = 1; echoes > 0 && t < 100; t++) {
      echoes--;
      if (guard.shouldReopen(t)) {
        opens++;
        guard.opened('reopen', t);
        echoes++;
      }
    }
    expect(opens).toBe(1);
  });
});
