import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../../shared/ipc/shortcutSettings';
import type { Core } from '../../../electron/core/app';
import { createCore, SETTINGS_FILE } from '../../../electron/core/createCore';
import { createMemorySecretStore } from '../../../electron/core/secrets/fileSecretStore';
import { createHarnessPorts, type HarnessPorts } from '../../../electron/harness/harnessPorts';
import { quietLogger } from '../../support/logger';

/**
 * The shortcuts as the core keeps them between runs: what is chosen in Settings is registered at
 * the next start, a hand-edited settings file is read without registering what it gets wrong, and
 * a choice the disk refuses to keep leaves the keys as they were.
 */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vexa-shortcuts-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<{ core: Core; ports: HarnessPorts }> {
  const ports = createHarnessPorts({ logger: quietLogger, launchBrowser: false, recordShortcuts: true });
  const core = await createCore({
    transport: 'web',
    version: '0.0.0-test',
    os: 'linux',
    paths: { data: dataDir, logs: join(dataDir, 'logs') },
    secrets: createMemorySecretStore(),
    logger: quietLogger,
    ...ports,
  });
  cleanups.push(() => core.close());
  return { core, ports };
}

describe('global shortcuts between runs', () => {
  it('registers the defaults at start, and a changed shortcut at the next start; closing releases every key', async () => {
    const dir = dataFolder();
    const first = await start(dir);
    expect(first.ports.shortcuts.port.registered).toEqual(Object.values(DEFAULT_SHORTCUTS));
    const set = await first.core.handlers['shortcuts:set']({ action: 'showApp', accelerator: 'Super+F9' });
    expect(set.items[2]).toMatchObject({ accelerator: 'Super+F9', state: 'active' });
    await first.core.handlers['shortcuts:set']({ action: 'toggleOverlay', accelerator: null });
    await first.core.close();
    expect(first.ports.shortcuts.port.registered).toEqual([]);

    const second = await start(dir);
    expect(second.ports.shortcuts.port.registered).toEqual([DEFAULT_SHORTCUTS.sendBot, 'Super+F9']);
    const state = await second.core.handlers['app:getState'](undefined);
    expect(state.settings.shortcuts).toEqual({ sendBot: DEFAULT_SHORTCUTS.sendBot, toggleOverlay: null, showApp: 'Super+F9' });
  });

  it('a hand-edited file: missing keys take their default, a clash and text that is no shortcut are named and not registered', async () => {
    const dir = dataFolder();
    writeFileSync(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ settings: { shortcuts: { toggleOverlay: 'Ctrl+Alt+Shift+B', showApp: 'Hyper+Q' } } }),
    );
    const { core, ports } = await start(dir);
    const view = await core.handlers['shortcuts:get'](undefined);
    expect(view.items.map((i) => i.state)).toEqual(['active', 'conflict', 'invalid']);
    expect(ports.shortcuts.port.registered).toEqual([DEFAULT_SHORTCUTS.sendBot]);
  });

  it('a choice the disk refuses to keep changes no keys and says why', async () => {
    const dir = dataFolder();
    const { core, ports } = await start(dir);
    // A data folder removed while the app runs is not made again (settings.ts): the save fails.
    rmSync(dir, { recursive: true, force: true });
    await expect(core.handlers['shortcuts:set']({ action: 'sendBot', accelerator: 'Ctrl+Alt+J' })).rejects.toMatchObject({
      code: 'storage_failed',
      message: expect.stringContaining('was removed while the app was running'),
    });
    expect(ports.shortcuts.port.registered).toContain(DEFAULT_SHORTCUTS.sendBot);
    expect(ports.shortcuts.port.registered).not.toContain('Control+Alt+J');
    const view = await core.handlers['shortcuts:get'](undefined);
    expect(view.items[0]).toMatchObject({ accelerator: DEFAULT_SHORTCUTS.sendBot, state: 'active' });
  });
});
