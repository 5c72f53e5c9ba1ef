import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CACHE_FILE } from '../../electron/core/createCore';
import { startSimulator } from '../../electron/simulator';
import e2eConfig from '../e2e/playwright.config';
import { connectIpc, must } from '../support/ipcClient';
import { pause } from '../support/waitFor';
import type { CoreMemory } from './afterCore';
import { emit } from './bench';

/**
 * A very long meeting streamed through the browser version, then what is left of it once it ends.
 *
 * Method: the simulator (in this process) speaks its `long` scenario with `LINES` generated lines
 * after the planning script, each as two growing drafts and then the confirmed line (G3: every
 * fourth first heard under a provisional speaker and retracted), at `TIME_SCALE`× speed. The core
 * and its harness run alone in a child process (afterCore.ts, `--expose-gc`), so its memory is the
 * core's own. Chromium (/usr/bin/chromium) shows the built renderer (`npx vite build`) on the Live
 * screen for the whole meeting, as a person following it would.
 *
 * - `live.soak_core_rss_growth_mb`: the core's resident memory after a full collection, just after
 *   the last line was confirmed, against the same before the meeting started.
 * - `live.soak_renderer_heap_growth_mb`: the page's used JS heap after `HeapProfiler.collectGarbage`
 *   (CDP), at the same two moments.
 * - `live.soak_lines_lost`: lines the server confirmed that the library's copy of the meeting lacks.
 * - `library.open_meeting_20k_ms`: the meeting found by a search for one of its middle lines; from
 *   the click on the hit to the hit's highlighted line painted (the frame after it is laid out).
 *   Median of 3 opens (back to the results between them).
 * - `core.rss_after_meeting_growth_mb`: the core's resident memory (after a full collection) one
 *   real minute after the meeting ended, against before it started. Not time-scaled: the core's own
 *   timers (sync retries, status polls) run on the wall clock.
 * - `cache.free_pages_ratio_after_meeting`: `freelist_count / page_count` of the cache file then.
 *
 * `VEXA_SOAK_LINES` sets the generated lines (default 20,000; the meeting then lasts ~18 hours of
 * speech, ~2 minutes here); `VEXA_SOAK_LINES=80000` is the longer run.
 */

const LINES = Number(process.env.VEXA_SOAK_LINES ?? 20_000);
const TIME_SCALE = Number(process.env.VEXA_SOAK_TIME_SCALE ?? 2_000);
const AFTER_MS = Number(process.env.VEXA_AFTER_WAIT_MS ?? 60_000);
const KEY = 'vxa_tx_afterbench0123456789abcdefghijkl';
const OPENS = 3;
const mb = (n: number): number => Math.round(n * 10) / 10;

interface CoreProcess {
  url: string;
  dataDir: string;
  memory(): Promise<CoreMemory>;
  close(): Promise<void>;
}

async function startCore(): Promise<CoreProcess> {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'afterCore.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; dataDir: string }>((done, fail) => {
    child.once('message', (m) => done(m as { url: string; dataDir: string }));
    child.once('exit', (code) => fail(new Error(`the core exited (${code})`)));
  });
  return {
    ...ready,
    memory: () =>
      new Promise((done) => {
        const on = (m: { type: string } & CoreMemory) => {
          if (m.type !== 'memory') return;
          child.off('message', on);
          const { type: _type, ...memory } = m;
          done(memory);
        };
        child.on('message', on);
        child.send({ type: 'memory' });
      }),
    close: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.send({ type: 'close' });
      }),
  };
}

async function pageHeapMb(cdp: CDPSession, collect: boolean): Promise<number> {
  if (collect) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Where a CPU profile spent its time, by function (self time), for `VEXA_AFTER_PROFILE=1`. */
function topFunctions(profile: {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}): string {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = byNode.get(id)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, ms]) => `${ms.toFixed(1)} ms ${name}`)
    .join('\n  ');
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();

/** Click on the search hit naming `token` to the hit's highlighted line painted, in the page's clock. */
async function openHit(page: Page, token: string): Promise<number> {
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: token }).first().waitFor();
  // A string, not a function: the bench's compiler names functions with a helper the page lacks.
  return page.evaluate(`(async (text) => {
    const options = Array.from(document.querySelectorAll('[role="listbox"][aria-label="Search results"] [role="option"]'));
    const hit = options.find((o) => o.textContent.includes(text));
    if (!hit) throw new Error('no hit for ' + text);
    const start = performance.now();
    hit.click();
    await new Promise((done) => {
      const check = () => {
        const mark = document.querySelector('mark[data-current="true"]');
        const row = mark && mark.closest('li');
        if (mark && row && row.textContent.includes(text) && mark.getBoundingClientRect().height > 0)
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - start;
  })(${JSON.stringify(token)})`);
}

export async function runAfterBench(): Promise<void> {
  const sim = await startSimulator({
    profile: 'g3',
    port: 0,
    apiKeys: [{ key: KEY, scopes: ['bot', 'tx'], email: 'bench@example.com' }],
    scenario: 'long',
    longLines: LINES,
    timeScale: TIME_SCALE,
    seed: false,
    rateLimitPerMinute: 0,
  });
  const core = await startCore();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: e2eConfig.use?.launchOptions?.args ?? ['--headless'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1180, height: 800 }, reducedMotion: 'reduce' });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(core.url);
    await page.getByLabel('Server URL').fill(sim.url);
    await page.getByLabel('API key', { exact: true }).fill(KEY);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByLabel('Paste a meeting link').waitFor();
    const ipc = await connectIpc(core.url);

    await nav(page, 'Live');
    await pause(2_000);
    const coreBefore = await core.memory();
    const pageBefore = await pageHeapMb(cdp, true);

    const { id } = must(await ipc.invoke('bots:launch', { link: 'https://meet.google.com/abc-defg-hij' }));
    const status = async () => must(await ipc.invoke('bots:tracked')).find((m) => m.id === id)?.status;
    const samples: string[] = [];
    const started = Date.now();
    for (;;) {
      const s = await status();
      if (s === 'completed' || s === 'failed') break;
      if (Date.now() - started > 30 * 60_000) throw new Error('the meeting did not end');
      await pause(5_000);
      const m = await core.memory();
      samples.push(
        `${Math.round((Date.now() - started) / 1000)}s core ${mb(m.rssMb)} MB (heap ${mb(m.heapMb)}, external ${mb(m.externalMb)}), page ${mb(await pageHeapMb(cdp, false))} MB`,
      );
    }
    const endedAt = Date.now();
    const coreEnd = await core.memory();
    const pageEnd = await pageHeapMb(cdp, true);
    process.stderr.write(`after bench: memory while streaming\n  ${samples.join('\n  ')}\n`);
    emit({ name: 'live.soak_core_rss_growth_mb', value: mb(coreEnd.rssMb - coreBefore.rssMb), unit: 'MB', target: '< 50 MB' });
    emit({ name: 'live.soak_renderer_heap_growth_mb', value: mb(pageEnd - pageBefore), unit: 'MB', target: '< 50 MB' });

    // The library's copy, once the end-of-meeting sync has stored the whole transcript.
    const truth = sim.truth(id);
    let localId = 0;
    let held = 0;
    for (let i = 0; i < 120; i++) {
      const row = must(await ipc.invoke('library:list', {})).find((m) => m.remoteId === id);
      localId = row?.id ?? 0;
      held = row?.segmentCount ?? 0;
      if (row && row.transcript === 'complete' && held >= truth.length) break;
      await pause(1_000);
    }
    const opened = must(await ipc.invoke('library:open', { id: localId }));
    const ids = new Set(opened.segments.map((s) => s.segmentId));
    emit({ name: 'live.soak_lines_lost', value: truth.filter((t) => !ids.has(t.segment_id)).length, unit: 'lines', target: '= 0' });
    process.stderr.write(`after bench: ${truth.length} lines confirmed by the server, ${opened.segments.length} in the library\n`);

    // From a search hit to the hit's line, as a person finds a moment of a long meeting again.
    const k = Math.max(1001, Math.floor(LINES / 2));
    const token = `Point ${k}`;
    await nav(page, 'Library');
    const times: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const search = page.getByRole('combobox', { name: 'Search all meetings' });
      await search.fill(token);
      const profiling = process.env.VEXA_AFTER_PROFILE === '1' && i === 0;
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      times.push(await openHit(page, token));
      if (profiling)
        process.stderr.write(`after bench: the first open, by function\n  ${topFunctions((await cdp.send('Profiler.stop')).profile)}\n`);
      await page.getByRole('button', { name: /^Back to (library|search results)$/ }).click();
    }
    times.sort((a, b) => a - b);
    emit({ name: 'library.open_meeting_20k_ms', value: Math.round(times[Math.floor(times.length / 2)]!), unit: 'ms', target: '< 250 ms' });
    process.stderr.write(`after bench: opens at a hit ${times.map((t) => Math.round(t)).join(', ')} ms\n`);

    await pause(Math.max(0, endedAt + AFTER_MS - Date.now()));
    const coreAfter = await core.memory();
    emit({ name: 'core.rss_after_meeting_growth_mb', value: mb(coreAfter.rssMb - coreBefore.rssMb), unit: 'MB', target: '< 10 MB' });
    process.stderr.write(
      `after bench: core heap reserved before ${mb(coreBefore.heapTotalMb)} MB, at the end ${mb(coreEnd.heapTotalMb)}, a minute later ${mb(coreAfter.heapTotalMb)}\n`,
    );
    process.stderr.write(
      `after bench: core RSS (heap, external) before ${mb(coreBefore.rssMb)} MB (${mb(coreBefore.heapMb)}, ${mb(coreBefore.externalMb)}), at the end ${mb(coreEnd.rssMb)} (${mb(coreEnd.heapMb)}, ${mb(coreEnd.externalMb)}), a minute later ${mb(coreAfter.rssMb)} (${mb(coreAfter.heapMb)}, ${mb(coreAfter.externalMb)})\n`,
    );
    const split = (m: CoreMemory) =>
      `anonymous ${mb(m.anonMb ?? NaN)} (C heap ${mb(m.brkMb ?? NaN)}; JS engine pages ${mb(m.smallMapsMb ?? NaN)}, of which it counts ${mb(m.v8PhysicalMb ?? NaN)}), mapped files ${mb(m.fileMb ?? NaN)}`;
    process.stderr.write(
      `after bench: core resident set by kind: before ${split(coreBefore)}; at the end ${split(coreEnd)}; a minute later ${split(coreAfter)}\n`,
    );
    const db = new Database(join(core.dataDir, CACHE_FILE), { readonly: true });
    const free = db.pragma('freelist_count', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    emit({ name: 'cache.free_pages_ratio_after_meeting', value: Math.round((free / pages) * 1000) / 1000, unit: 'ratio', target: '< 0.2' });
    ipc.close();
  } finally {
    await browser.close();
    await core.close();
    await sim.close();
    rmSync(core.dataDir, { recursive: true, force: true });
  }
}
