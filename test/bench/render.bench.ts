import { chromium, type Page } from 'playwright-core';
import type { Core } from '../../electron/core/app';
import type { EventName } from '../../shared/ipc/contract';
import type { CaptionView, LiveDeltaView, LiveSnapshotView } from '../../shared/ipc/models';
import e2eConfig from '../e2e/playwright.config';
import { launchApp } from '../e2e/support/app';
import { emit } from './bench';
import { pause } from '../support/waitFor';
import { mulberry32 } from '../support/random';

/**
 * The live captions view in Chromium, measured on the real renderer (dist/renderer, so run
 * `vite build` first) served by the real harness and core, with the simulator as the server.
 *
 * Method: the simulator has no meeting of 10,000 lines, so the bench wraps the core the page
 * talks to (`launchApp({decorateCore})`): `live:open` for the bench meeting answers a generated
 * snapshot of 10,000 segments in three speakers' turns, and `live:segments` deltas of the same
 * shape the core pushes are emitted through the harness. Everything from the WebSocket on is the
 * app's own path: transport, captions store, turn grouping, virtualized list.
 *
 * - `render.open_10k_ms`: click "Open live captions" on the meeting's tile until the first caption
 *   turn is painted (a frame after it is in the DOM). Median of 5 cold opens (page reloaded).
 * - `render.update_p95_ms`: from the delta's WebSocket message reaching the page to its text being
 *   in the DOM (MutationObserver), over 160 deltas 50 ms apart (the core's batching interval):
 *   a new draft line, then its confirmation, as speech arrives.
 * - `render.dom_nodes_10k`: every node in the document (elements and text) with the meeting open.
 */

const SEGMENTS = 10_000;
const UPDATES = 160;
const OPENS = 5;
const T0 = Date.UTC(2026, 2, 3, 9, 0, 0);
/** Live transcripts name their server; the page does not look at it yet. */
const BENCH_SERVER = 'https://bench.example';
const SPEAKERS = ['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman'];
const WORDS = 'we could ship the picker behind a flag for the first week and turn it on once the crash rate looks clean after that'.split(
  ' ',
);

function caption(key: string, index: number, speaker: string, text: string, draft: boolean): CaptionView {
  const start = index * 3;
  return {
    key,
    segmentId: key,
    speaker,
    text,
    start,
    end: start + 2.5,
    absoluteStart: T0 + start * 1000,
    absoluteEnd: T0 + (start + 2.5) * 1000,
    language: 'en',
    completed: !draft,
    draft,
  };
}

function longMeeting(meetingId: number): LiveSnapshotView {
  const next = mulberry32(7);
  const segments: CaptionView[] = [];
  let speaker = 0;
  for (let i = 0; i < SEGMENTS; i++) {
    if (next() < 0.35) speaker = (speaker + 1 + Math.floor(next() * 2)) % SPEAKERS.length;
    const words = Array.from({ length: 6 + Math.floor(next() * 20) }, () => WORDS[Math.floor(next() * WORDS.length)]);
    segments.push(caption(`bench-${i}`, i, SPEAKERS[speaker]!, `${words.join(' ')}.`, false));
  }
  return { serverId: BENCH_SERVER, meetingId, version: SEGMENTS, segments, gaps: [], rejectedFrames: 0 };
}

/** The core the page sees: the real one, plus a long meeting and a way to push deltas for it. */
function benchCore(core: Core, meetings: Map<number, LiveSnapshotView>) {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  core.onEvent((event, payload) => {
    for (const l of listeners) l(event, payload);
  });
  const served: Core = {
    ...core,
    handlers: {
      ...core.handlers,
      'live:open': async (input) => meetings.get(input.meetingId) ?? core.handlers['live:open'](input),
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const push = (delta: LiveDeltaView) => {
    for (const l of listeners) l('live:segments', delta);
  };
  return { served, push };
}

// Records when each `live:segments` message reaches the page, before the app's own handler runs,
// and when the line it carries is in the DOM. Runs before the app's scripts (addInitScript).
const PAGE_PROBE = `(() => {
  const received = new Map();
  const results = [];
  window.__renderBench = { results };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.includes('"live:segments"')) return;
        const token = /zq(\\d+)x/.exec(event.data);
        if (token) received.set(token[0], performance.now());
      });
    }
  };
  new MutationObserver(() => {
    if (received.size === 0) return;
    const list = document.querySelector('.caption-list');
    if (!list) return;
    const text = list.textContent;
    for (const [token, at] of received) {
      if (text.includes(token)) {
        results.push(performance.now() - at);
        received.delete(token);
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const OPEN_AND_WAIT_FOR_PAINT = `new Promise((resolve) => {
  const button = document.querySelector('button[aria-label^="Open live captions of"]');
  const t0 = performance.now();
  const painted = () => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now() - t0); c.port2.postMessage(0); });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.caption-turn')) return;
    observer.disconnect();
    painted();
  });
  observer.observe(document.body, { subtree: true, childList: true });
  button.click();
})`;

const COUNT_NODES = `(() => {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let nodes = 1;
  while (walker.nextNode()) nodes++;
  return { nodes, elements: document.getElementsByTagName('*').length };
})()`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function toLiveScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Live/ }).click();
  await page.locator('button[aria-label^="Open live captions of"]').first().waitFor();
}

export async function runRenderBench(): Promise<void> {
  const meetings = new Map<number, LiveSnapshotView>();
  let push: (delta: LiveDeltaView) => void = () => undefined;
  // A bot waiting in the lobby is followed by the core but speaks no lines of its own.
  const app = await launchApp({
    profile: 'g3',
    scenario: 'lobby-wait',
    timeScale: 20,
    decorateCore: (core) => {
      const bench = benchCore(core, meetings);
      push = bench.push;
      return bench.served;
    },
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: e2eConfig.use?.launchOptions?.args ?? ['--headless'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1180, height: 800 }, reducedMotion: 'reduce' });
    await page.addInitScript(PAGE_PROBE);
    await page.goto(app.url);
    await page.getByLabel('Server URL').fill(app.simulatorUrl);
    await page.getByLabel('API key', { exact: true }).fill(app.apiKey);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const link = page.getByLabel('Paste a meeting link');
    await link.fill('https://meet.google.com/abc-defg-hij');
    await link.press('Enter');
    const card = page.locator('article[data-meeting-id]');
    await card.waitFor();
    const meetingId = Number(await card.getAttribute('data-meeting-id'));
    meetings.set(meetingId, longMeeting(meetingId));

    const opens: number[] = [];
    for (let run = 0; run < OPENS; run++) {
      if (run > 0) await page.reload();
      await toLiveScreen(page);
      opens.push((await page.evaluate(OPEN_AND_WAIT_FOR_PAINT)) as number);
    }
    await page.locator('.caption-turn').last().waitFor();
    const { nodes, elements } = (await page.evaluate(COUNT_NODES)) as { nodes: number; elements: number };

    let version = SEGMENTS;
    for (let n = 0; n < UPDATES; n++) {
      const index = SEGMENTS + Math.floor(n / 2);
      const draft = n % 2 === 0;
      const words = draft ? 'and the next' : 'and the next release goes out on June twelfth';
      const text = `zq${n}x ${words}`;
      push({
        serverId: BENCH_SERVER,
        meetingId,
        version: ++version,
        upserted: [caption(`bench-live-${index}`, index, SPEAKERS[index % 3]!, text, draft)],
        removed: [],
      });
      await pause(50);
    }
    await page.waitForFunction(`window.__renderBench.results.length >= ${UPDATES}`, undefined, { timeout: 10_000 }).catch(() => undefined);
    const updates = (await page.evaluate('window.__renderBench.results')) as number[];

    emit({ name: 'render.open_10k_ms', value: +median(opens).toFixed(1), unit: 'ms', target: '< 200' });
    emit({ name: 'render.update_p95_ms', value: +percentile(updates, 95).toFixed(2), unit: 'ms', target: '< 8' });
    emit({ name: 'render.dom_nodes_10k', value: nodes, unit: 'nodes', target: '< 1500' });
    process.stderr.write(`render bench: ${elements} of the ${nodes} nodes are elements\n`);
    if (updates.length < UPDATES)
      process.stderr.write(`render bench: ${UPDATES - updates.length} of ${UPDATES} updates were not seen in the DOM\n`);
    await page.close();
  } finally {
    await browser.close();
    await app.close();
  }
}
