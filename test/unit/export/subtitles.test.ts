import SrtParser from 'srt-parser-2';
import { describe, expect, it } from 'vitest';
import { exportTranscript } from '../../../electron/core/export';
import { OWN_GRAPHEMES } from '../../../electron/core/export/cueWrap';
import { displayWidth, MAX_CUE_LINES, MAX_LINE_WIDTH, wrapLines } from '../../../electron/core/export/subtitles';
import { HOSTILE_SPEAKER, hostileTranscript, LONG_TEXT, TEXTS } from '../../fixtures/export/hostile';
import { fixtureJson } from '../../support/fixtures';
import { mulberry32 } from '../../support/random';

/** Cue texts of one speaker's segment put back together (prefix dropped, line breaks as spaces). */
function rejoin(texts: string[], prefix: string): string {
  return texts.map((t) => t.split('\n').join(' ').slice(prefix.length)).join(' ');
}

describe('SRT export read back by srt-parser-2', () => {
  it('numbers cues in time order with valid timings and speaker prefixes', async () => {
    const srt = await exportTranscript(hostileTranscript(), 'srt');
    expect(srt).toMatch(/^1\n00:00:01,000 --> 00:00:03,000\nAlice: Hello and welcome\.\n\n2\n/);
    const cues = new SrtParser().fromSrt(srt);
    expect(cues.map((c) => c.id)).toEqual(cues.map((_, i) => String(i + 1)));
    for (let i = 0; i < cues.length; i++) {
      const c = cues[i]!;
      expect(c.startTime).toMatch(/^\d\d:\d\d:\d\d,\d{3}$/);
      expect(c.endSeconds).toBeGreaterThan(c.startSeconds);
      if (i > 0) expect(c.startSeconds).toBeGreaterThanOrEqual(cues[i - 1]!.startSeconds);
      expect(c.text).not.toContain('-->');
      const lines = c.text.split('\n');
      expect(lines.length).toBeLessThanOrEqual(MAX_CUE_LINES);
      for (const line of lines) {
        expect(line.trim()).not.toBe('');
        // Only an unbreakable run (a speaker name longer than a line) may overflow.
        if (!line.startsWith(HOSTILE_SPEAKER.replace('-->', '→'))) expect(displayWidth(line)).toBeLessThanOrEqual(MAX_LINE_WIDTH);
      }
    }
    expect(cues.some((c) => c.text.includes(TEXTS.draft))).toBe(false);
  });

  it('splits a 10,000-character segment into readable cues that share its time in proportion', async () => {
    const cues = new SrtParser().fromSrt(await exportTranscript(hostileTranscript(), 'srt')).filter((c) => c.text.startsWith('Bob: '));
    expect(cues.length).toBeGreaterThan(100);
    expect(
      rejoin(
        cues.map((c) => c.text),
        'Bob: ',
      ),
    ).toBe(LONG_TEXT);
    expect(cues[0]!.startSeconds).toBe(100);
    expect(cues.at(-1)!.endSeconds).toBe(400);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.startSeconds).toBeCloseTo(cues[i - 1]!.endSeconds, 3);
    const perChar = cues.map((c) => (c.endSeconds - c.startSeconds) / c.text.length);
    expect(Math.max(...perChar) / Math.min(...perChar)).toBeLessThan(1.6);
  });

  it('never lets text break a cue: arrows, blank lines, zero and negative durations', async () => {
    const cues = new SrtParser().fromSrt(await exportTranscript(hostileTranscript(), 'srt'));
    const arrows = cues.filter((c) => c.text.startsWith('Carol: first'));
    expect(
      rejoin(
        arrows.map((c) => c.text),
        '',
      ),
    ).toBe('Carol: first line second → third → fourth');
    const injection = cues.find((c) => c.text.startsWith('Mallory: # hi'))!;
    expect(injection.startSeconds).toBe(50);
    expect(injection.endSeconds).toBeGreaterThan(50);
    const negative = cues.find((c) => c.text.startsWith('Mallory: > quoted'))!;
    expect(negative.endSeconds).toBeGreaterThan(negative.startSeconds);
    expect(cues.find((c) => c.text.includes('Who said this?'))!.text).toBe(`Unknown: ${TEXTS.noSpeaker}`);
    const cjk = cues.filter((c) => c.text.startsWith('王伟: '));
    expect(
      rejoin(
        cjk.map((c) => c.text),
        '王伟: ',
      ).replace(/ /g, ''),
    ).toBe(TEXTS.cjk);
  });

  it('round-trips a G1 transcript, with hours in every timing', async () => {
    const cues = new SrtParser().fromSrt(await exportTranscript(fixtureJson('export/g1.json'), 'srt'));
    expect(cues.map((c) => [c.startTime, c.endTime, c.text])).toEqual([
      ['00:00:00,000', '00:00:04,200', 'Alice: Morning, everyone.'],
      ['00:00:04,500', '00:00:09,000', "Bob: Let's start with the budget."],
      ['00:00:12,250', '00:00:15,000', 'Bob: Numbers first.'],
      ['00:01:05,900', '00:01:10,000', 'Unknown: Who is this?'],
      ['01:02:03,400', '01:02:07,000', 'Alice: Wrapping up after an hour.'],
    ]);
  });
});

describe('WebVTT export text', () => {
  it('writes the header, hour-long timings, voice spans and escapes', async () => {
    const vtt = await exportTranscript(hostileTranscript(), 'vtt');
    expect(vtt.startsWith('WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Alice>Hello and welcome.</v>\n\n')).toBe(true);
    expect(vtt).toContain('<v &lt;b&gt;Eve&lt;/b&gt; &amp; Co → x>Names can be hostile too.</v>');
    expect(vtt).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const cueTexts = vtt.split('\n\n').slice(1);
    for (const block of cueTexts) {
      const [, timing, ...text] = block.trimEnd().split('\n');
      expect(timing).toMatch(/^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$/);
      expect(text.join('\n')).not.toContain('-->');
      expect(text.length).toBeGreaterThan(0);
    }
    expect(await exportTranscript(hostileTranscript(), 'vtt', { speakers: false })).not.toContain('<v ');
  });
});

describe('subtitle wrapping shortcuts', () => {
  it('splits only characters that are graphemes of their own by code unit, as Intl.Segmenter would', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const own: string[] = [];
    for (let c = 0; c < 0xd800; c++) if (OWN_GRAPHEMES.test(String.fromCharCode(c))) own.push(String.fromCharCode(c));
    for (let c = 0xe000; c < 0x10000; c++) if (OWN_GRAPHEMES.test(String.fromCharCode(c))) own.push(String.fromCharCode(c));
    expect(own.length).toBeGreaterThan(40_000);
    // Each character once in a row, then random neighbours: every one stays a grapheme alone.
    const row = own.join('');
    expect([...segmenter.segment(row)].length).toBe(row.length);
    const random = mulberry32(17);
    const pairs = Array.from(
      { length: 20_000 },
      () => own[Math.floor(random() * own.length)]! + own[Math.floor(random() * own.length)]!,
    ).join('');
    expect([...segmenter.segment(pairs)].length).toBe(pairs.length);
    // Marks, joiners, jamo and variation selectors must take the general path.
    for (const ch of ['\u0301', '\u3099', '\u302A', '\u200D', '\uFE0F', '\u1100', '\u11A8', '\u0E31', '\u00AD', '\uD83D'])
      expect(OWN_GRAPHEMES.test(`a${ch}`)).toBe(false);
  });

  it('wraps plain text into the same lines as the general rule (words one space apart)', () => {
    const random = mulberry32(5);
    const words = 'a an the budget roadmap quarterly-numbers Supercalifragilisticexpialidocious x'.split(' ');
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]!).join(' ');
      const first = 10 + Math.floor(random() * 32);
      const maxFor = (i: number): number => (i % 2 === 0 ? first : 42);
      // A doubled space sends the same words through the general rule.
      const general = wrapLines(text.replace(' ', '  '), maxFor);
      expect(wrapLines(text, maxFor)).toEqual(general);
      for (const [i, line] of general.lines.entries()) expect(general.widths[i]).toBe(displayWidth(line));
    }
  });
});
