import { _electron as electron, test as base, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_FILE } from '../../electron/core/logger';
import { startSimulator, type SimProfile, type SimScenario, type Simulator } from '../../electron/simulator';
import { electronArgs, electronRequired, locateElectron, MISSING_ELECTRON_REASON, projectRoot } from './electronBinary';

/**
 * One fixture for every Electron spec: a temp data folder per test, the app launched on it with
 * the end-to-end hooks on, simulators on 127.0.0.1, and on failure a screenshot of every window,
 * the main process's output and the app's log. Apps, stray processes, simulators and the folder
 * are always cleaned up.
 */

export const binary = locateElectron();

export interface DesktopApp {
  readonly app: ElectronApplication;
  /** The main window as first opened. */
  readonly window: Page;
  /** Main-process console, the process's stdout and stderr, and the windows' console, in order. */
  readonly output: string[];
}

export interface TestServer {
  readonly url: string;
  readonly apiKey: string;
  readonly simulator: Simulator;
}

export interface ServerOptions {
  profile?: SimProfile;
  scenario?: SimScenario;
  /** Simulated seconds per wall-clock second. */
  timeScale?: number;
  apiKey?: string;
}

export interface Desktop {
  /** This test's VEXA_COMPANION_DATA_DIR: settings.json, keys.json, the cache and logs/. */
  readonly dataDir: string;
  /** Launches the app on the data folder; `args` are extra command-line switches. */
  launch(options?: { args?: string[] }): Promise<DesktopApp>;
  /** Starts the app a second time on the same folder without Playwright, as a user (or a clicked link) would; `args` follow the app folder. */
  startAgain(options?: { args?: string[] }): { exitCode: Promise<number | null> };
  /** Launches the app where it may open no window (started at login, hidden in the tray). */
  launchWithoutWindow(options?: { args?: string[] }): Promise<Omit<DesktopApp, 'window'>>;
  /** A simulator with its own key and the seeded library of three past meetings. */
  startServer(options?: ServerOptions): Promise<TestServer>;
  /** logs/companion.log, or '' before the app wrote it. */
  readLog(): string;
}

/** The app's environment: this test's data folder, the hooks, never Node mode. */
function appEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  // Set in some shells and CI images; it would make Electron run as plain Node.
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, VEXA_COMPANION_DATA_DIR: dataDir, VEXA_COMPANION_E2E: '1' };
}

function collectOutput(app: ElectronApplication): string[] {
  const output: string[] = [];
  app.on('console', (m) => output.push(`[main console.${m.type()}] ${m.text()}`));
  app.context().on('console', (m) => output.push(`[window ${m.page()?.url() ?? '?'} console.${m.type()}] ${m.text()}`));
  app.context().on('weberror', (e) => output.push(`[window uncaught] ${e.error().message}`));
  const child = app.process();
  child.stdout?.on('data', (d: Buffer) => output.push(`[stdout] ${d.toString().trimEnd()}`));
  child.stderr?.on('data', (d: Buffer) => output.push(`[stderr] ${d.toString().trimEnd()}`));
  return output;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);

async function attachEvidence(testInfo: TestInfo, apps: DesktopApp[], logFile: string): Promise<void> {
  for (const [n, launched] of apps.entries()) {
    await testInfo.attach(`app ${n + 1} output`, { body: launched.output.join('\n'), contentType: 'text/plain' });
    for (const [w, page] of launched.app.windows().entries()) {
      // A hidden window paints no frames, so its screenshot may never come.
      const shot = await withTimeout(
        page.screenshot({ timeout: 5_000 }).catch(() => undefined),
        6_000,
      );
      if (shot) await testInfo.attach(`app ${n + 1} window ${w + 1} (${page.url()})`, { body: shot, contentType: 'image/png' });
    }
  }
  if (existsSync(logFile)) await testInfo.attach('companion.log', { path: logFile, contentType: 'text/plain' });
}

async function closeApp(app: ElectronApplication): Promise<void> {
  // close() quits the app (the core closes first); a hung quit must not hold the run.
  const closed = await withTimeout(
    app.close().then(
      () => true,
      () => true,
    ),
    20_000,
  );
  if (!closed) app.process().kill();
}

export const test = base.extend<{ desktop: Desktop }>({
  desktop: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vexa-electron-e2e-'));
    const logFile = join(dataDir, 'logs', LOG_FILE);
    const apps: DesktopApp[] = [];
    // Every process launched, even one whose window never came, is closed at the end.
    const launchedApps: ElectronApplication[] = [];
    const strays: ChildProcess[] = [];
    const servers: Simulator[] = [];

    const desktop: Desktop = {
      dataDir,
      async launchWithoutWindow({ args = [] } = {}) {
        if (binary === null) throw new Error(MISSING_ELECTRON_REASON);
        const app = await electron.launch({ executablePath: binary, args: electronArgs(args), cwd: projectRoot, env: appEnv(dataDir) });
        launchedApps.push(app);
        return { app, output: collectOutput(app) };
      },
      async launch({ args = [] } = {}) {
        const { app, output } = await desktop.launchWithoutWindow({ args });
        const launched: DesktopApp = { app, output, window: await app.firstWindow() };
        apps.push(launched);
        await launched.window.waitForLoadState('domcontentloaded');
        return launched;
      },
      startAgain({ args = [] } = {}) {
        if (binary === null) throw new Error(MISSING_ELECTRON_REASON);
        const child = spawn(binary, electronArgs(args, { spawnedByHand: true }), {
          cwd: projectRoot,
          env: appEnv(dataDir),
          stdio: 'ignore',
        });
        strays.push(child);
        const exitCode = new Promise<number | null>((resolve, reject) => {
          child.once('exit', (code) => resolve(code));
          child.once('error', reject);
        });
        return { exitCode };
      },
      async startServer({ profile = 'g3', scenario = 'lobby-wait', timeScale = 20, apiKey } = {}) {
        const key = apiKey ?? `vxa_tx_${randomBytes(16).toString('hex')}`;
        const simulator = await startSimulator({
          profile,
          port: 0,
          apiKeys: [{ key, scopes: ['bot', 'tx'], email: 'tester@example.com' }],
          scenario,
          timeScale,
          seed: true,
        });
        servers.push(simulator);
        return { url: simulator.url, apiKey: key, simulator };
      },
      readLog: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    };

    await use(desktop);

    if (testInfo.status !== testInfo.expectedStatus) await attachEvidence(testInfo, apps, logFile);
    for (const app of launchedApps) await closeApp(app);
    for (const child of strays) if (child.exitCode === null && child.signalCode === null) child.kill();
    for (const simulator of servers) await simulator.close().catch(() => undefined);
    // Windows keeps a file locked for a moment after the process that held it exits.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  },
});

/**
 * The first line of every describe: its tests are skipped, counted as skipped and explained where
 * Electron is absent, unless REQUIRE_ELECTRON_E2E=1, where they run and fail at launch.
 */
export function requiresElectron(): void {
  test.skip(binary === null && !electronRequired(), MISSING_ELECTRON_REASON);
}

export { expect } from '@playwright/test';
