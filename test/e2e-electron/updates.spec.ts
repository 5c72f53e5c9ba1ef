import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, requiresElectron, test } from './fixture';
import { connect, goTo } from './ui';

// Updates in the desktop app. The suite starts Electron on the project folder, which is a
// development run (`app.isPackaged` is false): the app must never update itself there, so what
// this suite can see is that promise kept, end to end through the real main process and preload.
// Downloading, verifying and installing run with electron-updater's own classes against a local
// feed in test/integration/updates; the window's other states in test/e2e/updates.spec.ts.

interface PageGlobals {
  vexa?: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; code?: string; message?: string; value?: unknown }> };
}

test.describe('Updates in the desktop app', () => {
  requiresElectron();

  test('a development run never looks for updates, and Settings → Updates says so', async ({ desktop }) => {
    const server = await desktop.startServer();
    const { window } = await desktop.launch();
    await connect(window, server);
    await goTo(window, 'Settings');

    const card = window.getByRole('region', { name: 'Updates' });
    await expect(card.getByTestId('update-status')).toHaveText('This is a development build: it never updates itself.');
    await expect(card).toContainText(/This is Vexa Companion \d+\.\d+\.\d+/);
    await expect(card.getByRole('switch')).toHaveCount(0);
    await expect(card.getByLabel('Update feed')).toHaveCount(0);
    await expect(card.getByRole('button', { name: 'Check now' })).toHaveCount(0);

    // The same answer through the preload: nothing to check, nothing to configure, nothing to install.
    const answers = await window.evaluate(async () => {
      const vexa = (globalThis as unknown as PageGlobals).vexa;
      return {
        view: await vexa?.invoke('updates:get'),
        check: await vexa?.invoke('updates:check'),
        configure: await vexa?.invoke('updates:configure', { enabled: false, feedUrl: 'https://updates.example.com/' }),
        restart: await vexa?.invoke('updates:restart', { confirmLive: true }),
      };
    });
    expect(answers.view).toMatchObject({ ok: true, value: { state: { phase: 'disabled', reason: 'development' }, lastCheck: null } });
    expect(answers.check).toMatchObject({ ok: false, code: 'updates_off' });
    expect(answers.configure).toMatchObject({ ok: false, code: 'updates_off' });
    expect(answers.restart).toMatchObject({ ok: false, code: 'update_not_ready' });

    // electron-updater was never built (its own log lines go to the app's log), and the refused
    // change left the stored choice at its defaults (written with the first save, or absent).
    expect(desktop.readLog()).not.toContain('electron-updater:');
    const settings = JSON.parse(readFileSync(join(desktop.dataDir, 'settings.json'), 'utf8')) as { settings: { updates?: unknown } };
    expect(settings.settings.updates ?? { enabled: true, feedUrl: null }).toEqual({ enabled: true, feedUrl: null });
  });

  test('once an update drives the quit, the new version starting meanwhile is not turned away as a second instance', async ({
    desktop,
  }) => {
    const { app } = await desktop.launch();
    await expect.poll(() => desktop.readLog().split('Electron shell started').length - 1).toBe(1);
    // What electron-updater emits on Electron's autoUpdater right before it quits the app to install.
    await app.evaluate(({ autoUpdater }) => void autoUpdater.emit('before-quit-for-update'));

    const second = desktop.startAgain();
    let exited: number | null | undefined;
    void second.exitCode.then((code) => (exited = code));
    // The second copy holds the lock now and starts the app, rather than handing over and exiting.
    await expect.poll(() => desktop.readLog().split('Electron shell started').length - 1, { timeout: 30_000 }).toBe(2);
    expect(exited).toBeUndefined();
  });
});
