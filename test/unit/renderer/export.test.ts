import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS } from '../../../electron/core/export/types';
import { DEFAULT_LINK_PROMPT, promptFor } from '../../../electron/core/share/handoff';
import {
  buildExportOptions,
  copiedMessage,
  DEFAULT_EXPORT_FORM,
  expiryCountdown,
  formatClockTime,
  handoffMessage,
  parseClockTime,
  previewNote,
  promptWarning,
  refFromTracked,
  savedMessage,
  shareMenuLabel,
  shareMode,
  type ExportForm,
} from '../../../renderer/features/export/describe';
import { DEFAULT_AI_PROMPT, EXPORT_FORMAT_CHOICES } from '../../../renderer/features/export/formats';

const form = (patch: Partial<ExportForm> = {}): ExportForm => ({ ...DEFAULT_EXPORT_FORM, ...patch });

describe('the formats the export dialog lists', () => {
  it('are the core’s seven formats, in its order, with its labels and extensions', () => {
    expect(EXPORT_FORMAT_CHOICES.map((f) => f.id)).toEqual([...EXPORT_FORMAT_IDS]);
    for (const choice of EXPORT_FORMAT_CHOICES) {
      const core = EXPORT_FORMATS[choice.id];
      expect({ label: choice.label, extension: choice.extension, binary: choice.binary }).toEqual({
        label: core.label,
        extension: core.extension,
        binary: core.binary,
      });
      expect(choice.description.length).toBeGreaterThan(20);
    }
  });

  it('say that a Word or PDF preview is the text of the pages', () => {
    expect(previewNote('docx')).toMatch(/Word document/);
    expect(previewNote('pdf')).toMatch(/PDF/);
    expect(previewNote('txt')).toBeNull();
  });
});

describe('times typed for the part of the meeting to export', () => {
  it('reads minutes and seconds, hours past an hour, and whole minutes', () => {
    expect(parseClockTime('12:30')).toBe(750);
    expect(parseClockTime(' 0:05 ')).toBe(5);
    expect(parseClockTime('1:05:00')).toBe(3900);
    expect(parseClockTime('90:00')).toBe(5400);
    expect(parseClockTime('5')).toBe(300);
    expect(parseClockTime('0:01.5')).toBe(1.5);
  });

  it('refuses what it would have to guess at', () => {
    for (const text of ['', '2:7x', '1:75', '1:60:00', 'ten', '-1:00', '1::00']) expect(parseClockTime(text), text).toBeNull();
  });

  it('writes times back the way they are typed', () => {
    expect(formatClockTime(5)).toBe('00:05');
    expect(formatClockTime(750.9)).toBe('12:30');
    expect(formatClockTime(3900)).toBe('1:05:00');
  });
});

describe('export options from the dialog', () => {
  it('sends clock times in this computer’s zone, speakers on, drafts off and chat kept by default', () => {
    expect(buildExportOptions(form(), 'Europe/Berlin')).toEqual({
      ok: true,
      options: { timestamps: 'wall-clock', timeZone: 'Europe/Berlin', speakers: true, includeDrafts: false, includeChat: true },
    });
    expect(buildExportOptions(form({ includeChat: false }), undefined)).toMatchObject({ options: { includeChat: false } });
  });

  it('leaves the time choice out for subtitles, which always count from the start', () => {
    const built = buildExportOptions(form({ format: 'srt', timestamps: 'wall-clock' }), undefined);
    expect(built.ok && built.options.timestamps).toBeUndefined();
  });

  it('turns a from–to range into seconds, an empty end meaning the end of the meeting', () => {
    const both = buildExportOptions(form({ from: '1:00', to: '2:30' }), undefined);
    expect(both.ok && both.options.range).toEqual({ from: 60, to: 150 });
    const open = buildExportOptions(form({ from: '10:00' }), undefined);
    expect(open.ok && open.options.range?.from).toBe(600);
    expect(open.ok && open.options.range!.to).toBeGreaterThan(1e9);
    const start = buildExportOptions(form({ to: '5:00' }), undefined);
    expect(start.ok && start.options.range).toEqual({ from: 0, to: 300 });
  });

  it('points at the field that is wrong, with a sentence', () => {
    expect(buildExportOptions(form({ from: 'soon' }), undefined)).toMatchObject({
      ok: false,
      field: 'from',
      message: expect.stringMatching(/minutes and seconds/),
    });
    expect(buildExportOptions(form({ from: '5:00', to: '4:00' }), undefined)).toEqual({
      ok: false,
      field: 'to',
      message: 'The end must come after the start.',
    });
  });
});

describe('sharing', () => {
  it('offers a public link where the server makes them, a token on G3, and says when it can do neither', () => {
    expect(shareMode({ publicShareLinks: true, shareTokens: false })).toBe('public-url');
    expect(shareMode({ publicShareLinks: false, shareTokens: true })).toBe('capability-token');
    expect(shareMode({ publicShareLinks: false, shareTokens: false })).toBe('none');
    expect(shareMode(null)).toBe('none');
    expect(shareMenuLabel('public-url')).toBe('Share link…');
    expect(shareMenuLabel('capability-token')).toBe('Share with a Vexa user…');
  });

  it('counts down to the expiry, in minutes and seconds under an hour', () => {
    const now = Date.UTC(2026, 5, 1, 12, 0, 0);
    expect(expiryCountdown(now + 15 * 60_000, now)).toEqual({ text: 'Expires in 15:00', expired: false });
    expect(expiryCountdown(now + 59_500, now)).toEqual({ text: 'Expires in 01:00', expired: false });
    expect(expiryCountdown(now + 24 * 3_600_000 - 60_000, now)).toEqual({ text: 'Expires in 23 h 59 min', expired: false });
    expect(expiryCountdown(now, now)).toEqual({ text: 'Expired', expired: true });
    expect(expiryCountdown(null, now)).toBeNull();
  });
});

describe('meetings as transcript references', () => {
  it('takes a followed meeting’s native id', () => {
    const tracked = {
      id: 3,
      platform: 'google_meet',
      nativeId: 'abc-defg-hij',
      name: 'Standup',
      meetingUrl: null,
      status: 'active' as const,
      since: 0,
      history: [],
      completionReason: null,
      failureStage: null,
      outcome: null,
      serverId: 'https://a.example',
    };
    expect(refFromTracked(tracked)).toEqual({
      meetingId: 3,
      platform: 'google_meet',
      nativeMeetingId: 'abc-defg-hij',
      serverId: 'https://a.example',
    });
  });
});

describe('what the person is told', () => {
  it('names the file or the path, and the paste step when the transcript went to the clipboard', () => {
    expect(savedMessage({ mode: 'saved', path: '/home/me/Standup 2026-06-01.pdf' })).toBe('Saved to /home/me/Standup 2026-06-01.pdf');
    expect(savedMessage({ mode: 'download', fileName: 'Standup 2026-06-01.vtt' })).toBe('Downloaded Standup 2026-06-01.vtt');
    // Made from the lines on this computer while the server was out of reach: said every time.
    expect(savedMessage({ mode: 'download', fileName: 'Standup 2026-06-01.vtt', partial: true })).toBe(
      'Downloaded Standup 2026-06-01.vtt. The server cannot be reached, so this holds only the lines on this computer.',
    );
    expect(copiedMessage('markdown', true)).toBe(
      'Copied the transcript as Markdown. The server cannot be reached, so this holds only the lines on this computer.',
    );
    expect(copiedMessage('text')).toBe('Copied the transcript as text');
    expect(handoffMessage('claude', 'clipboard', true)).toBe(
      'The transcript is on your clipboard — paste it into Claude. The server cannot be reached, so this holds only the lines on this computer.',
    );
    expect(handoffMessage('perplexity', 'clipboard')).toBe('The transcript is on your clipboard — paste it into Perplexity');
    expect(handoffMessage('claude', 'link')).toMatch(/^Opened Claude/);
    // A prompt too long for the tool's link is pasted, and the person learns how to avoid the step.
    expect(handoffMessage('perplexity', 'prompt')).toBe(
      'Your prompt is too long to open Perplexity with, so it is on your clipboard with the link to the transcript — paste it into Perplexity. A shorter prompt in Settings goes in directly.',
    );
  });

  it('warns about a prompt template exactly where the core would change it', () => {
    expect(DEFAULT_AI_PROMPT).toBe(DEFAULT_LINK_PROMPT);
    expect(promptWarning(DEFAULT_AI_PROMPT)).toBeNull();
    const noUrl = 'Summarise this meeting';
    expect(promptWarning(noUrl)).toMatch(/added at the end/);
    expect(promptFor(noUrl, 'https://x.test/t.txt')).toBe('Summarise this meeting https://x.test/t.txt');
    expect(promptWarning('  ')).toMatch(/default/);
    expect(promptFor('  ', 'https://x.test/t.txt')).toBe(DEFAULT_LINK_PROMPT.replace('{url}', 'https://x.test/t.txt'));
  });
});
