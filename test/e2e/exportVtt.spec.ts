import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/test';
import { exportTranscript } from '../../electron/core/export/index';
import { HOSTILE_SPEAKER, hostileTranscript, LONG_TEXT, TEXTS } from '../fixtures/export/hostile';

// The WebVTT export loaded by Chromium as a <track> of a <video>, its cues read back through the
// TextTrack API: the browser's own parser is the judge of the format.

const PAGE =
  '<!doctype html><meta charset="utf-8"><video id="v" preload="none"><track id="t" kind="captions" srclang="en" label="Transcript" src="/transcript.vtt"></video>';

interface ReadCue {
  id: string;
  start: number;
  end: number;
  text: string;
  /** What a viewer sees, from getCueAsHTML(). */
  shown: string;
  voice: string | null;
}

// The node tsconfig has no DOM library: just what the page function touches, typed here.
interface PageCue {
  id: string;
  startTime: number;
  endTime: number;
  text: string;
  getCueAsHTML(): { textContent: string | null; querySelector(selector: string): { getAttribute(name: string): string | null } | null };
}
interface PageTrack {
  readyState: number;
  addEventListener(type: 'load' | 'error', listener: () => void): void;
  track: { mode: string; cues: ArrayLike<PageCue> | null };
}

let server: Server;
let base = '';
let vtt = '';

test.beforeAll(async () => {
  vtt = await exportTranscript(hostileTranscript(), 'vtt');
  server = createServer((req, res) => {
    if (req.url === '/transcript.vtt') {
      res.writeHead(200, { 'Content-Type': 'text/vtt; charset=utf-8' });
      res.end(vtt);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('Chromium loads every cue of the WebVTT export with its times, text and voice', async ({ page }) => {
  await page.goto(`${base}/`);
  const result = await page.evaluate(async () => {
    const track = (globalThis as unknown as { document: { getElementById(id: string): PageTrack } }).document.getElementById('t');
    const loaded = new Promise<string>((resolve) => {
      track.addEventListener('load', () => resolve('loaded'));
      track.addEventListener('error', () => resolve('error'));
    });
    track.track.mode = 'hidden';
    const state = await loaded;
    const cues = Array.from(track.track.cues ?? []);
    return {
      state,
      readyState: track.readyState,
      cues: cues.map((c) => {
        const html = c.getCueAsHTML();
        const voice = html.querySelector('span[title]');
        return {
          id: c.id,
          start: c.startTime,
          end: c.endTime,
          text: c.text,
          shown: html.textContent ?? '',
          voice: voice?.getAttribute('title') ?? null,
        };
      }),
    };
  });
  expect(result.state).toBe('loaded');
  expect(result.readyState).toBe(2);

  const blocks = vtt.trimEnd().split('\n\n').slice(1);
  const cues: ReadCue[] = result.cues;
  expect(cues).toHaveLength(blocks.length);
  const stamp = (s: string): number => {
    const [h, m, rest] = s.split(':');
    return Number(h) * 3600 + Number(m) * 60 + Number(rest);
  };
  blocks.forEach((block, i) => {
    const [id, timing, ...text] = block.split('\n');
    const [from, to] = (timing ?? '').split(' --> ');
    const cue = cues[i]!;
    expect(cue.id).toBe(id);
    expect(cue.start).toBeCloseTo(stamp(from ?? ''), 3);
    expect(cue.end).toBeCloseTo(stamp(to ?? ''), 3);
    expect(cue.text).toBe(text.join('\n'));
  });

  const shownOf = (voice: string): string =>
    cues
      .filter((c) => c.voice === voice)
      .map((c) => c.shown.replace(/\n/g, ' '))
      .join(' ');
  expect(cues[0]).toMatchObject({ start: 1, end: 3, voice: 'Alice', shown: 'Hello and welcome.' });
  // Escaped markup reaches the viewer as the literal text that was said.
  expect(shownOf('Mallory')).toBe(`${TEXTS.injection} ${TEXTS.blockInjection}`);
  expect(shownOf(HOSTILE_SPEAKER.replace('-->', '→'))).toBe(TEXTS.hostileSpeakerLine);
  expect(shownOf('Bob')).toBe(LONG_TEXT);
  expect(shownOf('أحمد')).toBe(TEXTS.arabic);
  expect(shownOf('王伟').replace(/ /g, '')).toBe(TEXTS.cjk);
  expect(shownOf('Carol')).toBe(`first line second → third → fourth ${TEXTS.noAbsolute}`);
  expect(shownOf('Unknown')).toBe(TEXTS.noSpeaker);
  for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBeGreaterThanOrEqual(cues[i - 1]!.start);
});
