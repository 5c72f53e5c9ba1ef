import { describe, expect, it } from 'vitest';
import type { TrackedMeetingView } from '../../../shared/ipc/models';
import { overlayRoute } from '../../../renderer/app/route';
import { createCaptionAnnouncer } from '../../../renderer/features/captions/announcer';
import {
  captionAnnouncement,
  captionTime,
  emptyCaptionsText,
  formatHourMinute,
  formatOffset,
  gapText,
  hasBeenLive,
  meetingOrigin,
  rejectedFramesText,
  speakerName,
  zeroCaptionsWarning,
} from '../../../renderer/features/captions/describe';
import { tailText } from '../../../renderer/features/live/overlayText';

const T0 = Date.UTC(2026, 2, 3, 14, 0, 0);

describe('caption times', () => {
  it('counts from the meeting start as mm:ss, with hours once past one', () => {
    expect(formatOffset(0)).toBe('00:00');
    expect(formatOffset(42_900)).toBe('00:42');
    expect(formatOffset(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatOffset(3_723_000)).toBe('1:02:03');
    expect(formatOffset(-5)).toBe('00:00');
  });

  it('takes the meeting start from the first line and its offset into the session', () => {
    expect(meetingOrigin({ absoluteStart: T0 + 12_500, start: 12.5 })).toBe(T0);
    expect(meetingOrigin({ absoluteStart: T0, start: 0 })).toBe(T0);
    expect(meetingOrigin(undefined)).toBeNull();
    expect(captionTime(T0 + 65_000, 'relative', T0)).toBe('01:05');
  });

  it('shows the time of day when asked, or when the start is unknown', () => {
    const clock = captionTime(T0, 'clock', T0);
    expect(clock).toBe(new Date(T0).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
    expect(captionTime(T0, 'relative', null)).toBe(clock);
  });
});

describe('caption wording', () => {
  it('explains a gap with its times of day', () => {
    const from = T0;
    const to = T0 + 7 * 60_000;
    expect(gapText({ from, to })).toBe(`Part of the meeting could not be recovered (${formatHourMinute(from)}–${formatHourMinute(to)})`);
    expect(gapText({ from, to: null })).toBe(`Part of the meeting could not be recovered (from ${formatHourMinute(from)})`);
  });

  it('names unknown speakers', () => {
    expect(speakerName(null)).toBe('Unknown speaker');
    expect(speakerName('  ')).toBe('Unknown speaker');
    expect(speakerName('Maya')).toBe('Maya');
  });

  it('warns about a finished meeting without a single caption, and only then', () => {
    expect(zeroCaptionsWarning('completed', 0)).toMatch(/ended with no captions/);
    expect(zeroCaptionsWarning('completed', 3)).toBeNull();
    expect(zeroCaptionsWarning('active', 0)).toBeNull();
  });

  it('says why there are no captions yet, by status', () => {
    expect(emptyCaptionsText('awaiting_admission')).toMatch(/lobby/);
    expect(emptyCaptionsText('active')).toMatch(/as people speak/);
    expect(emptyCaptionsText('joining')).toMatch(/joining/);
    // A failed bot says why, not only that nothing was said.
    expect(emptyCaptionsText('failed', 'The host denied the bot entry to the meeting.')).toBe(
      'The host denied the bot entry to the meeting. Nothing was transcribed.',
    );
    expect(emptyCaptionsText('failed')).toBe('The bot left before anything was transcribed.');
  });

  it('reports unreadable updates calmly', () => {
    expect(rejectedFramesText(0)).toMatch(/Every live update/);
    expect(rejectedFramesText(1)).toMatch(/^1 live update .* was skipped/);
    expect(rejectedFramesText(3)).toMatch(/^3 live updates .* were skipped/);
  });

  it('knows whether a meeting ever had the bot in it', () => {
    const meeting = (status: TrackedMeetingView['status'], history: TrackedMeetingView['status'][]) => ({
      status,
      history: history.map((s, i) => ({ status: s, at: T0 + i })),
    });
    expect(hasBeenLive(meeting('active', ['joining', 'active']))).toBe(true);
    expect(hasBeenLive(meeting('completed', ['joining', 'active', 'completed']))).toBe(true);
    expect(hasBeenLive(meeting('failed', ['joining', 'awaiting_admission', 'failed']))).toBe(false);
  });
});

describe('caption announcements', () => {
  const line = (speaker: string | null, text: string) => ({ speaker, text });

  it('reads one line with its speaker, and several as a count with the latest', () => {
    expect(captionAnnouncement([line('Maya', 'Morning both.')])).toBe('Maya: Morning both.');
    expect(captionAnnouncement([line('Maya', 'One.'), line(null, 'Two.')])).toBe('2 new captions. Latest, Unknown speaker: Two.');
    expect(captionAnnouncement([])).toBeNull();
    expect(captionAnnouncement([line('Maya', 'word '.repeat(100))])!.length).toBeLessThan(220);
  });

  function harness(intervalMs = 5_000) {
    let now = 0;
    const said: string[] = [];
    const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
    const announcer = createCaptionAnnouncer({
      announce: (m) => said.push(m),
      now: () => now,
      schedule: (fn, ms) => {
        const t = { at: now + ms, fn, cancelled: false };
        timers.push(t);
        return () => (t.cancelled = true);
      },
      intervalMs,
    });
    const advance = (ms: number) => {
      now += ms;
      for (const t of timers.splice(0)) {
        if (t.cancelled) continue;
        if (t.at <= now) t.fn();
        else timers.push(t);
      }
    };
    return { announcer, said, advance };
  }

  it('speaks at once, then at most once per interval, summarising what came in between', () => {
    const { announcer, said, advance } = harness();
    announcer.push([line('Maya', 'One.')]);
    expect(said).toEqual(['Maya: One.']);
    advance(1_000);
    announcer.push([line('Daniel', 'Two.')]);
    advance(1_000);
    announcer.push([line('Priya', 'Three.')]);
    expect(said).toHaveLength(1);
    advance(3_000);
    expect(said).toEqual(['Maya: One.', '2 new captions. Latest, Priya: Three.']);
    advance(10_000);
    announcer.push([line('Maya', 'Four.')]);
    expect(said.at(-1)).toBe('Maya: Four.');
  });

  it('says nothing more once disposed', () => {
    const { announcer, said, advance } = harness();
    announcer.push([line('Maya', 'One.')]);
    announcer.push([line('Maya', 'Two.')]);
    announcer.dispose();
    advance(10_000);
    expect(said).toEqual(['Maya: One.']);
  });
});

describe('overlay route and text', () => {
  it('recognises the overlay window route and nothing else', () => {
    expect(overlayRoute('#/overlay/42')).toEqual({ meetingId: 42, serverId: null });
    expect(overlayRoute('#/overlay/42/')).toEqual({ meetingId: 42, serverId: null });
    expect(overlayRoute('#/overlay/42/https%3A%2F%2Fa.example')).toEqual({ meetingId: 42, serverId: 'https://a.example' });
    expect(overlayRoute('')).toBeNull();
    expect(overlayRoute('#token=abc')).toBeNull();
    expect(overlayRoute('#/overlay/abc')).toBeNull();
    expect(overlayRoute('#/overlay/9999999999999999999')).toBeNull();
  });

  it('keeps the newest words of a long caption, cut at a word', () => {
    expect(tailText('short line', 40)).toBe('short line');
    const source = 'the beginning of a very long caption that ends with these words';
    const cut = tailText(source, 30);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('these words')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(31);
    expect(source.split(' ')).toContain(cut.slice(1).split(' ')[0]);
  });
});
