// Child process of lazyStart.test.ts: records every module loaded while the core starts on the
// empty data folder argv[2] and answers its first request, and prints their URLs as one JSON line.
// A process of its own: in the test runner's process, other tests would have loaded them already.
import { registerHooks } from 'node:module';
import { join } from 'node:path';

const loaded: string[] = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});

const [dataDir] = process.argv.slice(2) as [string];
const { createCore } = await import('../../../electron/core/createCore');
const { createMemorySecretStore } = await import('../../../electron/core/secrets/fileSecretStore');
const { createHarnessPorts } = await import('../../../electron/harness/harnessPorts');
const { HARNESS_EXPORT_WORKER } = await import('../../../electron/harness/exportWorker');
const { dispatch } = await import('../../../shared/ipc/dispatch');
const { quietLogger } = await import('../../support/logger');

const core = await createCore({
  transport: 'web',
  version: '0.0.0-test',
  os: process.platform,
  paths: { data: dataDir, logs: join(dataDir, 'logs') },
  secrets: createMemorySecretStore(),
  logger: quietLogger,
  exportWorker: HARNESS_EXPORT_WORKER,
  ...createHarnessPorts({ logger: quietLogger, launchBrowser: false }),
});
const state = await dispatch(core.handlers, 'app:getState', {});
await core.close();
process.stdout.write(`${JSON.stringify({ answered: state.ok, loaded })}\n`);
