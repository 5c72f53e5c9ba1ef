import SrtParser from 'srt-parser-2';
import { describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';

// A long segment is split into several cues spread over its time; a shorter segment that starts
// inside it (another speaker talking over) must still come in time order, or players that expect
// sorted cues (and people reading the file) see time go backwards.
const LONG = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
const overlapping = {
  id: 7,
  platform: 'google_meet',
  native_meeting_id: 'abc-defg-hij',
  start_time: '2026-05-02T15:00:00',
  segments: [
    { start: 0, end: 30, text: LONG, speaker: 'Ann' },
    { start: 5, end: 7, text: 'Sorry, go on.', speaker: 'Bo' },
    { start: 31, end: 33, text: 'Thanks.', speaker: 'Ann' },
  ],
};

const seconds = (stamp: string): number => {
  const [h, m, s] = stamp.replace(',', '.').split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
};

describe('subtitle cues of overlapping speakers', () => {
  it('SRT: cues are numbered 1, 2, 3 … in start-time order, with the interruption inside the long turn', async () => {
    const cues = new SrtParser().fromSrt(await exportTranscript(overlapping, 'srt'));
    expect(cues.length).toBeGreaterThan(3);
    expect(cues.map((c) => c.id)).toEqual(cues.map((_, i) => String(i + 1)));
    const starts = cues.map((c) => c.startSeconds);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Bo's line comes second: after the first piece of Ann's turn, before the rest of it.
    expect(cues[1]?.text).toBe('Bo: Sorry, go on.');
    expect(cues.at(-1)?.text).toBe('Ann: Thanks.');
  });

  it('WebVTT: cue timings never go back in time either', async () => {
    const vtt = await exportTranscript(overlapping, 'vtt');
    const timings = [...vtt.matchAll(/^(\d\d:\d\d:\d\d\.\d{3}) --> /gm)].map((m) => seconds(m[1] ?? ''));
    expect(timings.length).toBeGreaterThan(3);
    expect(timings).toEqual([...timings].sort((a, b) => a - b));
    const ids = [...vtt.matchAll(/^(\d+)\n\d\d:/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    expect(vtt).toMatch(/^2\n00:00:05\.000 --> 00:00:07\.000\n<v Bo>Sorry, go on\.<\/v>$/m);
  });
});
