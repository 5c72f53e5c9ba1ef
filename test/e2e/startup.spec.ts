import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { launchApp, type LaunchedApp } from './support/app';

/**
 * The first screen of the browser version paints from the state the core sends as soon as the
 * page's socket opens (electron/harness/harnessServer.ts `state=push`), and the page asks for its
 * state once while it starts, not twice.
 */

let app: LaunchedApp | null = null;

test.afterEach(async () => {
  await app?.close();
  app = null;
});

interface Frames {
  sent: string[];
  received: string[];
}

function recordFrames(page: Page): Frames {
  const frames: Frames = { sent: [], received: [] };
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => frames.sent.push(String(f.payload)));
    ws.on('framereceived', (f) => frames.received.push(String(f.payload)));
  });
  return frames;
}

const channel = (frame: string): string | undefined => (JSON.parse(frame) as { channel?: string }).channel;

test('the first screen comes from the state the core sends first, asked for once', async ({ page }) => {
  const frames = recordFrames(page);
  app = await launchApp();
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Vexa Companion' })).toBeVisible();
  const first = JSON.parse(frames.received[0]!) as { event?: string; payload?: { version?: string } };
  expect(first.event).toBe('app:state');
  expect(first.payload?.version).toEqual(expect.any(String));
  // Settled: whatever the start asks for has been asked.
  await expect.poll(() => frames.received.length).toBeGreaterThan(3);
  expect(frames.sent.map(channel).filter((c) => c === 'app:getState')).toHaveLength(1);
  expect(frames.sent.map(channel).filter((c) => c === 'bots:tracked')).toHaveLength(1);
});
