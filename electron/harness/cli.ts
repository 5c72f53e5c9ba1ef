import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/createCore';
import { createFileLogger } from '../core/logger';
import { createFileSecretStore, createMemorySecretStore } from '../core/secrets/fileSecretStore';
import { configureTlsTrust, logTlsTrust, nodeTrustsSystemStore } from '../core/tlsTrust';
import { createHarnessPorts } from './harnessPorts';
import { openInBrowser, shouldOpenBrowser } from './openBrowser';
import { folderInUseMessage, lockDataFolder, prepareDataFolder } from './dataFolder';
import { HARNESS_EXPORT_WORKER } from './exportWorker';
import { linksInArgv } from '../main/shell/deepLinks';
import { startHarness } from './harnessServer';
import { harnessAppPaths } from './paths';
import { createPageClipboard } from './pageClipboard';
import { sourceLaunch } from '../mcp/launch';

const USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR] [--persist-keys] [--no-open] [--renderer-dir DIR] [vexa://LINK]

Runs the Vexa Companion core in Node, serves the app on 127.0.0.1 and opens it in your default browser.
  --port N            listen on port N (default: a free port)
  --data-dir DIR      keep settings, the cache and logs in DIR (one running copy per folder)
  --persist-keys      keep API keys on disk between runs (unencrypted: the browser-served app has
                      no access to the system keychain); by default keys live in memory for this run
  --no-open           only print the address (also when CI is set, or on Linux with no display);
                      --open opens the browser even then
  --renderer-dir DIR  serve the app built in DIR instead of dist/renderer
  vexa://LINK         open a vexa:// link (README "Links") once the page is open, as the desktop
                      app does with a link on its command line
`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    allowNegative: true,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'persist-keys': { type: 'boolean', default: false },
      open: { type: 'boolean' },
      'renderer-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const root = resolve(import.meta.dirname, '..', '..');
  const rendererDir = values['renderer-dir'] ? resolve(values['renderer-dir']) : join(root, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write('The app has not been built yet. Run `npm run web`, which builds it first.\n');
    process.exit(1);
  }
  const defaults = harnessAppPaths();
  const paths = values['data-dir'] ? { data: resolve(values['data-dir']), logs: join(resolve(values['data-dir']), 'logs') } : defaults;
  prepareDataFolder(paths.data, { isDefault: !values['data-dir'] });
  const locked = lockDataFolder(paths.data);
  if (!locked.ok) {
    process.stderr.write(folderInUseMessage(paths.data, locked.heldBy));
    process.exit(1);
  }
  const logger = createFileLogger({ dir: paths.logs, echo: false });
  if (nodeTrustsSystemStore(process.execArgv, process.env)) {
    logger.info(
      'Trusted certificate authorities: Node’s own, the system store and NODE_EXTRA_CA_CERTS, read at the first secure connection',
    );
  } else logTlsTrust(logger, configureTlsTrust());
  // What the core copies goes to the browser's clipboard, where the person pastes from.
  const pageClipboard = createPageClipboard();
  const ports = createHarnessPorts({ logger, launchBrowser: true, clipboard: pageClipboard.port });
  const secrets = values['persist-keys']
    ? createFileSecretStore({ file: join(paths.data, 'keys.json'), cipher: null })
    : createMemorySecretStore();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const core = await createCore({
    transport: 'web',
    version,
    os: process.platform,
    paths,
    secrets,
    logger,
    exportWorker: HARNESS_EXPORT_WORKER,
    mcp: sourceLaunch({ root, dataDir: paths.data, platform: process.platform }),
    ...ports,
  });
  const harness = await startHarness({
    core,
    rendererDir,
    port: values.port ? Number(values.port) : 0,
    pageClipboard,
    pageAlerts: ports.pageAlerts,
  });
  // Kept by the core until the page takes it, like a link that starts the desktop app.
  for (const link of linksInArgv(positionals)) void core.openLink(link);

  let quitting = false;
  const quit = (): void => {
    if (quitting) return;
    quitting = true;
    void harness
      .close()
      .then(() => core.close())
      .finally(() => {
        locked.lock.release();
        process.exit(0);
      });
  };
  // Before the address is announced: a signal that arrives while no listener exists ends the
  // process at once, without closing the cache or releasing the folder.
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);

  process.stdout.write(`Vexa Companion is running at ${harness.url}\n`);
  process.stdout.write(`Data: ${paths.data}\nLogs: ${paths.logs}\nPress Ctrl+C to quit.\n`);
  const browser = shouldOpenBrowser({ open: values.open, env: process.env, platform: process.platform });
  if (browser.open) {
    openInBrowser(harness.url, () =>
      process.stderr.write('Could not open your browser. Open the address above in it (the part after # is needed).\n'),
    );
  } else if (browser.why) {
    process.stdout.write(`Not opening a browser: ${browser.why}. Open the address above in one.\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`Vexa Companion could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
