import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Core, CoreOptions } from '../../../electron/core/app';
import { createCore } from '../../../electron/core/createCore';
import { createFileLogger } from '../../../electron/core/logger';
import type { Resolver } from '../../../electron/core/net/guardedLookup';
import type { LoginItems } from '../../../electron/core/desktop/ports';
import type { SecretStore } from '../../../electron/core/ports';
import { createFileSecretStore, createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { createHarnessPorts, type HarnessPorts } from '../../../electron/harness/harnessPorts';
import { startHarness } from '../../../electron/harness/harnessServer';
import { createPageClipboard } from '../../../electron/harness/pageClipboard';
import { startSimulator, type SimProfile, type SimScenario, type Simulator } from '../../../electron/simulator';
import { HARNESS_EXPORT_WORKER } from '../../../electron/harness/exportWorker';
import { sourceLaunch } from '../../../electron/mcp/launch';
import { noteAppClosed } from './appClosing';

export interface LaunchOptions {
  profile?: SimProfile;
  apiKey?: string;
  scenario?: SimScenario;
  /** Keys on disk without encryption, so the "no keychain" choice can be exercised. */
  persistKeys?: boolean;
  /** Reuse a data folder (to test restarts); a fresh temp folder otherwise. */
  dataDir?: string;
  timeScale?: number;
  /** Overrides the key store (integration tests pass a file store with a fake keychain). */
  secrets?: SecretStore;
  /**
   * Wraps the core the page talks to (the render benchmark answers `live:open` with a long
   * meeting and pushes its own `live:segments`); closing still closes the real core.
   */
  decorateCore?: (core: Core) => Core;
  /** A simulator that outlives this launch (a relaunch must find the same server); not closed by `close()`. */
  simulator?: Simulator;
  /** Every HTTP request of the core goes through this (tests record where a key was sent). */
  fetch?: typeof fetch;
  /** Resolves plain-http host names for the core (tests make a name such as `vexa.internal` mean 127.0.0.1). */
  resolveHost?: Resolver;
  /** The simulator's admin key (the admin API answers 500 "not configured" without one). */
  adminKey?: string;
  /** The live connection's pace; tests get quick reconnects unless they need to see one waiting. */
  live?: { pollMs?: number; backoffBaseMs?: number; backoffMaxMs?: number };
  /** The simulator's seeded meetings (three, with transcripts); on unless turned off. */
  seed?: boolean;
  /** More servers beside the first (other generations, say), each with its own key; closed with the app. */
  extraServers?: Array<{ profile: SimProfile; scenario?: SimScenario; seed?: boolean }>;
  /** The OS's login items the core sees (tests pass `fakeLoginItems`); a browser session has none. */
  loginItems?: LoginItems;
  /** The updater behind Settings → Updates (test/e2e/support/fakeUpdater.ts); none: the app never updates itself. */
  updates?: CoreOptions['updates'];
  /** The core copies to the page's own clipboard, as `npm run web` does (test/e2e/browserPromises.spec.ts). */
  browserClipboard?: boolean;
  /** Serve on this port (a restart on the same address). */
  port?: number;
  /**
   * Scheduled bots and their reminders count by the simulator's clock, which runs `timeScale`
   * times faster, as the real app counts by a clock the server shares.
   */
  simulatorClock?: boolean;
}

/** A further simulator started beside the first one, with the key it accepts. */
export interface ExtraServer {
  simulator: Simulator;
  url: string;
  apiKey: string;
  profile: SimProfile;
}

export interface LaunchedApp {
  url: string;
  simulatorUrl: string;
  simulator: Simulator;
  apiKey: string;
  dataDir: string;
  logsDir: string;
  ports: HarnessPorts;
  /** The real core behind the harness (a second transport, such as the Electron binding, can serve it too). */
  core: Core;
  /** Every frame the core sent to the renderer. */
  outgoing: string[];
  /** The servers of `extraServers`, in that order. */
  extra: ExtraServer[];
  close(options?: { keepData?: boolean }): Promise<void>;
}

export const RENDERER_DIR = resolve(import.meta.dirname, '..', '..', '..', 'dist', 'renderer');

/** A simulator in the given profile plus a fresh core and harness on temp folders. */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const apiKey = options.apiKey ?? `vxa_tx_${randomBytes(16).toString('hex')}`;
  const simulatorFor = (key: string, profile: SimProfile, scenario: SimScenario, seed: boolean, adminKey?: string) =>
    startSimulator({
      profile,
      port: 0,
      apiKeys: [{ key, scopes: ['bot', 'tx'], email: 'tester@example.com' }],
      scenario,
      timeScale: options.timeScale ?? 20,
      seed,
      // The core below polls every 200 ms while its socket is down, far above G2's 120 requests a
      // minute; the limiter has its own tests (test/integration/simulator/realServersRest.test.ts).
      rateLimitPerMinute: 0,
      ...(adminKey ? { adminKey } : {}),
    });
  const simulator =
    options.simulator ??
    (await simulatorFor(apiKey, options.profile ?? 'g3', options.scenario ?? 'normal', options.seed ?? true, options.adminKey));
  const extra: ExtraServer[] = [];
  for (const server of options.extraServers ?? []) {
    const key = `vxa_tx_${randomBytes(16).toString('hex')}`;
    const sim = await simulatorFor(key, server.profile, server.scenario ?? 'normal', server.seed ?? true);
    extra.push({ simulator: sim, url: sim.url, apiKey: key, profile: server.profile });
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vexa-e2e-'));
  const logsDir = join(dataDir, 'logs');
  const logger = createFileLogger({ dir: logsDir });
  // The browser's clipboard where a test asks for it; elsewhere a recording one the tests read back.
  const pageClipboard = options.browserClipboard ? createPageClipboard() : null;
  const ports = createHarnessPorts({
    logger,
    launchBrowser: false,
    recordShortcuts: true,
    ...(pageClipboard ? { clipboard: pageClipboard.port } : {}),
    ...(options.loginItems ? { loginItems: options.loginItems } : {}),
  });
  const secrets =
    options.secrets ??
    (options.persistKeys ? createFileSecretStore({ file: join(dataDir, 'keys.json'), cipher: null }) : createMemorySecretStore());
  const core = await createCore({
    transport: 'web',
    version: '0.0.0-test',
    os: process.platform,
    paths: { data: dataDir, logs: logsDir },
    secrets,
    logger,
    demo: { timeScale: options.timeScale ?? 20 },
    // Statuses while the socket is down and reconnects come quickly in tests.
    live: { pollMs: 200, backoffBaseMs: 50, backoffMaxMs: 500, ...options.live },
    exportWorker: HARNESS_EXPORT_WORKER,
    mcp: sourceLaunch({ root: resolve(import.meta.dirname, '..', '..', '..'), dataDir, platform: process.platform }),
    ...(options.simulatorClock
      ? {
          planningClock: {
            now: () => simulator.now(),
            setTimeout: (fn: () => void, ms: number) => {
              const handle = setTimeout(fn, ms / (options.timeScale ?? 20));
              return { cancel: () => clearTimeout(handle) };
            },
          },
        }
      : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
    ...(options.updates ? { updates: options.updates } : {}),
    ...ports,
  });
  const outgoing: string[] = [];
  const served = options.decorateCore ? options.decorateCore(core) : core;
  const harness = await startHarness({
    core: served,
    rendererDir: RENDERER_DIR,
    onOutgoing: (f) => outgoing.push(f),
    pageAlerts: ports.pageAlerts,
    ...(options.port ? { port: options.port } : {}),
    ...(pageClipboard ? { pageClipboard } : {}),
  });
  return {
    url: harness.url,
    simulatorUrl: simulator.url,
    simulator,
    apiKey,
    dataDir,
    logsDir,
    ports,
    core,
    outgoing,
    extra,
    async close({ keepData = false } = {}) {
      noteAppClosed();
      await harness.close();
      await core.close();
      if (!options.simulator) await simulator.close();
      for (const server of extra) await server.simulator.close();
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
