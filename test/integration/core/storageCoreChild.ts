// Child process of storageFaults.test.ts, run with ordinary file permissions (see
// test/support/storageFaults.ts): starts the core on the data folder argv[2], connects to the
// simulator at argv[3] with the key argv[4] (kept in the keychain, a fake one), and prints the
// outcome and the app's state as one JSON line.
import { join } from 'node:path';
import { createCore } from '../../../electron/core/createCore';
import type { KeyCipher } from '../../../electron/core/ports';
import { createFileSecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { createHarnessPorts } from '../../../electron/harness/harnessPorts';
import { dispatch } from '../../../shared/ipc/dispatch';
import { quietLogger } from '../../support/logger';

const [dataDir, url, apiKey] = process.argv.slice(2) as [string, string, string];

const fakeKeychain: KeyCipher = {
  backend: () => 'gnome_libsecret',
  prepare: async () => {},
  isAvailable: () => true,
  unavailableReason: () => null,
  encrypt: async (s) => new TextEncoder().encode(Buffer.from(s).toString('base64')),
  decrypt: async (b) => ({ text: Buffer.from(new TextDecoder().decode(b), 'base64').toString(), reEncrypt: false }),
};

const result: Record<string, unknown> = {};
try {
  const core = await createCore({
    transport: 'web',
    version: '0.0.0-test',
    os: process.platform,
    paths: { data: dataDir, logs: join(dataDir, 'logs') },
    secrets: createFileSecretStore({ file: join(dataDir, 'keys.json'), cipher: fakeKeychain }),
    logger: quietLogger,
    ...createHarnessPorts({ logger: quietLogger, launchBrowser: false }),
  });
  result.connect = await dispatch(core.handlers, 'connection:connect', { url, apiKey, keyStorage: 'auto' });
  const state = await dispatch(core.handlers, 'app:getState', {});
  result.state = state.ok ? state.value : state;
  await core.close();
} catch (e) {
  result.error = String(e);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
