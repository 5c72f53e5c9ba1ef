import { chromium, type Page } from 'playwright-core';
import e2eConfig from '../e2e/playwright.config';
import { launchApp, type LaunchedApp } from '../e2e/support/app';
import { emit } from './bench';
import { pause } from '../support/waitFor';
import { mulberry32 } from '../support/random';

/**
 * The live captions view in Chromium, measured on the user's whole path: the real renderer
 * (dist/renderer, so run `vite build` first) served by the real harness and core, with the
 * simulator as the Vexa server. The simulator holds three followed meetings of 10,000 confirmed
 * lines each (bots waiting in the lobby: followed, saying nothing of their own).
 *
 * - `render.open_10k_ms`: click "Open live captions" on a meeting's tile until the first caption
 *   turn is painted (a frame after it is in the DOM). The click goes through the real `live:open`:
 *   the core's first read of the transcript from the server over REST, its merge and snapshot,
 *   the snapshot over the harness's WebSocket, the captions store and the virtualized list. Median
 *   of three meetings, each opened once in a freshly loaded page (the core reads each only once).
 * - `render.dom_nodes_10k`: every node in the document (elements and text) with a meeting open.
 * - Live updates: the server sends 160 frames 50 ms apart on its live socket (a new draft line,
 *   then its confirmation, as speech arrives), each carrying a token. The page records when each
 *   `live:segments` message carrying a token arrives and when the token is painted (the frame
 *   after it is in the DOM: requestAnimationFrame, then a task).
 *   `render.update_p95_ms`: message reaching the page to painted. `live.server_to_paint_p95_ms`:
 *   the server sending the frame to painted (one clock: both processes read the system's).
 *   `render.updates_missed`: frames sent whose token never painted; each counts in both
 *   percentiles as infinitely late instead of leaving them.
 */

const SEGMENTS = 10_000;
const UPDATES = 160;
const MEETINGS = 3;
const SPEAKERS = ['Maya Lindqvist', 'Daniel Okafor', 'Priya Raman'];
const WORDS = 'we could ship the picker behind a flag for the first week and turn it on once the crash rate looks clean after that'.split(
  ' ',
);

/** 10,000 confirmed lines in three speakers' turns, three seconds apart. */
function longMeeting(): Array<{ speaker: string; text: string; start: number; end: number }> {
  const next = mulberry32(7);
  const lines = [];
  let speaker = 0;
  for (let i = 0; i < SEGMENTS; i++) {
    if (next() < 0.35) speaker = (speaker + 1 + Math.floor(next() * 2)) % SPEAKERS.length;
    const words = Array.from({ length: 6 + Math.floor(next() * 20) }, () => WORDS[Math.floor(next() * WORDS.length)]);
    lines.push({ speaker: SPEAKERS[speaker]!, text: `${words.join(' ')}.`, start: i * 3, end: i * 3 + 2.5 });
  }
  return lines;
}

/** A live transcript bundle from the server: one line, a draft or confirmed. */
function liveFrame(meetingId: number, sessionStart: number, index: number, text: string, draft: boolean): string {
  const speaker = SPEAKERS[index % SPEAKERS.length]!;
  const start = index * 3;
  const segment = {
    segment_id: `bench-live:${index}`,
    speaker,
    text,
    start,
    end: start + 2.5,
    language: 'en',
    completed: !draft,
    absolute_start_time: new Date(sessionStart + start * 1000).toISOString(),
    absolute_end_time: new Date(sessionStart + (start + 2.5) * 1000).toISOString(),
  };
  return JSON.stringify({
    type: 'transcript',
    meeting: { id: meetingId },
    speaker,
    confirmed: draft ? [] : [segment],
    pending: draft ? [segment] : [],
    ts: new Date(sessionStart + (start + 2.5) * 1000).toISOString(),
  });
}

/** Now on the system clock, in ms with fractions (the page computes the same from its own origin). */
const epochNow = () => performance.timeOrigin + performance.now();

// Records when each `live:segments` message carrying a token reaches the page, before the app's
// own handler runs, and when the token is painted. Runs before the app's scripts (addInitScript).
const PAGE_PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const received = new Map();
  const painted = new Map();
  window.__renderBench = { received, painted };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.includes('"live:segments"')) return;
        const at = now();
        for (const m of event.data.matchAll(/zq(\\d+)x/g)) if (!received.has(m[0])) received.set(m[0], at);
      });
    }
  };
  const waiting = new Set();
  new MutationObserver(() => {
    if (received.size === painted.size + waiting.size) return;
    const list = document.querySelector('.caption-list');
    if (!list) return;
    const text = list.textContent;
    const shown = [];
    for (const token of received.keys()) {
      if (painted.has(token) || waiting.has(token) || !text.includes(token)) continue;
      waiting.add(token);
      shown.push(token);
    }
    if (shown.length === 0) return;
    requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = () => {
        const at = now();
        for (const token of shown) { waiting.delete(token); painted.set(token, at); }
      };
      c.port2.postMessage(0);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const OPEN_AND_WAIT_FOR_PAINT = (meetingId: number) => `new Promise((resolve) => {
  const button = document.querySelector('article[data-meeting-id="${meetingId}"] button[aria-label^="Open live captions of"]')
    ?? [...document.querySelectorAll('button[aria-label^="Open live captions of"]')].find((b) => b.closest('[data-meeting-id="${meetingId}"]'));
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

/** Sends bots to three meetings; each waits in the lobby, followed by the core. */
async function followMeetings(app: LaunchedApp, page: Page): Promise<number[]> {
  await page.getByLabel('Server URL').fill(app.simulatorUrl);
  await page.getByLabel('API key', { exact: true }).fill(app.apiKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const link = page.getByLabel('Paste a meeting link');
  const ids: number[] = [];
  for (let i = 0; i < MEETINGS; i++) {
    await link.fill(`https://meet.google.com/abc-defg-hi${String.fromCharCode(106 + i)}`);
    await link.press('Enter');
    const cards = page.locator('article[data-meeting-id]');
    await cards.nth(i).waitFor();
    const all = await cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-meeting-id'))));
    const id = all.find((x) => !ids.includes(x));
    if (id === undefined) throw new Error('the new meeting did not show');
    ids.push(id);
  }
  return ids;
}

export async function runRenderBench(): Promise<void> {
  const app = await launchApp({ profile: 'g3', scenario: 'lobby-wait', timeScale: 20 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: e2eConfig.use?.launchOptions?.args ?? ['--headless'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1180, height: 800 }, reducedMotion: 'reduce' });
    await page.addInitScript(PAGE_PROBE);
    await page.goto(app.url);
    const meetingIds = await followMeetings(app, page);
    const lines = longMeeting();
    const sessionStarts = meetingIds.map((id) => app.simulator.addConfirmed(id, lines));

    // Each meeting opened once, in a freshly loaded page: the core reads it from the server then.
    const opens: number[] = [];
    for (const id of meetingIds) {
      await page.reload();
      await toLiveScreen(page);
      opens.push((await page.evaluate(OPEN_AND_WAIT_FOR_PAINT(id))) as number);
    }
    await page.locator('.caption-turn').last().waitFor();
    const { nodes, elements } = (await page.evaluate(COUNT_NODES)) as { nodes: number; elements: number };

    // The last meeting opened is on screen; its server speaks.
    const meetingId = meetingIds[meetingIds.length - 1]!;
    const sessionStart = sessionStarts[sessionStarts.length - 1]!;
    const sent = new Map<string, number>();
    for (let n = 0; n < UPDATES; n++) {
      const index = SEGMENTS + Math.floor(n / 2);
      const draft = n % 2 === 0;
      const token = `zq${n}x`;
      const text = `${token} ${draft ? 'and the next' : 'and the next release goes out on June twelfth'}`;
      const frame = liveFrame(meetingId, sessionStart, index, text, draft);
      sent.set(token, epochNow());
      app.simulator.injectRaw(meetingId, frame);
      await pause(50);
    }
    await page.waitForFunction(`window.__renderBench.painted.size >= ${UPDATES}`, undefined, { timeout: 10_000 }).catch(() => undefined);
    const { received, painted } = (await page.evaluate(
      '({ received: [...window.__renderBench.received], painted: [...window.__renderBench.painted] })',
    )) as { received: Array<[string, number]>; painted: Array<[string, number]> };
    const receivedAt = new Map(received);
    const paintedAt = new Map(painted);
    const pageToPaint: number[] = [];
    const serverToPaint: number[] = [];
    // An update never painted counts as infinitely late: it stays in the percentiles (a p95 over
    // 5 % missed prints null) instead of leaving them.
    let missed = 0;
    let superseded = 0;
    for (const [token, at] of sent) {
      const p = paintedAt.get(token);
      const r = receivedAt.get(token);
      if (p === undefined || r === undefined) {
        missed++;
        // A draft whose confirmation reached the window before the draft was painted (one push).
        const n = Number(token.slice(2, -1));
        if (n % 2 === 0 && paintedAt.has(`zq${n + 1}x`)) superseded++;
        pageToPaint.push(Infinity);
        serverToPaint.push(Infinity);
        continue;
      }
      pageToPaint.push(p - r);
      serverToPaint.push(p - at);
    }

    emit({ name: 'render.open_10k_ms', value: +median(opens).toFixed(1), unit: 'ms', target: '< 200' });
    emit({ name: 'render.update_p95_ms', value: +percentile(pageToPaint, 95).toFixed(2), unit: 'ms', target: '< 8' });
    emit({ name: 'render.updates_missed', value: missed, unit: 'updates', target: '0' });
    emit({ name: 'live.server_to_paint_p95_ms', value: +percentile(serverToPaint, 95).toFixed(2), unit: 'ms', target: '< 30' });
    emit({ name: 'render.dom_nodes_10k', value: nodes, unit: 'nodes', target: '< 1500' });
    process.stderr.write(
      `render bench: opens ${opens.map((o) => o.toFixed(0)).join(', ')} ms; ${elements} of the ${nodes} nodes are elements; ` +
        `${sent.size} updates sent, ${sent.size - missed} painted (${superseded} of the others were drafts sent in one push with their confirmation); update medians: page ${median(pageToPaint).toFixed(1)} ms, server ${median(serverToPaint).toFixed(1)} ms\n`,
    );
    await page.close();
  } finally {
    await browser.close();
    await app.close();
  }
}
